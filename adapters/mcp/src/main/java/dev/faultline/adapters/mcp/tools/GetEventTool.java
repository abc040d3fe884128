package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.adapters.mcp.ToolAnnotations;
import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.application.intake.port.in.GetCrashReport;
import dev.faultline.application.intake.port.in.GetCrashReport.EventReference;
import dev.faultline.domain.tracker.Actor;
import java.util.ArrayList;
import java.util.List;

/** {@code get_event}: one event in full, with the SDK's report and the issue it belongs to. */
final class GetEventTool extends FaultlineTool {
    private static final String EVENT_ID = "event_id";
    private final GetCrashReport getCrashReport;

    GetEventTool(GetCrashReport getCrashReport) {
        super("get_event", "Get an event",
                "Returns one event (a single crash occurrence) in full: message, exception type, the stack trace "
                        + "(the frame that threw first; in_app marks the application's own code), environment, "
                        + "release, tags and the affected end user, plus a summary of the issue it belongs to. "
                        + "For events an SDK reported, \"crash\" adds the whole report: the exception chain (root "
                        + "cause first, main exception last) with every frame, the crashing frame's source lines "
                        + "(pre_context, context_line, post_context), breadcrumbs (oldest first), the request, "
                        + "contexts (os, runtime, device, ...) and the SDK. Name the event by its Faultline id (from "
                        + "get_issue or list_events) or by the SDK's own event_id (32 hex digits, as an application "
                        + "logged it). Everything but ids, times and levels comes from the crash report. "
                        + ToolOutput.UNTRUSTED_HINT,
                Schemas.object()
                        .required(EVENT_ID, Schemas.string("The event's Faultline id (a UUID, from get_issue or "
                                + "list_events) or the SDK's event_id (32 hex digits).", 32, 36))
                        .buildTopLevel(),
                Schemas.object()
                        .required("event", EventView.schema())
                        .required("issue", IssueView.schema())
                        .required("crash", Schemas.nullable(CrashView.schema()))
                        .required(ToolOutput.UNTRUSTED_FIELD, ToolOutput.untrustedSchema())
                        .buildTopLevel(),
                ToolAnnotations.READ, GetCrashReport.REQUIRES);
        this.getCrashReport = getCrashReport;
    }

    @Override
    ToolResult run(Actor actor, Arguments arguments) {
        EventReference reference = EventReference.parse(arguments.string(EVENT_ID), EVENT_ID);
        GetCrashReport.Outcome outcome = getCrashReport.getCrashReport(new GetCrashReport.Command(actor, reference));
        return outcome.fold(
                refused -> notPermitted(refused.required()),
                found -> found(found.crash()),
                notFound -> ToolResult.error(NotFound.event(reference.toString())));
    }

    private static ToolResult found(GetCrashReport.CrashReport crash) {
        ObjectNode content = Schemas.JSON.objectNode();
        content.set("event", EventView.json(crash.event()));
        content.set("issue", IssueView.json(crash.issue()));
        if (crash.report().isPresent()) {
            content.set("crash", CrashView.json(crash.report().get(), crash.receivedAt().orElseThrow()));
        } else {
            content.putNull("crash");
        }
        List<String> untrusted = new ArrayList<>(UntrustedText.under("event", EventView.UNTRUSTED));
        untrusted.addAll(UntrustedText.under("issue", IssueView.UNTRUSTED));
        untrusted.addAll(UntrustedText.under("crash", CrashView.UNTRUSTED));
        String summary = "Event " + crash.event().id() + ": " + EventView.facts(crash.event())
                + crash.receivedAt().map(at -> " · received " + at).orElse("")
                + (crash.report().isPresent() ? "" : " · no SDK report (not sent by an SDK)")
                + ".\nIt belongs to " + IssueView.facts(crash.issue()) + ".";
        return ToolOutput.success(content, untrusted, summary,
                EventView.text(crash.event()) + crash.report().map(r -> "\n\nSDK report:\n" + CrashView.text(r))
                        .orElse("") + "\n\nissue:\n" + IssueView.crashText(crash.issue()));
    }
}
