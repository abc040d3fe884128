/**
 * The ingest surface over HTTP: the servlet SDKs post to, the pipeline from bytes to a committed event, and what
 * guards it — the concurrency gate (429 before anything queues), per-key rate limits, metrics and the health check.
 */
package dev.faultline.adapters.ingest.endpoint;
