package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.adapters.mcp.ToolAnnotations;
import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.application.intake.port.in.GetIssueHistory;
import dev.faultline.application.intake.port.in.GetIssueInFull;
import dev.faultline.application.tracker.port.in.GetIssue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.IssueId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code get_issue}: one issue in full, with its latest event's stack trace, recent event ids and notes. An issue
 * asked for again while unchanged is answered from the rendering kept for it ({@link IssueRenderings}): one read of
 * its revision and the caller's membership instead of reading and rendering the issue again.
 */
final class GetIssueTool extends FaultlineTool {
    private final GetIssueInFull getIssueInFull;
    private final String issuer;
    private final IssueRenderings renderings;

    /** @param renderingBudget bytes of renderings to keep for answering again while their issue is unchanged */
    GetIssueTool(GetIssueInFull getIssueInFull, String issuer, long renderingBudget) {
        super("get_issue", "Get an issue",
                "Returns one issue in full: its summary (title, culprit, exception type, level, status with mute "
                        + "details, first/last seen, event count, assignee), the application it belongs to, the "
                        + "latest event with its complete stack trace, message, tags and user context, the ids of "
                        + "up to " + GetIssue.RECENT_EVENTS + " most recent events (newest first; get_event "
                        + "shows one, list_events pages through all), the notes people wrote (oldest first; "
                        + "\"mine\" marks those you may delete), web_url (a link to the issue in Faultline's web "
                        + "interface), why these events are one issue (\"grouping\": the grouping version and the "
                        + "canonical text every event of the issue shares), the releases and environments it was "
                        + "seen in, events per day for the last " + GetIssueHistory.DAYS + " days and its activity "
                        + "(every status change: what, by whom, when). Use it to investigate an issue found with "
                        + "list_issues; get_event shows the latest event's whole SDK report (exception chain, "
                        + "source lines, breadcrumbs, request, contexts). "
                        + ToolOutput.UNTRUSTED_HINT,
                Schemas.object().required(Arguments.ISSUE_ID, Arguments.issueIdSchema()).buildTopLevel(),
                HistoryView.addSchema(Schemas.object()
                        .required("issue", IssueView.schema())
                        .required("application", Schemas.object()
                                .required("id", Schemas.uuid(null))
                                .required("slug", Schemas.string(null))
                                .required("name", Schemas.string("Display name (user text)."))
                                .build())
                        .required("web_url", Schemas.string("The issue in Faultline's web interface."))
                        .required("latest_event", Schemas.nullable(EventView.schema()))
                        .required("recent_event_ids", Schemas.arrayOf(Schemas.uuid(null), "Newest first."))
                        .required("notes", Schemas.arrayOf(NoteView.schema(), "Oldest first.")))
                        .required(ToolOutput.UNTRUSTED_FIELD, ToolOutput.untrustedSchema())
                        .buildTopLevel(),
                ToolAnnotations.READ, GetIssueInFull.REQUIRES);
        this.getIssueInFull = getIssueInFull;
        this.issuer = issuer;
        this.renderings = new IssueRenderings(renderingBudget);
    }

    @Override
    ToolResult run(Actor actor, Arguments arguments) {
        IssueId id = arguments.issueId();
        GetIssueInFull.Command command = new GetIssueInFull.Command(actor, id);
        Optional<IssueRenderings.Rendering> remembered = renderings.find(id, actor.user());
        if (remembered.isEmpty()) {
            return answer(actor, id, getIssueInFull.getIssueInFull(command));
        }
        return getIssueInFull.getIssueInFullIfChanged(command, remembered.get().version())
                .map(changed -> answer(actor, id, changed))
                .orElseGet(() -> result(remembered.get()));
    }

    private ToolResult answer(Actor actor, IssueId id, GetIssueInFull.Outcome outcome) {
        return outcome.fold(
                refused -> notPermitted(refused.required()),
                found -> {
                    IssueRenderings.Rendering rendering = render(actor, id, found.issue());
                    renderings.remember(actor.user(), rendering);
                    return result(rendering);
                },
                notFound -> {
                    renderings.forget(id, actor.user());
                    return ToolResult.error(NotFound.issue(id));
                });
    }

    private static ToolResult result(IssueRenderings.Rendering rendering) {
        return ToolResult.success(rendering.content(), ToolOutput.text(rendering.summary(), rendering.untrustedText()));
    }

    private IssueRenderings.Rendering render(Actor actor, IssueId id, GetIssueInFull.IssueInFull inFull) {
        GetIssue.IssueDetails details = inFull.details();
        GetIssueHistory.IssueHistory history = inFull.history();
        Application application = details.application();
        String webUrl = issuer + "/issues/" + id;

        ObjectNode content = Schemas.JSON.objectNode();
        content.set("issue", IssueView.json(details.issue()));
        ObjectNode app = content.putObject("application");
        app.put("id", application.id().toString());
        app.put("slug", application.slug().value());
        app.put("name", application.name());
        content.put("web_url", webUrl);
        if (details.latestEvent().isPresent()) {
            content.set("latest_event", EventView.json(details.latestEvent().get()));
        } else {
            content.putNull("latest_event");
        }
        ArrayNode recent = content.putArray("recent_event_ids");
        details.recentEventIds().forEach(eventId -> recent.add(eventId.toString()));
        ArrayNode notes = content.putArray("notes");
        details.notes().forEach(note -> notes.add(NoteView.json(note, actor.user())));
        HistoryView.addJson(content, history);

        List<String> untrusted = new ArrayList<>(UntrustedText.under("issue", IssueView.UNTRUSTED));
        untrusted.add("application.name");
        untrusted.addAll(UntrustedText.under("latest_event", EventView.UNTRUSTED));
        untrusted.addAll(UntrustedText.under("notes[]", NoteView.UNTRUSTED));
        untrusted.addAll(HistoryView.UNTRUSTED);

        String summary = "In application " + application.slug() + ": " + IssueView.facts(details.issue()) + ".\nWeb: "
                + webUrl + "\nRecent event ids (newest first): " + (details.recentEventIds().isEmpty() ? "none"
                : details.recentEventIds().stream().map(EventId::toString).collect(Collectors.joining(", ")))
                + "\nNotes: " + details.notes().size() + ".\n" + HistoryView.facts(history);
        StringBuilder crash = new StringBuilder();
        crash.append("application name: ").append(application.name()).append('\n');
        crash.append(IssueView.crashText(details.issue())).append("\n\n");
        crash.append(HistoryView.text(history)).append("\n\n");
        crash.append(details.latestEvent().map(e -> "latest " + EventView.facts(e) + "\n" + EventView.text(e))
                .orElse("latest event: none")).append("\n\n");
        crash.append(details.notes().isEmpty() ? "notes: none" : "notes (oldest first):\n" + details.notes()
                .stream().map(note -> NoteView.text(note, actor.user())).collect(Collectors.joining("\n")));
        return new IssueRenderings.Rendering(inFull.version(), ToolOutput.withUntrusted(content, untrusted), summary,
                UntrustedText.Printable.of(crash.toString()));
    }
}
