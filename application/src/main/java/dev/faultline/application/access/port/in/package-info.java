/**
 * Inbound ports of the access context: one interface per user intent, named as that intent. Commands are
 * records that validate in their constructor; results are explicit outcomes. No raw secret is ever part of
 * a result except the one a creation hands out once (and its {@code toString} redacts it).
 */
package dev.faultline.application.access.port.in;
