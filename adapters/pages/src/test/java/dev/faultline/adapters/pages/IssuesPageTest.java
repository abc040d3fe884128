package dev.faultline.adapters.pages;

import static dev.faultline.adapters.pages.PagesHarness.ISSUER;
import static dev.faultline.adapters.pages.PagesHarness.crash;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.testing.Fixtures;
import dev.faultline.application.tracker.port.in.MuteIssue;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.MuteRule;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /issues}: the signed-in person's issues, filtered and paged, and nobody else's. */
@ExtendWith(DropwizardExtensionsSupport.class)
class IssuesPageTest {
    static final PagesHarness h = new PagesHarness();
    static final ResourceExtension resources = h.resources;
    private static final Pattern ROW = Pattern.compile("<tr data-issue-id=\"([^\"]+)\" role=\"row\">");
    private static final Pattern NEXT = Pattern.compile("<a href=\"([^\"]+)\" id=\"next-page\"");

    private final String email = h.user();
    private final UserId user = h.userId(email);
    private final String session = h.signIn(email);

    private Issue issue(Application application, String title) {
        return h.record(user, application, crash("fp-" + UUID.randomUUID(), title, "java.lang.IllegalStateException",
                "it broke", Fixtures.frames(), h.clock.instant())).issue();
    }

    private String page(String pathAndQuery, int expectedStatus) {
        try (Response response = h.get(pathAndQuery, session)) {
            assertThat(response.getStatus()).as(pathAndQuery).isEqualTo(expectedStatus);
            PagesHarness.assertPageSecurityHeaders(response);
            assertThat(response.getHeaderString("Content-Type")).startsWith("text/html");
            return response.readEntity(String.class);
        }
    }

    private static List<String> rows(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String nextLink(String html) {
        Matcher m = NEXT.matcher(html);
        assertThat(m.find()).as("a Next page link").isTrue();
        return PagesHarness.unescape(m.group(1));
    }

    @Test
    void without_a_session_the_list_sends_the_browser_to_sign_in_and_back() {
        try (Response none = h.get("/issues", null); Response unknown = h.get("/issues", "not-a-session")) {
            assertThat(none.getStatus()).isEqualTo(303);
            assertThat(none.getHeaderString("Location")).isEqualTo(ISSUER + "/login?return_to=%2Fissues");
            assertThat(unknown.getStatus()).isEqualTo(303);
            assertThat(none.readEntity(String.class)).doesNotContain("<table");
        }
    }

    @Test
    void a_person_without_applications_is_told_how_to_get_some() {
        String html = page("/issues", 200);

        assertThat(html).contains("<h1>Issues</h1>").contains("You are not a member of any application yet")
                .doesNotContain("<table").doesNotContain("id=\"next-page\"");
        assertThat(html).contains("<a href=\"/issues\">Issues</a>").contains("id=\"sign-out\"");
    }

    @Test
    void an_application_without_crashes_says_none_were_reported() {
        h.application(user, "Quiet shop");

        assertThat(page("/issues", 200)).contains("No crashes have been reported yet").doesNotContain("<table");
    }

    @Test
    void every_issue_of_every_own_application_is_one_row_most_recent_first_and_foreign_ones_are_absent() {
        Application shop = h.application(user, "Shop");
        UserId owner = h.userId(h.user());
        Application joined = h.application(owner, "Warehouse");
        h.join(joined, owner, email);
        Application foreign = h.application(owner, "Secret project");

        Issue older = issue(shop, "Cart is empty");
        h.record(user, shop, crash(older.fingerprint().value(), "Cart is empty", "java.lang.IllegalStateException",
                "again", Fixtures.frames(), h.clock.instant()));
        h.clock.advance(Duration.ofMinutes(5));
        Issue newer = issue(joined, "Stock went negative");
        Issue hidden = h.record(owner, foreign, crash("fp-secret", "Secret crash", "E", "x", Fixtures.frames(),
                h.clock.instant())).issue();

        String html = page("/issues", 200);

        assertThat(rows(html)).containsExactly(newer.id().toString(), older.id().toString());
        assertThat(html).doesNotContain(hidden.id().toString()).doesNotContain("Secret crash")
                .doesNotContain("Secret project");
        assertThat(html).contains("<a href=\"/issues/" + older.id() + "\"><bdi class=\"issue-title\">Cart is empty"
                + "</bdi></a>");
        Matcher olderRow = Pattern.compile("data-issue-id=\"" + older.id() + "\" role=\"row\">.*?</tr>", Pattern.DOTALL)
                .matcher(html);
        assertThat(olderRow.find()).isTrue();
        assertThat(olderRow.group()).contains(">Shop<").contains(">Unresolved<")
                .contains("<td data-label=\"Events\" class=\"number\" role=\"cell\">2</td>")
                .contains("<time datetime=\"2026-11-23T");
        assertThat(html).contains("<th scope=\"col\" role=\"columnheader\">Issue</th>").contains("<label for=\"filter-status\">")
                .contains("<label for=\"filter-application\">");
    }

    @Test
    void filters_by_application_and_status_and_keep_the_choice_selected() {
        Application shop = h.application(user, "Shop");
        Application admin = h.application(user, "Admin");
        Issue inShop = issue(shop, "Shop crash");
        Issue inAdmin = issue(admin, "Admin crash");
        Issue muted = issue(shop, "Noisy crash");
        assertThat(h.muteIssue.muteIssue(new MuteIssue.Command(Actor.person(user), muted.id(), new MuteRule.Forever())))
                .isInstanceOf(MuteIssue.Outcome.Muted.class);

        String onlyShop = page("/issues?application=" + shop.slug().value(), 200);
        assertThat(rows(onlyShop)).containsExactlyInAnyOrder(inShop.id().toString(), muted.id().toString());
        assertThat(onlyShop).contains("<option value=\"" + shop.slug().value() + "\" selected>Shop</option>");

        String byId = page("/issues?application=" + admin.id(), 200);
        assertThat(rows(byId)).containsExactly(inAdmin.id().toString());

        String onlyMuted = page("/issues?status=muted", 200);
        assertThat(rows(onlyMuted)).containsExactly(muted.id().toString());
        assertThat(onlyMuted).contains("<option value=\"muted\" selected>Muted</option>").contains(">Muted<");

        String both = page("/issues?application=" + admin.slug().value() + "&status=muted", 200);
        assertThat(rows(both)).isEmpty();
        assertThat(both).contains("No issues match these filters.");

        String blankMeansAll = page("/issues?application=&status=", 200);
        assertThat(rows(blankMeansAll)).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status=bogus", "status=%3Cscript%3Ealert(1)%3C%2Fscript%3E%E2%80%AE",
            "status=muted&status=resolved", "application=no-such-app", "application=%3Cscript%3E",
            "application=%E2%80%AE", "cursor=not-a-cursor", "cursor=%00%01", "application=x&application=y"})
    void a_bad_filter_is_a_clear_400_message_never_a_500_and_shows_no_list(String query) {
        Application shop = h.application(user, "Shop");
        issue(shop, "Shop crash");

        String html = page("/issues?" + query, 400);

        assertThat(html).contains("<p class=\"alert\" role=\"alert\" id=\"filter-problem\">")
                .doesNotContain("<table").doesNotContain("<script>").doesNotContain("\u202E")
                .contains("<a href=\"/issues\">Show all issues</a>");
    }

    @Test
    void the_messages_for_bad_filters_say_what_to_do() {
        UserId owner = h.userId(h.user());
        Application foreign = h.application(owner, "Secret project");

        assertThat(page("/issues?status=bogus", 400))
                .contains("There is no status &quot;bogus&quot;. Choose one of: unresolved, resolved, muted.");
        assertThat(page("/issues?status=%E2%80%AEx", 400)).contains("&quot;[U+202E]x&quot;");
        assertThat(page("/issues?status=" + "y".repeat(500), 400)).contains("y".repeat(60) + "…")
                .doesNotContain("y".repeat(61));
        assertThat(page("/issues?application=" + foreign.slug().value(), 400))
                .contains(IssuesView.UNKNOWN_APPLICATION);
        assertThat(page("/issues?application=" + foreign.id(), 400)).contains(IssuesView.UNKNOWN_APPLICATION);
        assertThat(page("/issues?cursor=abc", 400)).contains("This page link no longer works");
        assertThat(page("/issues?cursor=" + "a".repeat(600), 400)).contains("This page link no longer works");
        assertThat(page("/issues?status=muted&status=resolved", 400)).contains("Choose one status at a time.");
    }

    @Test
    void pages_through_every_issue_once_with_a_next_page_link_that_keeps_the_filters() {
        Application shop = h.application(user, "Shop");
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 27; i++) {
            all.add(issue(shop, "Crash " + i).id().toString());
            h.clock.advance(Duration.ofSeconds(1));
        }

        String first = page("/issues?status=unresolved", 200);
        assertThat(rows(first)).hasSize(25);
        String next = nextLink(first);
        assertThat(next).startsWith("/issues?status=unresolved&cursor=");
        assertThat(first).contains("rel=\"next\">Next page</a>");

        String second = page(next, 200);
        assertThat(rows(second)).hasSize(2);
        assertThat(second).doesNotContain("id=\"next-page\"");
        Set<String> seen = new HashSet<>(rows(first));
        seen.addAll(rows(second));
        assertThat(seen).isEqualTo(all);

        String cursor = next.substring(next.indexOf("cursor="));
        assertThat(page("/issues?status=muted&" + cursor, 400)).contains("This page link no longer works");
        assertThat(page("/issues?" + cursor, 400)).contains("This page link no longer works");
    }

    @Test
    void another_persons_cursor_is_refused() {
        Application shop = h.application(user, "Shop");
        for (int i = 0; i < 26; i++) {
            issue(shop, "Crash " + i);
        }
        String next = nextLink(page("/issues", 200));

        String otherEmail = h.user();
        h.join(shop, user, otherEmail);
        try (Response response = h.get(next, h.signIn(otherEmail))) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(String.class)).contains("This page link no longer works");
        }
    }

    @Test
    void a_hostile_title_and_application_name_are_inert_text_with_direction_overrides_made_visible() {
        Application hostileApp = h.application(user, "<b>Shop</b>\u202Eevil");
        Issue hostile = issue(hostileApp, "<script>alert(1)</script>Login\u202Egnp.exe");

        String html = page("/issues", 200);

        assertThat(rows(html)).containsExactly(hostile.id().toString());
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>Shop").doesNotContain("\u202E")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;Login[U+202E]gnp.exe")
                .contains("&lt;b&gt;Shop&lt;/b&gt;[U+202E]evil");
    }
}
