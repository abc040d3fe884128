package dev.faultline.application.intake;

import dev.faultline.application.intake.port.in.AuthenticateIngestKey;
import dev.faultline.application.intake.port.out.IngestIds;
import dev.faultline.application.intake.port.out.IngestKeys;
import dev.faultline.domain.intake.IngestId;
import dev.faultline.domain.intake.IngestKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the application by its ingest id, then the presented key among that application's keys (compared in
 * constant time: the key is public, but the habit is cheap), and records the key's use when the last-use rule
 * says it is due.
 */
public class AuthenticateIngestKeyService implements AuthenticateIngestKey {
    private final IngestIds ingestIds;
    private final IngestKeys keys;

    public AuthenticateIngestKeyService(IngestIds ingestIds, IngestKeys keys) {
        this.ingestIds = ingestIds;
        this.keys = keys;
    }

    @Override
    public Outcome authenticate(IngestId ingestId, String presentedKey, Instant now) {
        Optional<IngestIds.IngestTarget> target = ingestIds.findByIngestId(ingestId);
        if (target.isEmpty()) {
            return new Outcome.UnknownProject(ingestId);
        }
        byte[] presented = (presentedKey == null ? "" : presentedKey).getBytes(StandardCharsets.UTF_8);
        Optional<IngestKey> match = Optional.empty();
        for (IngestKey key : keys.listByApplication(target.get().applicationId())) {
            if (MessageDigest.isEqual(key.key().value().getBytes(StandardCharsets.US_ASCII), presented)) {
                match = Optional.of(key);
            }
        }
        if (match.isEmpty()) {
            return new Outcome.UnknownKey(ingestId);
        }
        IngestKey key = match.get();
        if (!key.enabled()) {
            return new Outcome.KeyDisabled(key.id(), Optional.of(key.label()));
        }
        if (key.lastUseDueAt(now)) {
            keys.recordUse(key.id(), now);
        }
        return new Outcome.Authenticated(new IngestSource(target.get().applicationId(), key.id(),
                target.get().platform(), key.eventsPerMinute()));
    }
}
