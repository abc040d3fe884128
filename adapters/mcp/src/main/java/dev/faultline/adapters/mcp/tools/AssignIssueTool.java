package dev.faultline.adapters.mcp.tools;

import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.application.access.port.in.AuthenticateBearer.Caller;
import dev.faultline.application.account.port.in.FindUserByEmail;
import dev.faultline.application.tracker.port.in.AssignIssue;
import dev.faultline.domain.access.Scope;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.IssueId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code assign_issue}: give an issue to a member of its application, or take it away. */
final class AssignIssueTool extends FaultlineTool {
    private static final String ASSIGNEE = "assignee";
    private final AssignIssue assignIssue;
    private final FindUserByEmail findUserByEmail;

    AssignIssueTool(AssignIssue assignIssue, FindUserByEmail findUserByEmail) {
        super("assign_issue", "Assign an issue",
                "Assigns an issue to a member of its application, or unassigns it. \"assignee\" is the member's "
                        + "e-mail address or user id (a UUID, as shown in assignee_id or a note's author_id), or "
                        + "null to unassign. Only members of the issue's application can be assigned. Assigning "
                        + "to the current assignee changes nothing and is reported as an error. Returns the issue "
                        + "as it is now. " + NEEDS_WRITE + " " + ToolOutput.UNTRUSTED_HINT,
                Schemas.object()
                        .required(Arguments.ISSUE_ID, Arguments.issueIdSchema())
                        .required(ASSIGNEE, Schemas.nullable(Schemas.string("The member's e-mail address or user id; "
                                + "null to unassign.", 1, EmailAddress.MAX_LENGTH)))
                        .buildTopLevel(),
                ChangedIssue.outputSchema(List.of("assigned", "unassigned")),
                CHANGES_STATE_IDEMPOTENTLY, Scope.WRITE);
        this.assignIssue = assignIssue;
        this.findUserByEmail = findUserByEmail;
    }

    @Override
    ToolResult run(Caller caller, Arguments arguments) {
        IssueId id = arguments.issueId();
        Optional<String> given = arguments.optionalString(ASSIGNEE);
        Optional<UserId> assignee = given.map(this::userIdOf);
        AssignIssue.Outcome outcome = assignIssue.assignIssue(new AssignIssue.Command(caller.user(), id, assignee));
        if (outcome instanceof AssignIssue.Outcome.Assigned assigned) {
            return ChangedIssue.success("assigned", assigned.issue(),
                    "Assigned issue " + id + " to " + given.orElseThrow() + ".");
        }
        if (outcome instanceof AssignIssue.Outcome.Unassigned unassigned) {
            return ChangedIssue.success("unassigned", unassigned.issue(), "Unassigned issue " + id + ".");
        }
        if (outcome instanceof AssignIssue.Outcome.Unchanged) {
            return ToolResult.error("Issue " + id + (given.isPresent() ? " is already assigned to " + given.get()
                    : " is already unassigned") + "; nothing changed.");
        }
        if (outcome instanceof AssignIssue.Outcome.AssigneeNotAMember) {
            return ToolResult.error("Invalid argument \"assignee\": no member of issue " + id + "'s application "
                    + "is " + given.orElseThrow() + "; only members of the application can be assigned. "
                    + "Nothing changed.");
        }
        return ToolResult.error(NotFound.issue(id));
    }

    /**
     * An e-mail address nobody signed up with cannot be a member: it becomes an id nobody has, so the use case
     * still answers "issue not found" first and "not a member" otherwise, without telling which accounts exist.
     */
    private UserId userIdOf(String given) {
        if (given.contains("@")) {
            return findUserByEmail.findUserByEmail(emailAddress(given))
                    .map(FindUserByEmail.Found::id)
                    .orElseGet(UserId::random);
        }
        try {
            return new UserId(UUID.fromString(given.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(ASSIGNEE, "\"" + given + "\" is neither an e-mail address nor a user id (a "
                    + "UUID); use null to unassign");
        }
    }

    private static EmailAddress emailAddress(String given) {
        try {
            return EmailAddress.of(given);
        } catch (InvalidValue e) {
            throw new InvalidValue(ASSIGNEE, e.getMessage());
        }
    }
}
