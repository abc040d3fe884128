package dev.faultline.application.access.port.in;

/**
 * Deletes what is no longer needed, in batches: expired codes and ended chains past retention, and clients
 * nobody authorized within the abandoned-client TTL. Idempotent; safe to run while requests are served.
 */
public interface PurgeExpiredGrants {
    Result purge();

    record Result(int codes, int chains, int clients) {
        public int total() {
            return codes + chains + clients;
        }
    }
}
