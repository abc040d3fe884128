package dev.faultline.adapters.mcp.tools;

import dev.faultline.adapters.mcp.McpTool;
import dev.faultline.application.intake.port.in.GetCrashReport;
import dev.faultline.application.intake.port.in.GetIssueInFull;
import dev.faultline.application.intake.port.in.GetIngestSetup;
import dev.faultline.application.tracker.port.in.AddNote;
import dev.faultline.application.tracker.port.in.AssignIssue;
import dev.faultline.application.tracker.port.in.DeleteNote;
import dev.faultline.application.tracker.port.in.ListApplications;
import dev.faultline.application.tracker.port.in.ListEvents;
import dev.faultline.application.tracker.port.in.ListIssues;
import dev.faultline.application.tracker.port.in.MuteIssue;
import dev.faultline.application.tracker.port.in.ReopenIssue;
import dev.faultline.application.tracker.port.in.ResolveIssue;
import java.util.List;
import java.util.Objects;

/** Every Faultline MCP tool, built from the tracker's and intake's use cases: reads first, then writes. */
public final class FaultlineTools {
    private final List<McpTool> tools;

    /**
     * @param issuer         the public base URL (no trailing slash needed); get_issue links to
     *                       {@code {issuer}/issues/{id}}
     * @param renderingBudget bytes of get_issue renderings to keep, per issue and person, for answering again while
     *                        the issue is unchanged (0 = render every call)
     */
    public FaultlineTools(ListApplications listApplications, ListIssues listIssues, GetIssueInFull getIssueInFull,
            ListEvents listEvents, GetCrashReport getCrashReport, ResolveIssue resolveIssue, ReopenIssue reopenIssue,
            MuteIssue muteIssue, AssignIssue assignIssue, AddNote addNote, DeleteNote deleteNote,
            GetIngestSetup getIngestSetup, String issuer, long renderingBudget) {
        String base = Objects.requireNonNull(issuer, "issuer").replaceAll("/+$", "");
        this.tools = List.of(
                new ListApplicationsTool(Objects.requireNonNull(listApplications, "listApplications")),
                new ListIssuesTool(Objects.requireNonNull(listIssues, "listIssues")),
                new GetIssueTool(Objects.requireNonNull(getIssueInFull, "getIssueInFull"), base, renderingBudget),
                new ListEventsTool(Objects.requireNonNull(listEvents, "listEvents")),
                new GetEventTool(Objects.requireNonNull(getCrashReport, "getCrashReport")),
                new GetIngestSetupTool(Objects.requireNonNull(getIngestSetup, "getIngestSetup")),
                new ResolveIssueTool(Objects.requireNonNull(resolveIssue, "resolveIssue")),
                new ReopenIssueTool(Objects.requireNonNull(reopenIssue, "reopenIssue")),
                new MuteIssueTool(Objects.requireNonNull(muteIssue, "muteIssue")),
                new AssignIssueTool(Objects.requireNonNull(assignIssue, "assignIssue")),
                new AddNoteTool(Objects.requireNonNull(addNote, "addNote")),
                new DeleteNoteTool(Objects.requireNonNull(deleteNote, "deleteNote")));
    }

    /** In a stable order (reads, then writes); names are unique. */
    public List<McpTool> all() {
        return tools;
    }
}
