package dev.faultline.adapters.mcp.tools;

import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.application.tracker.port.in.ReopenIssue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.IssueId;
import java.util.List;

/** {@code reopen_issue}: put a resolved or muted issue back to unresolved. */
final class ReopenIssueTool extends FaultlineTool {
    private final ReopenIssue reopenIssue;

    ReopenIssueTool(ReopenIssue reopenIssue) {
        super("reopen_issue", "Reopen an issue",
                "Sets a resolved or muted issue back to unresolved (ending any mute), e.g. when a fix did not "
                        + "work. Reopening an issue that is already unresolved changes nothing and is reported as "
                        + "an error. Returns the issue as it is now. " + NEEDS_WRITE + " "
                        + ToolOutput.UNTRUSTED_HINT,
                Schemas.object().required(Arguments.ISSUE_ID, Arguments.issueIdSchema()).buildTopLevel(),
                ChangedIssue.outputSchema(List.of("reopened")),
                CHANGES_STATE_IDEMPOTENTLY, ReopenIssue.REQUIRES);
        this.reopenIssue = reopenIssue;
    }

    @Override
    ToolResult run(Actor actor, Arguments arguments) {
        IssueId id = arguments.issueId();
        ReopenIssue.Outcome outcome = reopenIssue.reopenIssue(new ReopenIssue.Command(actor, id));
        return outcome.fold(
                refused -> notPermitted(refused.required()),
                reopened -> ChangedIssue.success("reopened", reopened.issue(), "Reopened issue " + id + "."),
                already -> ToolResult.error("Issue " + id + " is already unresolved; nothing changed."),
                notFound -> ToolResult.error(NotFound.issue(id)));
    }
}
