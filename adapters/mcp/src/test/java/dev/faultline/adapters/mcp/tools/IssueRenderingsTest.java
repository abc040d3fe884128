package dev.faultline.adapters.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.application.intake.port.in.GetIssueInFull;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.IssueId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rendered-issue cache at its budget's edges. */
class IssueRenderingsTest {
    private static final UserId ADA = UserId.random();
    private static final UserId BOB = UserId.random();

    /** A rendering whose text is {@code characters} long. */
    private static IssueRenderings.Rendering rendering(IssueId issue, int characters) {
        return new IssueRenderings.Rendering(new GetIssueInFull.Version(issue, 3, Instant.parse("2026-11-24T00:00:00Z")),
                Schemas.JSON.objectNode().put("id", issue.toString()), "", UntrustedText.Printable.of("x".repeat(characters)));
    }

    @Test
    void keeps_a_rendering_per_issue_and_person() {
        IssueRenderings renderings = new IssueRenderings(1024 * 1024);
        IssueId issue = IssueId.random();
        IssueRenderings.Rendering forAda = rendering(issue, 100);
        renderings.remember(ADA, forAda);

        assertThat(renderings.find(issue, ADA)).contains(forAda);
        assertThat(renderings.find(issue, BOB)).isEmpty();
        assertThat(renderings.find(IssueId.random(), ADA)).isEmpty();
        assertThat(renderings.heldBytes()).isEqualTo(forAda.weight());

        IssueRenderings.Rendering newer = rendering(issue, 200);
        renderings.remember(ADA, newer);
        assertThat(renderings.find(issue, ADA)).contains(newer);
        assertThat(renderings.heldBytes()).isEqualTo(newer.weight());

        renderings.forget(issue, ADA);
        assertThat(renderings.find(issue, ADA)).isEmpty();
        assertThat(renderings.heldBytes()).isZero();
    }

    @Test
    void over_budget_the_least_recently_used_go_first() {
        long weight = rendering(IssueId.random(), 100).weight();
        IssueRenderings renderings = new IssueRenderings(weight * 16 + weight / 2);
        IssueId first = IssueId.random();
        renderings.remember(ADA, rendering(first, 100));
        for (int i = 0; i < 15; i++) {
            renderings.remember(ADA, rendering(IssueId.random(), 100));
        }
        assertThat(renderings.size()).isEqualTo(16);
        assertThat(renderings.find(first, ADA)).as("used again, so no longer the least recent").isPresent();

        IssueId last = IssueId.random();
        renderings.remember(ADA, rendering(last, 100));

        assertThat(renderings.size()).isEqualTo(16);
        assertThat(renderings.heldBytes()).isEqualTo(16 * weight);
        assertThat(renderings.find(first, ADA)).isPresent();
        assertThat(renderings.find(last, ADA)).isPresent();
    }

    @Test
    void a_rendering_heavier_than_a_sixteenth_of_the_budget_is_not_kept() {
        IssueRenderings.Rendering heavy = rendering(IssueId.random(), 10_000);
        IssueRenderings atTheEdge = new IssueRenderings(heavy.weight() * 16);
        atTheEdge.remember(ADA, heavy);
        assertThat(atTheEdge.find(heavy.version().issueId(), ADA)).contains(heavy);

        IssueRenderings below = new IssueRenderings(heavy.weight() * 16 - 1);
        below.remember(ADA, heavy);
        assertThat(below.find(heavy.version().issueId(), ADA)).isEmpty();
        assertThat(below.heldBytes()).isZero();
    }

    /**
     * A heap measurement (JOL) of a real get_issue answer with 250 short frames and 50 tags found 140 KB; the estimate
     * for an answer of that shape must not be lower, or the budget would hold more than it says.
     */
    @Test
    void weighs_a_long_stack_trace_at_least_what_it_was_measured_to_hold() {
        ObjectNode content = Schemas.JSON.objectNode();
        ObjectNode event = content.putObject("latest_event");
        for (int i = 0; i < 250; i++) {
            event.withArray("frames").addObject().put("function", "dev.shop.OrderService.checkout" + i)
                    .put("file", "OrderService.java").put("line", 40 + i).put("in_app", i % 3 == 0)
                    .put("module", "dev.shop");
        }
        for (int i = 0; i < 50; i++) {
            event.with("tags").put("tag" + i, "value " + i);
        }
        IssueRenderings.Rendering answer = new IssueRenderings.Rendering(new GetIssueInFull.Version(IssueId.random(), 1,
                Instant.parse("2026-11-24T00:00:00Z")), content, "summary", UntrustedText.Printable.of(""));

        assertThat(answer.weight()).isGreaterThanOrEqualTo(140_000);
    }

    @Test
    void a_budget_of_0_keeps_nothing_and_a_negative_one_is_refused() {
        IssueRenderings none = new IssueRenderings(0);
        IssueId issue = IssueId.random();
        none.remember(ADA, rendering(issue, 1));
        assertThat(none.find(issue, ADA)).isEmpty();
        assertThat(none.size()).isZero();
        assertThatThrownBy(() -> new IssueRenderings(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
