/** Accounts: the people who sign in, their password hashes and sign-in throttling. */
package dev.faultline.domain.account;
