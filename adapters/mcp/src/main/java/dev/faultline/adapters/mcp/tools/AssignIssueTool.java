package dev.faultline.adapters.mcp.tools;

import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.application.tracker.port.in.AssignIssue;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.MemberReference;
import java.util.List;
import java.util.Optional;

/** {@code assign_issue}: give an issue to a member of its application, or take it away. */
final class AssignIssueTool extends FaultlineTool {
    private static final String ASSIGNEE = "assignee";
    private final AssignIssue assignIssue;

    AssignIssueTool(AssignIssue assignIssue) {
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
                CHANGES_STATE_IDEMPOTENTLY, AssignIssue.REQUIRES);
        this.assignIssue = assignIssue;
    }

    @Override
    ToolResult run(Actor actor, Arguments arguments) {
        IssueId id = arguments.issueId();
        Optional<String> given = arguments.optionalString(ASSIGNEE);
        Optional<MemberReference> assignee = given.map(AssignIssueTool::reference);
        AssignIssue.Outcome outcome = assignIssue.assignIssue(new AssignIssue.Command(actor, id, assignee));
        return outcome.fold(
                refused -> notPermitted(refused.required()),
                assigned -> ChangedIssue.success("assigned", assigned.issue(),
                        "Assigned issue " + id + " to " + given.orElseThrow() + "."),
                unassigned -> ChangedIssue.success("unassigned", unassigned.issue(), "Unassigned issue " + id + "."),
                unchanged -> ToolResult.error("Issue " + id + (given.isPresent()
                        ? " is already assigned to " + given.get()
                        : " is already unassigned") + "; nothing changed."),
                notFound -> ToolResult.error(NotFound.issue(id)),
                notAMember -> ToolResult.error("Invalid argument \"assignee\": no member of issue " + id
                        + "'s application is " + given.orElseThrow()
                        + "; only members of the application can be assigned. Nothing changed."));
    }

    private static MemberReference reference(String given) {
        try {
            return MemberReference.parse(given, ASSIGNEE);
        } catch (InvalidValue e) {
            throw given.contains("@") ? e : new InvalidValue(ASSIGNEE, e.getMessage() + "; use null to unassign");
        }
    }
}
