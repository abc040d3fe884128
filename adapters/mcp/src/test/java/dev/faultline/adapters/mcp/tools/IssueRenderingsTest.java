package dev.faultline.adapters.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.application.intake.port.in.GetIssueInFull;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.IssueId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rendered-issue cache at its capacity's edges. */
class IssueRenderingsTest {
    private static final UserId ADA = UserId.random();
    private static final UserId BOB = UserId.random();

    private static IssueRenderings.Rendering rendering(IssueId issue) {
        return new IssueRenderings.Rendering(new GetIssueInFull.Version(issue, 3, Instant.parse("2026-11-24T00:00:00Z")),
                Schemas.JSON.objectNode().put("id", issue.toString()), "summary", "crash");
    }

    @Test
    void keeps_a_rendering_per_issue_and_person() {
        IssueRenderings renderings = new IssueRenderings(10);
        IssueId issue = IssueId.random();
        IssueRenderings.Rendering forAda = rendering(issue);
        renderings.remember(ADA, forAda);

        assertThat(renderings.find(issue, ADA)).contains(forAda);
        assertThat(renderings.find(issue, BOB)).isEmpty();
        assertThat(renderings.find(IssueId.random(), ADA)).isEmpty();
        renderings.forget(issue, ADA);
        assertThat(renderings.find(issue, ADA)).isEmpty();
    }

    @Test
    void at_capacity_the_least_recently_used_goes_first() {
        IssueRenderings renderings = new IssueRenderings(2);
        IssueId first = IssueId.random();
        IssueId second = IssueId.random();
        IssueId third = IssueId.random();
        renderings.remember(ADA, rendering(first));
        renderings.remember(ADA, rendering(second));
        assertThat(renderings.find(first, ADA)).isPresent();

        renderings.remember(ADA, rendering(third));

        assertThat(renderings.size()).isEqualTo(2);
        assertThat(renderings.find(second, ADA)).isEmpty();
        assertThat(renderings.find(first, ADA)).isPresent();
        assertThat(renderings.find(third, ADA)).isPresent();
    }

    @Test
    void capacity_0_keeps_nothing_and_a_negative_one_is_refused() {
        IssueRenderings none = new IssueRenderings(0);
        IssueId issue = IssueId.random();
        none.remember(ADA, rendering(issue));
        assertThat(none.find(issue, ADA)).isEmpty();
        assertThat(none.size()).isZero();
        assertThatThrownBy(() -> new IssueRenderings(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
