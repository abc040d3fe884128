package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.MemberReference;
import dev.faultline.domain.tracker.Permission;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Assign an issue to a member of its application, named by user id or e-mail address, or unassign it (empty
 * assignee). An address nobody signed up with is answered exactly like a person who is not a member, so the
 * answer never tells which addresses have an account.
 */
public interface AssignIssue {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.WRITE;

    Outcome assignIssue(Command command);

    record Command(Actor actor, IssueId issueId, Optional<MemberReference> assignee) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(issueId, "issueId");
            Objects.requireNonNull(assignee, "assignee");
        }

        /** Assign to a known user id, or unassign (empty). */
        public static Command toUser(Actor actor, IssueId issueId, Optional<UserId> assignee) {
            return new Command(actor, issueId, assignee.map(MemberReference::to));
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<NotPermitted, R> notPermitted, Function<Assigned, R> assigned,
                Function<Unassigned, R> unassigned, Function<Unchanged, R> unchanged, Function<NotFound, R> notFound,
                Function<AssigneeNotAMember, R> assigneeNotAMember);

        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Assigned, R> assigned,
                    Function<Unassigned, R> unassigned, Function<Unchanged, R> unchanged,
                    Function<NotFound, R> notFound, Function<AssigneeNotAMember, R> assigneeNotAMember) {
                return notPermitted.apply(this);
            }
        }

        record Assigned(Issue issue) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Assigned, R> assigned,
                    Function<Unassigned, R> unassigned, Function<Unchanged, R> unchanged,
                    Function<NotFound, R> notFound, Function<AssigneeNotAMember, R> assigneeNotAMember) {
                return assigned.apply(this);
            }
        }

        record Unassigned(Issue issue) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Assigned, R> assigned,
                    Function<Unassigned, R> unassigned, Function<Unchanged, R> unchanged,
                    Function<NotFound, R> notFound, Function<AssigneeNotAMember, R> assigneeNotAMember) {
                return unassigned.apply(this);
            }
        }

        /** Already so; nothing changed. */
        record Unchanged(Issue issue) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Assigned, R> assigned,
                    Function<Unassigned, R> unassigned, Function<Unchanged, R> unchanged,
                    Function<NotFound, R> notFound, Function<AssigneeNotAMember, R> assigneeNotAMember) {
                return unchanged.apply(this);
            }
        }

        record NotFound(IssueId issueId) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Assigned, R> assigned,
                    Function<Unassigned, R> unassigned, Function<Unchanged, R> unchanged,
                    Function<NotFound, R> notFound, Function<AssigneeNotAMember, R> assigneeNotAMember) {
                return notFound.apply(this);
            }
        }

        /**
         * Nobody {@code assignee} names is a member of the issue's application (no such person, or not a member:
         * the same answer); nothing changed.
         */
        record AssigneeNotAMember(MemberReference assignee) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Assigned, R> assigned,
                    Function<Unassigned, R> unassigned, Function<Unchanged, R> unchanged,
                    Function<NotFound, R> notFound, Function<AssigneeNotAMember, R> assigneeNotAMember) {
                return assigneeNotAMember.apply(this);
            }
        }
    }
}
