package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.shared.Times;
import dev.faultline.domain.shared.Uuids;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How issue lists are ordered: always descending (most recent or most frequent first), ties broken by the
 * issue id, descending, so that the order is total and keyset pages neither skip nor repeat an issue. Ids
 * compare as unsigned 128-bit numbers, which is how PostgreSQL orders {@code uuid}.
 */
public enum IssueSort {
    LAST_SEEN,
    FIRST_SEEN,
    EVENT_COUNT;

    /** The numeric sort key: epoch microseconds for the seen sorts, the count for {@link #EVENT_COUNT}. */
    public long keyOf(Issue issue) {
        return keyOf(issue.firstSeen(), issue.lastSeen(), issue.eventCount());
    }

    /** The key of figures kept elsewhere, e.g. of what was seen of an issue in one release. */
    public long keyOf(Instant firstSeen, Instant lastSeen, long eventCount) {
        return switch (this) {
            case LAST_SEEN -> Times.epochMicros(lastSeen);
            case FIRST_SEEN -> Times.epochMicros(firstSeen);
            case EVENT_COUNT -> eventCount;
        };
    }

    /** Orders issues as lists show them: greatest key first, then greatest id. */
    public Comparator<Issue> order() {
        Comparator<Issue> byKey = Comparator.comparingLong(this::keyOf);
        return byKey.thenComparing(Issue::id, IssueSort::compareIds).reversed();
    }

    /** Does {@code issue} come after the position {@code (key, id)} in this order? */
    public boolean isAfter(Issue issue, long key, IssueId id) {
        return isAfter(keyOf(issue), issue.id(), key, id);
    }

    /** Does what is keyed {@code (ownKey, ownId)} come after the position {@code (key, id)} in this order? */
    public static boolean isAfter(long ownKey, IssueId ownId, long key, IssueId id) {
        return ownKey < key || (ownKey == key && compareIds(ownId, id) < 0);
    }

    public static int compareIds(IssueId a, IssueId b) {
        return Uuids.compareUnsigned(a.value(), b.value());
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IssueSort parse(String text) {
        return Arrays.stream(values()).filter(s -> s.wireName().equalsIgnoreCase(text == null ? "" : text.strip()))
                .findFirst().orElseThrow(() -> new InvalidValue("sort", "unknown sort \"" + text
                        + "\"; expected one of " + Arrays.stream(values()).map(IssueSort::wireName)
                        .collect(Collectors.joining(", "))));
    }
}
