package dev.faultline.adapters.ingest;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What reading one event changed to fit it into the domain's limits, counted per reason: nothing here was a
 * reason to refuse the event. Meant for metrics and for the stored event's "what was trimmed" note.
 */
public record Normalisation(Map<Reason, Integer> counts) {

    public enum Reason {
        /** NUL characters removed (PostgreSQL cannot store them). */
        NUL_REMOVED,
        /** Other control characters replaced by a space in single-line text. */
        CONTROL_CHARACTERS_REPLACED,
        /** Text cut to its limit. */
        TEXT_TRUNCATED,
        /** Frames removed from the middle of an over-long stack trace. */
        FRAMES_TRIMMED,
        /** Entries beyond a limit dropped: exceptions, threads, tags, variables, extra, fingerprint entries. */
        ENTRIES_DROPPED,
        /** A number or boolean where text was expected, kept as its text. */
        VALUE_CONVERTED,
        /** A value of the wrong shape (an object where text was expected, ...) dropped. */
        WRONG_TYPE_DROPPED,
        /** Something that names nothing dropped: an empty frame, an exception without type, value or stack. */
        EMPTY_DROPPED,
        /** Characters a tag key or environment may not hold replaced by {@code _}. */
        NAME_CHARACTERS_REPLACED,
        /** A level nobody knows, read as {@code error}. */
        LEVEL_DEFAULTED,
        /** No usable event id: a fresh one was given. */
        EVENT_ID_GENERATED,
        /** Missing or unreadable timestamp: the receive time was used. */
        TIMESTAMP_MISSING,
        /** The sender's clock was off by 55 minutes or more: timestamps shifted by the difference. */
        CLOCK_DRIFT_CORRECTED,
        /** A timestamp more than a minute in the future: the receive time was used. */
        FUTURE_TIMESTAMP_CLAMPED,
        /** A value replaced by {@code [Filtered]} or a header or cookie dropped because it may hold a secret. */
        SECRET_SCRUBBED
    }

    public Normalisation {
        EnumMap<Reason, Integer> copy = new EnumMap<>(Reason.class);
        counts.forEach((reason, count) -> {
            if (count > 0) {
                copy.put(reason, count);
            }
        });
        counts = Collections.unmodifiableMap(copy);
    }

    public int count(Reason reason) {
        return counts.getOrDefault(reason, 0);
    }

    /** Nothing had to change. */
    public boolean clean() {
        return counts.isEmpty();
    }

    /** Counts changes while an event is read; one per event, not shared. */
    static final class Recorder {
        private final EnumMap<Reason, Integer> counts = new EnumMap<>(Reason.class);

        void add(Reason reason) {
            add(reason, 1);
        }

        void add(Reason reason, int count) {
            if (count > 0) {
                counts.merge(reason, count, Integer::sum);
            }
        }

        Normalisation report() {
            return new Normalisation(counts);
        }
    }
}
