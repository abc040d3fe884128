package dev.faultline.adapters.pages;

import static dev.faultline.adapters.pages.PagesHarness.ISSUER;
import static dev.faultline.adapters.pages.PagesHarness.crash;
import static dev.faultline.adapters.pages.PagesHarness.assertPageSecurityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.testing.Fixtures;
import dev.faultline.application.tracker.port.in.AddNote;
import dev.faultline.application.tracker.port.in.AssignIssue;
import dev.faultline.application.tracker.port.in.MuteIssue;
import dev.faultline.application.tracker.port.in.RecordEvent;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.MuteRule;
import dev.faultline.domain.tracker.StackFrame;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /issues/{id}}: one issue, read-only, to members of its application only. */
@ExtendWith(DropwizardExtensionsSupport.class)
class IssuePageTest {
    static final PagesHarness h = new PagesHarness();
    static final ResourceExtension resources = h.resources;

    private final String email = h.user();
    private final UserId user = h.userId(email);
    private final String session = h.signIn(email);
    private final Application shop = h.application(user, "Shop");

    private RecordEvent.Outcome.Recorded crashIn(Application application, String fingerprint, String title,
            String exceptionType, String message, List<StackFrame> frames) {
        return h.record(user, application, crash(fingerprint, title, exceptionType, message, frames,
                h.clock.instant()));
    }

    private Response get(String path) {
        return h.get(path, session);
    }

    private String html(Issue issue) {
        try (Response response = get("/issues/" + issue.id())) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertPageSecurityHeaders(response);
            assertThat(response.getHeaderString("Content-Type")).startsWith("text/html");
            return response.readEntity(String.class);
        }
    }

    private static String section(String html, String id) {
        Matcher m = Pattern.compile("<section id=\"" + id + "\".*?</section>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("section " + id).isTrue();
        return m.group();
    }

    private static String notFound(Response response) {
        assertThat(response.getStatus()).isEqualTo(404);
        assertPageSecurityHeaders(response);
        String html = response.readEntity(String.class);
        assertThat(html).contains("<h1>Issue not found</h1>").contains("id=\"sign-out\"")
                .contains("<a href=\"/issues\">Issues</a>");
        return html;
    }

    @Test
    void shows_the_issue_its_latest_crash_recent_events_and_notes_with_every_security_header() {
        Instant firstSeen = h.clock.instant();
        RecordEvent.Outcome.Recorded first = crashIn(shop, "fp-cart", "Cart is empty",
                "java.lang.IllegalStateException", "old message", Fixtures.frames());
        h.clock.advance(Duration.ofMinutes(90));
        RecordEvent.Outcome.Recorded latest = crashIn(shop, "fp-cart", "Cart is empty",
                "java.lang.IllegalStateException", "cart is empty\nwhile checking out", Fixtures.frames());
        Issue issue = latest.issue();
        assertThat(h.addNote.addNote(new AddNote.Command(Actor.person(user), issue.id(), "Looking into it.\nSecond line.")))
                .isInstanceOf(AddNote.Outcome.Added.class);
        assertThat(h.assignIssue.assignIssue(AssignIssue.Command.toUser(Actor.person(user), issue.id(), Optional.of(user))))
                .isInstanceOf(AssignIssue.Outcome.Assigned.class);

        String html = html(issue);

        assertThat(html).contains("<h1><bdi class=\"issue-title\">Cart is empty</bdi></h1>")
                .contains("<title>Issue: Cart is empty · Faultline</title>");
        String summary = section(html, "summary");
        assertThat(summary).contains("<dt>Application</dt><dd><bdi>Shop</bdi></dd>")
                .contains("id=\"issue-status\">Unresolved</span>")
                .contains("<dd id=\"event-count\">2</dd>")
                .contains("<time datetime=\"" + Dates.machine(firstSeen) + "\">" + Dates.shown(firstSeen) + "</time>")
                .contains("23 Nov 2026, 11:30 UTC")
                .contains("<dd id=\"assignee\">You</dd>")
                .contains("<code>Service.call</code>").contains("<code>java.lang.IllegalStateException</code>");
        String crash = section(html, "latest-event");
        assertThat(crash).contains(latest.event().id().toString())
                .contains("<pre id=\"event-message\" aria-labelledby=\"message-heading\">cart is empty&#10;"
                        + "while checking out</pre>")
                .doesNotContain("old message")
                .contains("<li class=\"in-app\"><code>dev.shop.OrderService.checkout</code> <span class=\"muted\">"
                        + "(<code>OrderService.java:87</code>)</span> <span class=\"badge\">your code</span></li>")
                .contains("<li><code>java.lang.reflect.Method.invoke</code>")
                .contains("<dd>production</dd>").contains("<dd>1.0.0</dd>");
        assertThat(crash.indexOf("OrderService.checkout")).isLessThan(crash.indexOf("CheckoutController.post"));
        String recent = section(html, "recent-events");
        assertThat(recent.indexOf(latest.event().id().toString()))
                .isLessThan(recent.indexOf(first.event().id().toString())).isPositive();
        String notes = section(html, "notes");
        assertThat(notes).contains("<span class=\"note-author\">You</span>").contains("23 Nov 2026, 11:30 UTC")
                .contains("<div class=\"note-body\">Looking into it.&#10;Second line.</div>");
    }

    @Test
    void is_read_only_the_only_form_is_sign_out() {
        Issue issue = crashIn(shop, "fp-ro", "Read only", "E", "m", Fixtures.frames()).issue();

        String html = html(issue);

        assertThat(html.split("<form", -1)).hasSize(2);
        assertThat(html).contains("<form method=\"post\" action=\"/logout\"");
    }

    @Test
    void a_muted_issue_says_how_the_mute_ends_and_another_member_is_named_by_display_name_never_address() {
        Issue issue = crashIn(shop, "fp-mute", "Noisy", "E", "m", Fixtures.frames()).issue();
        String colleagueEmail = h.user();
        UserId colleague = h.userId(colleagueEmail);
        h.join(shop, user, colleagueEmail);
        h.muteIssue.muteIssue(new MuteIssue.Command(Actor.person(user), issue.id(), new MuteRule.UntilMoreEvents(3)));
        h.assignIssue.assignIssue(AssignIssue.Command.toUser(Actor.person(user), issue.id(), Optional.of(colleague)));
        h.addNote.addNote(new AddNote.Command(Actor.person(colleague), issue.id(), "Mine, not yours"));

        String html = html(issue);

        assertThat(html).contains("id=\"issue-status\">Muted until 3 more events (event #4)</span>")
                .contains("status-muted")
                .contains("<dd id=\"assignee\">Ada Lovelace</dd>")
                .contains("<span class=\"note-author\">Ada Lovelace</span>")
                .doesNotContain(colleagueEmail).doesNotContain(colleague.toString());

        Issue timed = crashIn(shop, "fp-timed", "Timed", "E", "m", Fixtures.frames()).issue();
        Instant until = h.clock.instant().plus(Duration.ofDays(2));
        h.muteIssue.muteIssue(new MuteIssue.Command(Actor.person(user), timed.id(), new MuteRule.UntilTime(until)));
        assertThat(html(timed)).contains("Muted until " + Dates.shown(until));
    }

    @Test
    void a_member_who_did_not_create_the_application_sees_its_issues() {
        Issue issue = crashIn(shop, "fp-shared", "Shared", "E", "m", Fixtures.frames()).issue();
        String colleagueEmail = h.user();
        h.join(shop, user, colleagueEmail);

        try (Response response = h.get("/issues/" + issue.id(), h.signIn(colleagueEmail))) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.readEntity(String.class)).contains("<dd id=\"assignee\">Nobody</dd>");
        }
    }

    @Test
    void an_issue_of_someone_elses_application_reads_exactly_like_an_unknown_or_malformed_id() {
        UserId stranger = h.userId(h.user());
        Application theirs = h.application(stranger, "Secret project");
        Issue foreign = h.record(stranger, theirs, crash("fp-secret", "Secret crash", "E", "secret message",
                Fixtures.frames(), h.clock.instant())).issue();

        String foreignPage;
        String unknownPage;
        String malformedPage;
        try (Response foreignResponse = get("/issues/" + foreign.id());
                Response unknown = get("/issues/" + UUID.randomUUID());
                Response malformed = get("/issues/not-an-id")) {
            foreignPage = notFound(foreignResponse);
            unknownPage = notFound(unknown);
            malformedPage = notFound(malformed);
        }

        assertThat(foreignPage).doesNotContain("Secret").doesNotContain("secret message")
                .doesNotContain(foreign.id().toString());
        assertThat(foreignPage).isEqualTo(unknownPage).isEqualTo(malformedPage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%3Cscript%3E", "00000000-0000-0000-0000-00000000000g", "%E2%80%AE", "1",
            "..%2F..%2Fsettings"})
    void a_malformed_id_is_not_found_and_never_an_error(String id) {
        try (Response response = get("/issues/" + id)) {
            String html = notFound(response);
            assertThat(html).doesNotContain("<script>").doesNotContain("\u202E");
        }
    }

    @Test
    void without_a_session_the_issue_sends_the_browser_to_sign_in_and_back() {
        Issue issue = crashIn(shop, "fp-anon", "Anon", "E", "m", Fixtures.frames()).issue();

        try (Response none = h.get("/issues/" + issue.id(), null);
                Response unknown = h.get("/issues/" + issue.id(), "not-a-session")) {
            assertThat(none.getStatus()).isEqualTo(303);
            assertThat(none.getHeaderString("Location"))
                    .isEqualTo(ISSUER + "/login?return_to=%2Fissues%2F" + issue.id());
            assertThat(none.readEntity(String.class)).doesNotContain("Anon");
            assertThat(unknown.getStatus()).isEqualTo(303);
        }
    }

    @Test
    void hostile_crash_text_is_inert_and_direction_overrides_are_made_visible() {
        String script = "<script>alert(1)</script>";
        Issue issue = crashIn(shop, "fp-hostile", script + "Invoice\u202Efdp.exe",
                "<img src=x onerror=alert(1)>Exception\u202E",
                script + "\n</pre><h1>Pwned</h1>\u202Etxet",
                List.of(new StackFrame("<b>Evil</b>.java", script + "run\u2066", 7, true))).issue();
        h.addNote.addNote(new AddNote.Command(Actor.person(user), issue.id(), "<a href=\"javascript:alert(1)\">click</a>\u202E"));

        String html = html(issue);

        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img").doesNotContain("<h1>Pwned")
                .doesNotContain("</pre><h1>").doesNotContain("<b>Evil").doesNotContain("<a href=\"javascript")
                .doesNotContain("\u202E").doesNotContain("\u2066");
        assertThat(html).contains("<bdi class=\"issue-title\">&lt;script&gt;alert(1)&lt;/script&gt;Invoice[U+202E]"
                        + "fdp.exe</bdi>")
                .contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;Exception[U+202E]")
                .contains("<pre id=\"event-message\" aria-labelledby=\"message-heading\">&lt;script&gt;alert(1)"
                        + "&lt;/script&gt;&#10;&lt;/pre&gt;&lt;h1&gt;Pwned&lt;/h1&gt;[U+202E]txet</pre>")
                .contains("<code>&lt;script&gt;alert(1)&lt;/script&gt;run[U+2066]</code>")
                .contains("<code>&lt;b&gt;Evil&lt;/b&gt;.java:7</code>")
                .contains("&lt;a href&#61;&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;[U+202E]")
                .contains("id=\"untrusted-notice\"");
    }
}
