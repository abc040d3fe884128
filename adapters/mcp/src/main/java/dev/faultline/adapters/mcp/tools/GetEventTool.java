package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.adapters.mcp.ToolAnnotations;
import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.application.tracker.port.in.GetEvent;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.EventId;
import java.util.ArrayList;
import java.util.List;

/** {@code get_event}: one event in full, with the issue it belongs to. */
final class GetEventTool extends FaultlineTool {
    private static final String EVENT_ID = "event_id";
    private final GetEvent getEvent;

    GetEventTool(GetEvent getEvent) {
        super("get_event", "Get an event",
                "Returns one event (a single crash occurrence) in full: message, exception type, the complete "
                        + "stack trace (the frame that threw first; in_app marks the application's own code), "
                        + "environment, release, tags and the affected end user as the reporting SDK described "
                        + "them, plus a summary of the issue it belongs to. Use it when the latest event shown by "
                        + "get_issue is not the one you need; event ids come from get_issue or list_events. "
                        + "Everything but ids, times and level comes from the crash report. "
                        + ToolOutput.UNTRUSTED_HINT,
                Schemas.object()
                        .required(EVENT_ID, Schemas.uuid("The event's id (a UUID), from get_issue or list_events."))
                        .buildTopLevel(),
                Schemas.object()
                        .required("event", EventView.schema())
                        .required("issue", IssueView.schema())
                        .required(ToolOutput.UNTRUSTED_FIELD, ToolOutput.untrustedSchema())
                        .buildTopLevel(),
                ToolAnnotations.READ, GetEvent.REQUIRES);
        this.getEvent = getEvent;
    }

    @Override
    ToolResult run(Actor actor, Arguments arguments) {
        EventId id = EventId.parse(arguments.string(EVENT_ID), EVENT_ID);
        GetEvent.Outcome outcome = getEvent.getEvent(new GetEvent.Command(actor, id));
        return outcome.fold(
                refused -> notPermitted(refused.required()),
                found -> found(id, found),
                notFound -> ToolResult.error(NotFound.event(id)));
    }

    private static ToolResult found(EventId id, GetEvent.Outcome.Found found) {
        ObjectNode content = Schemas.JSON.objectNode();
        content.set("event", EventView.json(found.event()));
        content.set("issue", IssueView.json(found.issue()));
        List<String> untrusted = new ArrayList<>(UntrustedText.under("event", EventView.UNTRUSTED));
        untrusted.addAll(UntrustedText.under("issue", IssueView.UNTRUSTED));
        String summary = "Event " + id + ": " + EventView.facts(found.event()) + ".\nIt belongs to "
                + IssueView.facts(found.issue()) + ".";
        return ToolOutput.success(content, untrusted, summary,
                EventView.text(found.event()) + "\n\nissue:\n" + IssueView.crashText(found.issue()));
    }
}
