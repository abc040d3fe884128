package dev.faultline.application.tracker.port.out;

import static dev.faultline.application.testing.Fixtures.T0;
import static dev.faultline.application.testing.Fixtures.application;
import static dev.faultline.application.testing.Fixtures.bareEvent;
import static dev.faultline.application.testing.Fixtures.event;
import static dev.faultline.application.testing.Fixtures.issue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.StackFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link Events} adapter must do. */
public abstract class EventsContract {
    protected abstract Events events();

    /** For the issues (and their applications) events belong to. */
    protected abstract Issues issues();

    protected abstract Applications applications();

    private IssueId someIssue() {
        Application app = application();
        applications().add(app);
        Issue issue = issue(app.id());
        issues().add(issue);
        return issue.id();
    }

    private Event stored(Event event) {
        events().add(event);
        return event;
    }

    private static Event withId(Event e, String uuid) {
        return new Event(new EventId(UUID.fromString(uuid)), e.issueId(), e.occurredAt(), e.message(),
                e.exceptionType(), e.level(), e.frames(), e.environment(), e.release(), e.tags(), e.user());
    }

    @Test
    void finds_an_event_exactly_as_stored_with_frames_in_order() {
        IssueId issue = someIssue();
        Event full = stored(event(issue, T0.plusNanos(123_456_000)));
        Event bare = stored(bareEvent(issue, T0));
        assertThat(events().findById(full.id())).contains(full);
        assertThat(events().findById(full.id()).orElseThrow().frames()).containsExactlyElementsOf(full.frames());
        assertThat(events().findById(bare.id())).contains(bare);
        assertThat(events().findById(EventId.random())).isEmpty();
    }

    @Test
    void keeps_the_most_frames_an_event_may_carry_in_order_and_every_tag() {
        IssueId issue = someIssue();
        Event sample = event(issue, T0);
        List<StackFrame> frames = new ArrayList<>();
        for (int i = 0; i < Event.MAX_FRAMES; i++) {
            frames.add(new StackFrame(i % 7 == 0 ? "" : "File" + i + ".java", "f" + (Event.MAX_FRAMES - i),
                    i * 3, i % 2 == 0));
        }
        TreeMap<String, String> tags = new TreeMap<>();
        for (int i = 0; i < Event.MAX_TAGS; i++) {
            tags.put("key." + i, "value " + (Event.MAX_TAGS - i));
        }
        Event full = stored(new Event(EventId.random(), issue, T0, sample.message(), sample.exceptionType(),
                sample.level(), frames, sample.environment(), sample.release(), tags, sample.user()));

        Event found = events().findById(full.id()).orElseThrow();
        assertThat(found.frames()).containsExactlyElementsOf(frames);
        assertThat(found.tags()).isEqualTo(tags);
    }

    @Test
    void lists_an_issues_events_newest_first_with_ties_by_unsigned_id_descending() {
        IssueId issue = someIssue();
        Event old = stored(event(issue, T0));
        Event tieLow = stored(withId(event(issue, T0.plusSeconds(5)), "10000000-0000-4000-8000-000000000000"));
        Event tieHigh = stored(withId(event(issue, T0.plusSeconds(5)), "f0000000-0000-4000-8000-000000000000"));
        Event newest = stored(bareEvent(issue, T0.plusSeconds(9)));
        stored(event(someIssue(), T0.plusSeconds(7)));
        assertThat(events().listByIssue(issue, Optional.empty(), 100))
                .containsExactly(newest, tieHigh, tieLow, old);
        assertThat(events().listByIssue(issue, Optional.empty(), 2)).containsExactly(newest, tieHigh);
        assertThat(events().listByIssue(issue, Optional.of(new Events.Position(tieHigh.occurredAt(), tieHigh.id())),
                100)).containsExactly(tieLow, old);
        assertThat(events().listByIssue(IssueId.random(), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void gives_the_newest_event_in_full_and_the_newest_ids_in_list_order() {
        IssueId issue = someIssue();
        Event old = stored(bareEvent(issue, T0));
        Event tieLow = stored(withId(bareEvent(issue, T0.plusSeconds(5)), "20000000-0000-4000-8000-000000000000"));
        Event tieHigh = stored(withId(event(issue, T0.plusSeconds(5)), "e0000000-0000-4000-8000-000000000000"));
        Event newest = stored(event(issue, T0.plusSeconds(9)));
        stored(event(someIssue(), T0.plusSeconds(11)));

        Events.Recent recent = events().recentOfIssue(issue, 3);

        assertThat(recent.latest()).contains(newest);
        assertThat(recent.latest().orElseThrow().frames()).containsExactlyElementsOf(newest.frames()).isNotEmpty();
        assertThat(recent.latest().orElseThrow().tags()).isEqualTo(newest.tags()).isNotEmpty();
        assertThat(recent.ids()).containsExactly(newest.id(), tieHigh.id(), tieLow.id());
        assertThat(events().recentOfIssue(issue, 10).ids())
                .containsExactlyElementsOf(events().listByIssue(issue, Optional.empty(), 10).stream()
                        .map(Event::id).toList())
                .endsWith(old.id());
        IssueId bareOnly = someIssue();
        Event bare = stored(bareEvent(bareOnly, T0));
        assertThat(events().recentOfIssue(bareOnly, 10)).isEqualTo(new Events.Recent(Optional.of(bare),
                List.of(bare.id())));
        assertThat(events().recentOfIssue(IssueId.random(), 10))
                .isEqualTo(new Events.Recent(Optional.empty(), List.of()));
    }

    @Test
    void pages_through_every_event_once() {
        IssueId issue = someIssue();
        List<Event> all = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            all.add(stored(bareEvent(issue, T0.plusSeconds(i / 3))));
        }
        List<Event> expected = events().listByIssue(issue, Optional.empty(), 100);
        List<Event> paged = new ArrayList<>();
        Optional<Events.Position> after = Optional.empty();
        while (true) {
            List<Event> page = events().listByIssue(issue, after, 2);
            paged.addAll(page);
            if (page.size() < 2) {
                break;
            }
            Event last = page.get(page.size() - 1);
            after = Optional.of(new Events.Position(last.occurredAt(), last.id()));
        }
        assertThat(paged).containsExactlyElementsOf(expected).containsExactlyInAnyOrderElementsOf(all);
    }
}
