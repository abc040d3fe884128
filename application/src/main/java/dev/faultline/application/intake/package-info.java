/** The intake context's use cases: ingest keys and storing what Sentry SDKs report. */
package dev.faultline.application.intake;
