/** Account use cases: creating users and signing in with throttling. */
package dev.faultline.application.account;
