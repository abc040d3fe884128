/**
 * Inbound ports of the access context, one interface per intent. Commands carry raw protocol parameters
 * (absent = {@code null}) because deciding which protocol error a missing parameter becomes is itself a rule
 * of the use case; every expected failure comes back as an outcome with an RFC error code and a precise
 * description, never as an exception. Secrets in commands and outcomes are redacted from {@code toString}.
 */
package dev.faultline.application.access.port.in;
