package dev.faultline.application.tracker;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.in.AssignIssue;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.MemberReference;
import java.time.Clock;
import java.util.Optional;

/** Assigns an issue to a member of its application, named by id or e-mail address, or unassigns it. */
public class AssignIssueService implements AssignIssue {
    private final MemberScope scope;
    private final Issues issues;
    private final Memberships memberships;
    private final Users users;
    private final Transactions transactions;
    private final Clock clock;

    public AssignIssueService(Issues issues, Memberships memberships, Users users, Transactions transactions,
            Clock clock) {
        this.scope = new MemberScope(memberships, issues);
        this.issues = issues;
        this.memberships = memberships;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome assignIssue(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return transactions.inTransaction(() -> {
            Optional<Issue> found = scope.lockedVisibleIssue(command.actor().user(), command.issueId());
            if (found.isEmpty()) {
                return new Outcome.NotFound(command.issueId());
            }
            Issue issue = found.get().asOf(clock.instant());
            Optional<UserId> assignee = Optional.empty();
            if (command.assignee().isPresent()) {
                assignee = member(issue.applicationId(), command.assignee().get());
                if (assignee.isEmpty()) {
                    return new Outcome.AssigneeNotAMember(command.assignee().get());
                }
            }
            return issue.assign(assignee).<Outcome>fold(
                    assigned -> {
                        issues.update(assigned.issue());
                        return new Outcome.Assigned(assigned.issue());
                    },
                    unassigned -> {
                        issues.update(unassigned.issue());
                        return new Outcome.Unassigned(unassigned.issue());
                    },
                    unchanged -> new Outcome.Unchanged(unchanged.issue()));
        });
    }

    /**
     * The member {@code reference} names, if it names one. An address nobody signed up with and a person who is
     * not a member both come back empty: the caller cannot tell which addresses have an account.
     */
    private Optional<UserId> member(ApplicationId application, MemberReference reference) {
        Optional<UserId> person = reference.fold(
                byId -> Optional.of(byId.id()),
                byEmail -> users.findByEmail(byEmail.email()).map(User::id));
        return person.filter(id -> memberships.find(application, id).isPresent());
    }
}
