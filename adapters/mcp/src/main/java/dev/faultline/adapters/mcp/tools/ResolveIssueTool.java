package dev.faultline.adapters.mcp.tools;

import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.application.tracker.port.in.ResolveIssue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.IssueId;
import java.util.List;

/** {@code resolve_issue}: mark an issue fixed. */
final class ResolveIssueTool extends FaultlineTool {
    private final ResolveIssue resolveIssue;

    ResolveIssueTool(ResolveIssue resolveIssue) {
        super("resolve_issue", "Resolve an issue",
                "Marks an issue as resolved (fixed), e.g. after a fix has shipped. If a new event arrives later "
                        + "the issue regresses to unresolved on its own. Also ends a mute. Resolving an issue that "
                        + "is already resolved changes nothing and is reported as an error. Returns the issue as "
                        + "it is now. " + NEEDS_WRITE + " " + ToolOutput.UNTRUSTED_HINT,
                Schemas.object().required(Arguments.ISSUE_ID, Arguments.issueIdSchema()).buildTopLevel(),
                ChangedIssue.outputSchema(List.of("resolved")),
                CHANGES_STATE_IDEMPOTENTLY, ResolveIssue.REQUIRES);
        this.resolveIssue = resolveIssue;
    }

    @Override
    ToolResult run(Actor actor, Arguments arguments) {
        IssueId id = arguments.issueId();
        ResolveIssue.Outcome outcome = resolveIssue.resolveIssue(new ResolveIssue.Command(actor, id));
        return outcome.fold(
                refused -> notPermitted(refused.required()),
                resolved -> ChangedIssue.success("resolved", resolved.issue(), "Resolved issue " + id + "."),
                already -> ToolResult.error("Issue " + id + " is already resolved; nothing changed."),
                notFound -> ToolResult.error(NotFound.issue(id)));
    }
}
