/** Outbound ports of the account context: the user repository, password hashing, sign-in attempts. */
package dev.faultline.application.account.port.out;
