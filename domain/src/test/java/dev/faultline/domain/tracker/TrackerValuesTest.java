package dev.faultline.domain.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackerValuesTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"", "Shop", "shop_android", "-shop", "shop-", "shop--android", "shöp"})
    void slugs_are_lowercase_words_joined_by_hyphens(String text) {
        assertThatThrownBy(() -> new ApplicationSlug(text)).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("slug");
    }

    @Test
    void accepts_good_slugs_and_platforms() {
        assertThat(new ApplicationSlug("shop-android-2").value()).isEqualTo("shop-android-2");
        assertThat(new Platform(" Android ").value()).isEqualTo("android");
        assertThatThrownBy(() -> new Platform("1java")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new ApplicationSlug("a".repeat(65))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void parses_ids_with_a_precise_error() {
        IssueId id = IssueId.random();
        assertThat(IssueId.parse(id.toString(), "issue_id")).isEqualTo(id);
        assertThatThrownBy(() -> IssueId.parse("42", "issue_id")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("\"42\"").extracting(e -> ((InvalidValue) e).field()).isEqualTo("issue_id");
    }

    @Test
    void level_and_status_parse_their_wire_names() {
        assertThat(Level.parse("Warning")).isEqualTo(Level.WARNING);
        assertThat(IssueStatus.parse("muted")).isEqualTo(IssueStatus.MUTED);
        assertThatThrownBy(() -> IssueStatus.parse("ignored")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("unresolved, resolved, muted");
    }

    @Test
    void derived_fingerprints_group_by_type_and_culprit() {
        assertThat(Fingerprint.derivedFrom("E", "A.b")).isEqualTo(Fingerprint.derivedFrom("E", "A.b"));
        assertThat(Fingerprint.derivedFrom("E", "A.b")).isNotEqualTo(Fingerprint.derivedFrom("E", "A.c"));
    }

    @Test
    void events_are_bounded() {
        IssueId issue = IssueId.random();
        StackFrame frame = new StackFrame("A.java", "a", 1, true);
        assertThatThrownBy(() -> event(issue, "x".repeat(Event.MAX_MESSAGE_LENGTH + 1), List.of(), Map.of()))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("message");
        assertThatThrownBy(() -> event(issue, "m", java.util.Collections.nCopies(Event.MAX_FRAMES + 1, frame),
                Map.of())).isInstanceOf(InvalidValue.class).hasMessageContaining("frames");
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= Event.MAX_TAGS; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(() -> event(issue, "m", List.of(), many)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> event(issue, "m", List.of(), Map.of("bad key", "v")))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("bad key");
        Event ok = event(issue, "m", List.of(frame, new StackFrame("Lib.java", "x", 0, false)),
                Map.of("os", "android", "device", "pixel"));
        assertThat(ok.tags().firstKey()).isEqualTo("device");
        assertThat(ok.inAppFrames()).containsExactly(frame);
    }

    @Test
    void frames_need_a_file_or_function_and_a_positive_line() {
        assertThatThrownBy(() -> new StackFrame("", " ", 1, true).checked()).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new StackFrame("A.java", "a", -1, true).checked()).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new StackFrame("A.java", "a\u0000", 1, true).checked())
                .isInstanceOf(InvalidValue.class);
        assertThat(new StackFrame(null, " main ", 0, false).checked()).isEqualTo(new StackFrame("", "main", 0, false));
    }

    @Test
    void affected_user_needs_something() {
        assertThatThrownBy(() -> new AffectedUser(Optional.empty(), Optional.of(" "), Optional.empty()).checked())
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new AffectedUser(Optional.of("u\u0007"), Optional.empty(), Optional.empty())
                .checked()).isInstanceOf(InvalidValue.class);
        assertThat(new AffectedUser(Optional.of("u-1"), Optional.empty(), Optional.empty()).id()).contains("u-1");
    }

    @Test
    void notes_are_bounded_and_deletable_only_by_their_author() {
        UserId ada = UserId.random();
        UserId grace = UserId.random();
        Note note = Note.write(IssueId.random(), ada, "Looks like a race\nin checkout", T0);
        assertThat(note.deleteBy(ada)).isEqualTo(new Note.DeletionOutcome.Permitted(note.id()));
        assertThat(note.deleteBy(grace)).isEqualTo(new Note.DeletionOutcome.NotTheAuthor(note.id()));
        assertThat(Note.write(IssueId.random(), ada, "x".repeat(Note.MAX_BODY_LENGTH), T0).body()).hasSize(10_000);
        assertThatThrownBy(() -> Note.write(IssueId.random(), ada, "x".repeat(Note.MAX_BODY_LENGTH + 1), T0))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("10000");
        assertThatThrownBy(() -> Note.write(IssueId.random(), ada, "  \n ", T0)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Note.write(IssueId.random(), ada, "bell\u0007", T0)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void application_names_are_required() {
        assertThatThrownBy(() -> Application.create(" ", new ApplicationSlug("shop"), new Platform("java"), T0))
                .isInstanceOf(InvalidValue.class).extracting(e -> ((InvalidValue) e).field()).isEqualTo("name");
    }

    private static Event event(IssueId issue, String message, List<StackFrame> frames, Map<String, String> tags) {
        return Event.reported(EventId.random(), issue, T0, message, "E", Level.ERROR, frames, Optional.empty(),
                Optional.empty(), new TreeMap<>(tags), Optional.empty());
    }

    @Test
    void stored_text_that_todays_rules_refuse_still_reads_back_but_new_text_is_refused() {
        String bell = "Crash\u0007 in\u0000 checkout";
        ApplicationId app = ApplicationId.random();
        Fingerprint fingerprint = Fingerprint.derivedFrom("E", "A.b");
        Issue stored = new Issue(IssueId.random(), app, fingerprint, bell, bell, bell, Level.ERROR,
                IssueStatus.UNRESOLVED, Optional.empty(), T0, T0, 1, Optional.empty());
        assertThat(stored.title()).isEqualTo(bell);
        assertThat(stored.resolve(T0)).isInstanceOf(Issue.ResolveOutcome.Resolved.class);
        assertThatThrownBy(() -> Issue.open(app, fingerprint, "ok", bell, "E", Level.ERROR, T0))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("culprit");
        assertThatThrownBy(() -> Issue.open(app, fingerprint, "ok", "A.b", bell, Level.ERROR, T0))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("exception_type");
        assertThatThrownBy(() -> Issue.open(app, fingerprint, bell, "A.b", "E", Level.ERROR, T0))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("title");

        assertThat(new Note(NoteId.random(), stored.id(), UserId.random(), bell, T0).body()).isEqualTo(bell);
        assertThatThrownBy(() -> Note.write(stored.id(), UserId.random(), bell, T0)).isInstanceOf(InvalidValue.class);

        Event event = new Event(EventId.random(), stored.id(), T0, bell, bell, Level.ERROR,
                List.of(new StackFrame(bell, bell, 1, true)), Optional.of("prod"), Optional.of(bell),
                new TreeMap<>(Map.of("os", bell)), Optional.of(new AffectedUser(Optional.of(bell), Optional.empty(),
                        Optional.empty())));
        assertThat(event.exceptionType()).isEqualTo(bell);
        assertThat(event.frames().get(0).function()).isEqualTo(bell);
        assertThatThrownBy(() -> Event.reported(EventId.random(), stored.id(), T0, "m", bell, Level.ERROR,
                List.of(), Optional.empty(), Optional.empty(), new TreeMap<>(), Optional.empty()))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Event.reported(EventId.random(), stored.id(), T0, "m", "E", Level.ERROR,
                List.of(), Optional.empty(), Optional.of(bell), new TreeMap<>(), Optional.empty()))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Event.reported(EventId.random(), stored.id(), T0, "m", "E", Level.ERROR,
                List.of(), Optional.empty(), Optional.empty(), new TreeMap<>(Map.of("os", bell)), Optional.empty()))
                .isInstanceOf(InvalidValue.class);

        assertThat(new Application(ApplicationId.random(), bell, new ApplicationSlug("shop"), new Platform("java"),
                T0).name()).isEqualTo(bell);
        assertThatThrownBy(() -> Application.create(bell, new ApplicationSlug("shop"), new Platform("java"), T0))
                .isInstanceOf(InvalidValue.class);
    }
}
