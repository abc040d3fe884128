package dev.faultline.application.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.testing.Fixtures;
import dev.faultline.application.tracker.port.in.AssignIssue;
import dev.faultline.domain.account.User;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.MemberReference;
import dev.faultline.domain.tracker.Membership;
import dev.faultline.domain.tracker.Role;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The assignee is resolved inside the use case, by id or e-mail address, and the answer never tells which
 * addresses have an account: an unknown address and a person who is not a member answer the same.
 */
class AssignIssueServiceTest {
    private final TinyTracker tracker = new TinyTracker();
    private final AssignIssueService assignIssue = new AssignIssueService(tracker.issuePort, tracker.membershipPort,
            tracker.userPort, tracker.transactions, Clock.fixed(Fixtures.T0, ZoneOffset.UTC));
    private final User ada = user();
    private final User grace = user();
    private final User outsider = user();
    private final Application shop = Fixtures.application();
    private final Issue issue = Fixtures.issue(shop.id());

    AssignIssueServiceTest() {
        tracker.applicationPort.add(shop);
        tracker.membershipPort.add(new Membership(shop.id(), ada.id(), Role.OWNER, Fixtures.T0));
        tracker.membershipPort.add(new Membership(shop.id(), grace.id(), Role.MEMBER, Fixtures.T0));
        tracker.issuePort.add(issue);
    }

    private User user() {
        User user = Fixtures.user();
        tracker.userPort.add(user);
        return user;
    }

    private AssignIssue.Outcome assign(IssueId id, String assignee) {
        return assignIssue.assignIssue(new AssignIssue.Command(Actor.person(ada.id()), id,
                Optional.of(MemberReference.parse(assignee, "assignee"))));
    }

    @Test
    void assigns_a_member_named_by_e_mail_address_or_by_id() {
        assertThat(assign(issue.id(), grace.email().value().toUpperCase())).isInstanceOf(AssignIssue.Outcome.Assigned.class);
        assertThat(tracker.issues.get(issue.id()).assignee()).contains(grace.id());

        assertThat(assign(issue.id(), ada.id().toString())).isInstanceOf(AssignIssue.Outcome.Assigned.class);
        assertThat(tracker.issues.get(issue.id()).assignee()).contains(ada.id());
    }

    @Test
    void an_unknown_address_and_a_non_member_get_the_same_answer_and_change_nothing() {
        String unknown = "nobody-" + Fixtures.unique() + "@example.org";
        String notAMember = outsider.email().value();

        AssignIssue.Outcome forUnknown = assign(issue.id(), unknown);
        AssignIssue.Outcome forOutsider = assign(issue.id(), notAMember);

        assertThat(forUnknown).isEqualTo(new AssignIssue.Outcome.AssigneeNotAMember(
                MemberReference.parse(unknown, "assignee")));
        assertThat(forOutsider).isEqualTo(new AssignIssue.Outcome.AssigneeNotAMember(
                MemberReference.parse(notAMember, "assignee")));
        assertThat(forOutsider.toString().replace(notAMember, "<given>"))
                .isEqualTo(forUnknown.toString().replace(unknown, "<given>"));
        assertThat(assign(issue.id(), outsider.id().toString())).isEqualTo(new AssignIssue.Outcome.AssigneeNotAMember(
                MemberReference.to(outsider.id())));
        assertThat(tracker.issues.get(issue.id())).isEqualTo(issue);
    }

    @Test
    void an_issue_the_actor_cannot_see_is_not_found_before_the_assignee_is_looked_at() {
        IssueId missing = IssueId.random();
        assertThat(assign(missing, "nobody@example.org")).isEqualTo(new AssignIssue.Outcome.NotFound(missing));
        assertThat(assign(missing, grace.email().value())).isEqualTo(new AssignIssue.Outcome.NotFound(missing));
    }
}
