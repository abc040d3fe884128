package dev.faultline.application.intake.port.out;

import dev.faultline.domain.intake.IngestKey;
import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.tracker.ApplicationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The ingest keys of every application. */
public interface IngestKeys {
    /** Stores a new key unless its id or public key is taken; atomic. */
    Insertion add(IngestKey key);

    Optional<IngestKey> findById(IngestKeyId id);

    /** The application's keys in creation order. */
    List<IngestKey> listByApplication(ApplicationId applicationId);

    int countByApplication(ApplicationId applicationId);

    /** Stores the key's enabled flag (the only thing an owner changes after creation); false if it is gone. */
    boolean updateEnabled(IngestKeyId id, boolean enabled);

    /** Records a use at {@code usedAt}, never moving the last use back; false if the key is gone. */
    boolean recordUse(IngestKeyId id, Instant usedAt);

    /** False if there was no such key. */
    boolean delete(IngestKeyId id);

    enum Insertion {
        ADDED,
        KEY_TAKEN
    }
}
