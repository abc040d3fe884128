package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.adapters.mcp.ToolAnnotations;
import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.application.tracker.port.in.ListEvents;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.IssueId;
import java.util.stream.Collectors;

/** {@code list_events}: one issue's events, newest first, paged. */
final class ListEventsTool extends FaultlineTool {
    private final ListEvents listEvents;

    ListEventsTool(ListEvents listEvents) {
        super("list_events", "List an issue's events",
                "Lists the events (individual crash occurrences) of one issue, newest first, a page at a time: "
                        + "id, time, level, exception type, the first line of the message, environment and "
                        + "release. Use it to see how often and where an issue happens, or to pick an event for "
                        + "get_event, which shows the full stack trace, tags and user context. When next_cursor "
                        + "is not null, call again with the same issue_id plus \"cursor\". "
                        + ToolOutput.UNTRUSTED_HINT,
                Schemas.object()
                        .required(Arguments.ISSUE_ID, Arguments.issueIdSchema())
                        .optional(Arguments.LIMIT, Arguments.limitSchema("events"))
                        .optional(Arguments.CURSOR, Arguments.cursorSchema())
                        .buildTopLevel(),
                Schemas.object()
                        .required("issue_id", Schemas.uuid(null))
                        .required("events", Schemas.arrayOf(EventView.summarySchema(), "Newest first."))
                        .required("next_cursor", Schemas.nullable(Schemas.string(
                                "Pass as \"cursor\" with the same issue_id for the next page; null when this is "
                                        + "the last page.")))
                        .required(ToolOutput.UNTRUSTED_FIELD, ToolOutput.untrustedSchema())
                        .buildTopLevel(),
                ToolAnnotations.READ, ListEvents.REQUIRES);
        this.listEvents = listEvents;
    }

    @Override
    ToolResult run(Actor actor, Arguments arguments) {
        IssueId id = arguments.issueId();
        ListEvents.Outcome outcome = listEvents.listEvents(
                new ListEvents.Command(actor, id, arguments.limit(), arguments.cursor()));
        return outcome.fold(
                refused -> notPermitted(refused.required()),
                page -> page(id, page),
                notFound -> ToolResult.error(NotFound.issue(id)),
                invalid -> ToolResult.error(
                        "Invalid argument \"cursor\": " + invalid.reason() + ". Nothing was done."));
    }

    private static ToolResult page(IssueId id, ListEvents.Outcome.Page page) {
        ObjectNode content = Schemas.JSON.objectNode();
        content.put("issue_id", id.toString());
        ArrayNode events = content.putArray("events");
        page.events().forEach(event -> events.add(EventView.summaryJson(event)));
        if (page.nextCursor().isPresent()) {
            content.put("next_cursor", page.nextCursor().get());
        } else {
            content.putNull("next_cursor");
        }
        String summary = page.events().size() + (page.events().size() == 1 ? " event" : " events") + " of issue "
                + id + ", newest first." + page.nextCursor().map(c -> " More follow: call list_events again with "
                + "the same issue_id and cursor \"" + c + "\".").orElse(" This is the last page.");
        return ToolOutput.success(content, UntrustedText.under("events[]", EventView.UNTRUSTED_IN_SUMMARY), summary,
                page.events().stream().map(EventView::summaryText).collect(Collectors.joining("\n")));
    }
}
