package dev.faultline.adapters.postgres.access;

import dev.faultline.adapters.postgres.Rows;
import dev.faultline.application.access.port.out.SigningKeyStore;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Signing keys in the {@code signing_keys} table, shared by every instance. */
public final class PostgresSigningKeyStore implements SigningKeyStore {
    private final Jdbi jdbi;

    public PostgresSigningKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<StoredKey> all() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT key_id, private_document, created_at FROM signing_keys ORDER BY created_at DESC, key_id DESC")
                .map((rs, ctx) -> new StoredKey(rs.getString("key_id"), rs.getString("private_document"),
                        Rows.instant(rs, "created_at")))
                .list());
    }

    @Override
    public boolean add(StoredKey key) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO signing_keys (key_id, private_document, created_at)
                        VALUES (:keyId, :document, :createdAt)
                        ON CONFLICT (key_id) DO NOTHING""")
                .bind("keyId", key.keyId())
                .bind("document", key.privateDocument())
                .bind("createdAt", key.createdAt())
                .execute()) == 1;
    }

    @Override
    public boolean replaceDocument(String keyId, String expected, String replacement) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE signing_keys SET private_document = :replacement
                        WHERE key_id = :keyId AND private_document = :expected""")
                .bind("keyId", keyId)
                .bind("expected", expected)
                .bind("replacement", replacement)
                .execute()) == 1;
    }

    @Override
    public int deleteCreatedBefore(Instant cutoff) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM signing_keys
                        WHERE created_at < :cutoff
                          AND key_id <> (SELECT key_id FROM signing_keys ORDER BY created_at DESC, key_id DESC LIMIT 1)""")
                .bind("cutoff", cutoff)
                .execute());
    }
}
