/**
 * Outbound ports of the intake context: the ingested documents (claimed atomically per SDK event id), the grouping
 * that explains each issue, and retention. Every adapter passes the contract suites in the application test-jar.
 */
package dev.faultline.application.intake.port.out;
