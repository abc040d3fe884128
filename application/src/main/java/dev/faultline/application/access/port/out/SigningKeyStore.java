package dev.faultline.application.access.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where the access-token signing keys live, so that every instance and every restart signs and verifies with
 * the same keys. Keys are opaque serialised documents to this port (the crypto adapter knows their format, and
 * seals them before a store that keeps them, such as the database, sees them).
 * Adding is idempotent per key id; listing is newest first, ties broken by key id.
 */
public interface SigningKeyStore {
    List<StoredKey> all();

    /** Stores the key unless one with the same id exists; returns whether it was added. */
    boolean add(StoredKey key);

    /**
     * Compare-and-set: replaces the document of {@code keyId} with {@code replacement} only if it is still
     * {@code expected}; returns whether it did (used to encrypt documents stored in clear by earlier versions).
     */
    boolean replaceDocument(String keyId, String expected, String replacement);

    /** Removes keys created before {@code cutoff}, except the newest key, which is never removed. */
    int deleteCreatedBefore(Instant cutoff);

    /** One key: {@code privateDocument} holds the private key and must never be logged. */
    record StoredKey(String keyId, String privateDocument, Instant createdAt) {
        public StoredKey {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(privateDocument, "privateDocument");
            Objects.requireNonNull(createdAt, "createdAt");
        }

        @Override
        public String toString() {
            return "StoredKey[keyId=" + keyId + ", createdAt=" + createdAt + ", privateDocument=redacted]";
        }
    }
}
