package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.domain.tracker.Issue;
import java.util.List;

/** The result every issue-changing tool returns: what happened and the issue as it is now. */
final class ChangedIssue {
    private ChangedIssue() {
    }

    static ObjectNode outputSchema(List<String> results) {
        return Schemas.object()
                .required("result", Schemas.oneOf("What the call did.", results))
                .required("issue", IssueView.schema().put("description", "The issue after the change."))
                .required(ToolOutput.UNTRUSTED_FIELD, ToolOutput.untrustedSchema())
                .buildTopLevel();
    }

    static ToolResult success(String result, Issue issue, String summary) {
        ObjectNode content = Schemas.JSON.objectNode();
        content.put("result", result);
        content.set("issue", IssueView.json(issue));
        return ToolOutput.success(content, UntrustedText.under("issue", IssueView.UNTRUSTED),
                summary + "\nNow: " + IssueView.facts(issue) + ".", IssueView.crashText(issue));
    }
}
