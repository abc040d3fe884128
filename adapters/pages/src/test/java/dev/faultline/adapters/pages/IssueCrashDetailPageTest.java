package dev.faultline.adapters.pages;

import static dev.faultline.adapters.pages.PagesHarness.assertPageSecurityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.intake.port.in.AuthenticateIngestKey.IngestSource;
import dev.faultline.application.intake.port.in.IngestEvent;
import dev.faultline.application.tracker.port.in.ResolveIssue;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.intake.Breadcrumb;
import dev.faultline.domain.intake.ExceptionValue;
import dev.faultline.domain.intake.Frame;
import dev.faultline.domain.intake.InApp;
import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.intake.SdkEvent;
import dev.faultline.domain.intake.SdkEventId;
import dev.faultline.domain.intake.Stacktrace;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.Platform;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The issue page of an ingested issue: grouping, days, releases and environments, activity, the SDK's report. */
@ExtendWith(DropwizardExtensionsSupport.class)
class IssueCrashDetailPageTest {
    static final PagesHarness h = new PagesHarness();
    static final ResourceExtension resources = h.resources;
    private static final String SCRIPT = "<script>alert(1)</script>";

    private final String email = h.user();
    private final UserId user = h.userId(email);
    private final String session = h.signIn(email);
    private final Application shop = h.application(user, "Shop");

    private static SdkEvent crash(Instant at, String release, String environment) {
        Frame cause = new Frame(Optional.of("demo.Cart"), Optional.empty(), Optional.of("Cart.java"),
                Optional.of("load"), Optional.empty(), OptionalInt.of(10), OptionalInt.empty(), InApp.NO,
                Optional.of("return cart.items;"), List.of(), List.of(), new TreeMap<>());
        Frame crashing = new Frame(Optional.of("demo.Checkout"), Optional.empty(), Optional.of("Checkout.java"),
                Optional.of("pay"), Optional.empty(), OptionalInt.of(42), OptionalInt.empty(), InApp.YES,
                Optional.of("charge(" + SCRIPT + ");"), List.of("int total = 0;", "// </td></tr></table>"),
                List.of("}"), new TreeMap<>());
        return SdkEvent.builder(new SdkEventId(UUID.randomUUID().toString().replace("-", "")), at)
                .exceptions(List.of(
                        new ExceptionValue(Optional.of("NullPointerException"), Optional.of("cart is null"),
                                Optional.empty(), false, Optional.empty(),
                                Optional.of(new Stacktrace(List.of(cause)))),
                        new ExceptionValue(Optional.of("IllegalStateException"), Optional.of("payment failed"),
                                Optional.empty(), false, Optional.empty(),
                                Optional.of(new Stacktrace(List.of(crashing))))))
                .release(release)
                .environment(environment)
                .breadcrumbs(List.of(new Breadcrumb(Optional.empty(), Optional.empty(), Optional.of("http"),
                        Optional.of(Level.INFO), Optional.of("GET /cart " + SCRIPT), new TreeMap<>())))
                .build();
    }

    private IssueId ingest(SdkEvent event) {
        return ((IngestEvent.Outcome.Stored) h.ingest.ingest(new IngestEvent.Command(new IngestSource(shop.id(),
                IngestKeyId.random(), new Platform("java"), OptionalInt.empty()), event, event.timestamp())))
                .issueId();
    }

    private String html(IssueId issue) {
        try (Response response = h.get("/issues/" + issue, session)) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertPageSecurityHeaders(response);
            return response.readEntity(String.class);
        }
    }

    private static String section(String html, String id) {
        Matcher m = Pattern.compile("<section id=\"" + id + "\".*?</section>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("section " + id).isTrue();
        return m.group();
    }

    @Test
    void shows_why_when_where_and_who_and_the_latest_reports_chain_with_its_source_lines() {
        Instant now = h.clock.instant();
        IssueId issue = ingest(crash(now.minus(Duration.ofDays(2)), "1.0.0", "staging"));
        ingest(crash(now.minus(Duration.ofDays(2)), "1.0.0", "production"));
        ingest(crash(now, SCRIPT.replace(" ", ""), "production"));
        h.resolveIssue.resolveIssue(new ResolveIssue.Command(Actor.person(user), issue));

        String html = html(issue);

        assertThat(section(html, "grouping")).contains("Grouping version 1")
                .contains("type:IllegalStateException").contains("frame:demo.Checkout|pay");
        String daily = section(html, "daily");
        assertThat(daily).contains("3 events").contains("<span class=\"bar bar-10\" aria-hidden=\"true\"></span>"
                + "<span class=\"day-count\">2</span>").contains("<span class=\"bar bar-5\"")
                .contains("<span class=\"bar bar-0\"");
        assertThat(Pattern.compile("<li><span class=\"bar").matcher(daily).results().count()).isEqualTo(14);
        String seen = section(html, "seen-in");
        assertThat(seen).contains("Releases (2)").contains("<td><code>1.0.0</code></td><td>2</td>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("Environments (2)")
                .contains("<td><code>production</code></td><td>2</td>");
        assertThat(section(html, "activity")).contains("<span class=\"activity-what\">opened</span> by An event "
                + "from the SDK").contains("<span class=\"activity-what\">resolved</span> by You");
        String latest = section(html, "latest-event");
        assertThat(latest).contains("Exception chain");
        assertThat(latest.indexOf("NullPointerException")).isLessThan(latest.indexOf("IllegalStateException",
                latest.indexOf("id=\"exception-chain\"")));
        assertThat(latest).contains("<tr class=\"crash-line\"><td class=\"line-number\">42</td><td><code>charge("
                + "&lt;script&gt;alert(1)&lt;/script&gt;);</code></td></tr>")
                .contains("<td class=\"line-number\">40</td><td><code>int total &#61; 0;</code>")
                .contains("// &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;")
                .contains("<td class=\"line-number\">43</td><td><code>}</code>")
                .contains("GET /cart &lt;script&gt;");
        assertThat(html).doesNotContain("<script>alert").doesNotContain("</td></tr></table>\n");
    }

    @Test
    void an_issue_recorded_without_an_sdk_says_it_has_no_grouping_and_shows_no_report() {
        var recorded = h.record(user, shop, PagesHarness.crash("fp", "Old", "E", "m", List.of(), h.clock.instant()));
        String html = html(recorded.issue().id());
        assertThat(section(html, "grouping")).contains("not opened by an SDK");
        assertThat(html).doesNotContain("Exception chain");
        assertThat(section(html, "daily")).contains("1 events");
    }
}
