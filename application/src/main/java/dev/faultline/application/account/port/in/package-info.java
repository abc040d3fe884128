/** Inbound ports of the account context: one interface per intent, each with its command and outcomes. */
package dev.faultline.application.account.port.in;
