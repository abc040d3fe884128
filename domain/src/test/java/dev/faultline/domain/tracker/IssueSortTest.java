package dev.faultline.domain.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IssueSortTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.123456789Z");

    @Test
    void times_are_kept_to_the_microsecond() {
        assertThat(Issues.fresh(T0).firstSeen()).isEqualTo(Instant.parse("2026-11-23T10:00:00.123456Z"));
    }

    @Test
    void ids_compare_as_unsigned_numbers_like_postgres() {
        IssueId low = new IssueId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        IssueId high = new IssueId(UUID.fromString("ffffffff-0000-0000-0000-000000000000"));
        assertThat(IssueSort.compareIds(low, high)).isNegative();
        assertThat(low.value().compareTo(high.value())).isPositive();
    }

    @Test
    void order_is_descending_by_key_then_id() {
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            issues.add(Issues.withEvents(T0.plusSeconds(i % 3), 1 + i % 4));
        }
        for (IssueSort sort : IssueSort.values()) {
            List<Issue> sorted = issues.stream().sorted(sort.order()).toList();
            for (int i = 1; i < sorted.size(); i++) {
                Issue before = sorted.get(i - 1);
                assertThat(sort.isAfter(sorted.get(i), sort.keyOf(before), before.id())).isTrue();
                assertThat(sort.isAfter(before, sort.keyOf(sorted.get(i)), sorted.get(i).id())).isFalse();
            }
        }
    }
}
