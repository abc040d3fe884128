package dev.faultline.domain.intake;

import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.shared.Times;
import dev.faultline.domain.tracker.ApplicationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One ingest key of an application: the public key of its DSNs, a label its owners chose, whether SDKs may use it,
 * an optional limit of events per minute, and when it was made and last used. The key is public by design and
 * kept in clear so it can be shown again; it authenticates an application, never a person.
 */
public record IngestKey(IngestKeyId id, ApplicationId applicationId, PublicIngestKey key, String label,
        boolean enabled, OptionalInt eventsPerMinute, Instant createdAt, Optional<Instant> lastUsedAt) {
    public static final int MAX_LABEL_LENGTH = 100;
    public static final int MAX_EVENTS_PER_MINUTE = 1_000_000;
    /** The label of the key every new application gets, so its DSN works at once. */
    public static final String DEFAULT_LABEL = "Default";
    /** How stale {@link #lastUsedAt} may be: a busy key is written at most once per this. */
    public static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    public IngestKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(key, "key");
        label = label(label);
        eventsPerMinute = eventsPerMinute(eventsPerMinute);
        createdAt = Times.micros(Objects.requireNonNull(createdAt, "createdAt"));
        lastUsedAt = Objects.requireNonNull(lastUsedAt, "lastUsedAt").map(Times::micros);
    }

    /** A new, enabled, never used key with a fresh random public key. */
    public static IngestKey create(ApplicationId applicationId, String label, OptionalInt eventsPerMinute,
            Instant now) {
        return new IngestKey(IngestKeyId.random(), applicationId, PublicIngestKey.random(), label, true,
                eventsPerMinute, now, Optional.empty());
    }

    /** The label rule: 1–{@value #MAX_LABEL_LENGTH} characters on one line, surrounding spaces dropped. */
    public static String label(String value) {
        InvalidValue.require(value != null && !value.isBlank(), "label", "a key's label is required");
        String stripped = value.strip();
        InvalidValue.require(stripped.length() <= MAX_LABEL_LENGTH, "label",
                "a key's label is at most " + MAX_LABEL_LENGTH + " characters");
        InvalidValue.require(stripped.chars().noneMatch(Character::isISOControl), "label",
                "a key's label is one line without control characters");
        return stripped;
    }

    /** The limit rule: none, or 1–{@value #MAX_EVENTS_PER_MINUTE} events per minute. */
    public static OptionalInt eventsPerMinute(OptionalInt value) {
        Objects.requireNonNull(value, "eventsPerMinute");
        value.ifPresent(limit -> InvalidValue.require(limit >= 1 && limit <= MAX_EVENTS_PER_MINUTE, "rate_limit",
                "a key's rate limit is 1 to " + MAX_EVENTS_PER_MINUTE + " events per minute, not " + limit));
        return value;
    }

    public IngestKey disabled() {
        return new IngestKey(id, applicationId, key, label, false, eventsPerMinute, createdAt, lastUsedAt);
    }

    public IngestKey enabledAgain() {
        return new IngestKey(id, applicationId, key, label, true, eventsPerMinute, createdAt, lastUsedAt);
    }

    /**
     * The last-use rule: record a use at {@code now} only when the key was never used or its recorded last use is
     * at least {@link #LAST_USE_PRECISION} old, so a busy key costs one write a minute, not one per event.
     */
    public boolean lastUseDueAt(Instant now) {
        return lastUsedAt.map(last -> !now.isBefore(last.plus(LAST_USE_PRECISION))).orElse(true);
    }

    public IngestKey usedAt(Instant now) {
        return new IngestKey(id, applicationId, key, label, enabled, eventsPerMinute, createdAt, Optional.of(now));
    }
}
