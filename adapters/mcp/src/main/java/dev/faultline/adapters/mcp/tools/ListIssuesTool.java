package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.adapters.mcp.ToolAnnotations;
import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.application.tracker.port.in.ListIssues;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationReference;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueSort;
import dev.faultline.domain.tracker.IssueStatus;
import dev.faultline.domain.tracker.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code list_issues}: issues of the caller's applications, filtered, sorted and paged. */
final class ListIssuesTool extends FaultlineTool {
    private static final Map<String, IssueSort> SORTS = Map.of("last_seen", IssueSort.LAST_SEEN,
            "first_seen", IssueSort.FIRST_SEEN, "events", IssueSort.EVENT_COUNT);
    private static final String APPLICATION = "application";
    private static final String SEEN_THERE = "seen_there";

    private final ListIssues listIssues;

    ListIssuesTool(ListIssues listIssues) {
        super("list_issues", "List issues",
                "Lists crash issues (events grouped by cause) in your applications, most relevant first, a page at "
                        + "a time. Each entry has the issue id, title, culprit, exception type, level, status "
                        + "(with mute details), first/last seen, event count and assignee. All filters are "
                        + "optional and combine with AND: \"application\" (id or slug from list_applications; "
                        + "default all your applications), \"status\", \"query\" (case-insensitive substring of "
                        + "title, culprit or exception type), \"since\"/\"until\" (RFC 3339 bounds on last seen: "
                        + "since inclusive, until exclusive), \"release\" and \"environment\" (exact names, as "
                        + "reported: issues with at least one event there; the list is then ordered, bounded by "
                        + "since/until and annotated by what was seen there, in \"seen_there\": the issue's events, "
                        + "first and last seen in that release, or environment; the release when both are given), "
                        + "\"level\", and "
                        + "\"opened_or_regressed_since\" (RFC 3339: issues first seen, opened or regressed at or "
                        + "after it, for \"what is new or back since my last look\"). \"sort\" orders descending: last_seen (default), "
                        + "first_seen or events (most events first). When next_cursor is not null, call again with "
                        + "the same arguments plus \"cursor\" for the next page. Use get_issue for one issue's "
                        + "stack trace and notes. Titles, culprits and exception types come from crash reports. "
                        + ToolOutput.UNTRUSTED_HINT,
                Schemas.object()
                        .optional(APPLICATION, Schemas.string("Application id (UUID) or slug; omit for all your "
                                + "applications.", 1, 64))
                        .optional("status", Schemas.oneOf("Only issues with this status.",
                                List.of("unresolved", "resolved", "muted")))
                        .optional("query", Schemas.string("Case-insensitive text to find in title, culprit or "
                                + "exception type.", 1, ListIssues.MAX_TEXT_LENGTH))
                        .optional("since", Schemas.dateTime("Only issues last seen at or after this instant (in "
                                + "the release or environment filtered on, if any)."))
                        .optional("until", Schemas.dateTime("Only issues last seen before this instant (in the "
                                + "release or environment filtered on, if any)."))
                        .optional("release", Schemas.string("Only issues seen in this release (exact name).", 1,
                                ListIssues.MAX_RELEASE_LENGTH))
                        .optional("environment", Schemas.string("Only issues seen in this environment (exact "
                                + "name).", 1, 64))
                        .optional("level", Schemas.oneOf("Only issues of this level.",
                                Arrays.stream(Level.values()).map(Level::wireName).toList()))
                        .optional("opened_or_regressed_since", Schemas.dateTime("Only issues first seen, opened "
                                + "or regressed at or after this instant."))
                        .optional("sort", Schemas.oneOf("Order, always descending (default last_seen).",
                                List.of("last_seen", "first_seen", "events")))
                        .optional(Arguments.LIMIT, Arguments.limitSchema("issues"))
                        .optional(Arguments.CURSOR, Arguments.cursorSchema())
                        .buildTopLevel(),
                Schemas.object()
                        .required("issues", Schemas.arrayOf(IssueView.fields()
                                .optional(SEEN_THERE, seenThereSchema()).build(), "This page, in the requested order."))
                        .required("next_cursor", Schemas.nullable(Schemas.string(
                                "Pass as \"cursor\" (with the same other arguments) for the next page; null when "
                                        + "this is the last page.")))
                        .required(ToolOutput.UNTRUSTED_FIELD, ToolOutput.untrustedSchema())
                        .buildTopLevel(),
                ToolAnnotations.READ, ListIssues.REQUIRES);
        this.listIssues = listIssues;
    }

    @Override
    ToolResult run(Actor actor, Arguments arguments) {
        Optional<ApplicationReference> application = arguments.optionalString(APPLICATION)
                .map(ApplicationReference::parse);
        String sortName = arguments.optionalString("sort").orElse("last_seen");
        ListIssues.Outcome outcome = listIssues.listIssues(new ListIssues.Command(actor, application,
                arguments.optionalString("status").map(IssueStatus::parse), arguments.optionalString("query"),
                arguments.optionalInstant("since"), arguments.optionalInstant("until"), SORTS.get(sortName),
                arguments.limit(), arguments.cursor(), new ListIssues.Seen(arguments.optionalString("release"),
                        arguments.optionalString("environment"), arguments.optionalString("level").map(Level::parse),
                        arguments.optionalInstant("opened_or_regressed_since"))));
        return outcome.fold(
                refused -> notPermitted(refused.required()),
                page -> page(sortName, page),
                notFound -> ToolResult.error(NotFound.application(arguments.string(APPLICATION))),
                invalid -> ToolResult.error(
                        "Invalid argument \"cursor\": " + invalid.reason() + ". Nothing was done."));
    }

    private static ObjectNode seenThereSchema() {
        return Schemas.object()
                .describedAs("Present when filtered by release or environment: what was seen of the issue there "
                        + "(the release when both are given). The list is ordered by these figures.")
                .required("dimension", Schemas.oneOf(null, List.of("release", "environment")))
                .required("value", Schemas.string("The release or environment filtered on."))
                .required("first_seen", Schemas.dateTime(null))
                .required("last_seen", Schemas.dateTime(null))
                .required("event_count", Schemas.integer("Events counted there so far.", 1, Long.MAX_VALUE))
                .build();
    }

    private static ObjectNode seenThereJson(ListIssues.SeenThere there) {
        ObjectNode json = Schemas.JSON.objectNode();
        json.put("dimension", there.dimension());
        json.put("value", there.value());
        json.put("first_seen", there.firstSeen().toString());
        json.put("last_seen", there.lastSeen().toString());
        json.put("event_count", there.eventCount());
        return json;
    }

    /** The issue's line, with what was seen in the release or environment filtered on. */
    private static String text(Issue issue, Optional<ListIssues.SeenThere> there) {
        String line = IssueView.text(issue);
        return there.map(t -> line + "\n  in " + t.dimension() + " " + t.value() + ": " + t.eventCount()
                + (t.eventCount() == 1 ? " event" : " events") + " · first seen " + t.firstSeen() + " · last seen "
                + t.lastSeen()).orElse(line);
    }

    private static ToolResult page(String sortName, ListIssues.Outcome.Page page) {
        ObjectNode content = Schemas.JSON.objectNode();
        ArrayNode issues = content.putArray("issues");
        page.issues().forEach(issue -> {
            ObjectNode json = IssueView.json(issue);
            Optional.ofNullable(page.seenThere().get(issue.id()))
                    .ifPresent(there -> json.set(SEEN_THERE, seenThereJson(there)));
            issues.add(json);
        });
        if (page.nextCursor().isPresent()) {
            content.put("next_cursor", page.nextCursor().get());
        } else {
            content.putNull("next_cursor");
        }
        String summary = (page.issues().isEmpty() ? "No issues match." : page.issues().size()
                + (page.issues().size() == 1 ? " issue" : " issues") + ", sorted by " + sortName + ".")
                + page.nextCursor().map(c -> " More follow: call list_issues again with the same arguments and "
                        + "cursor \"" + c + "\".").orElse(page.issues().isEmpty() ? "" : " This is the last page.");
        List<String> untrusted = new ArrayList<>(UntrustedText.under("issues[]", IssueView.UNTRUSTED));
        untrusted.add("issues[]." + SEEN_THERE + ".value");
        return ToolOutput.success(content, untrusted, summary,
                page.issues().stream().map(issue -> text(issue, Optional.ofNullable(page.seenThere().get(issue.id()))))
                        .collect(Collectors.joining("\n")));
    }
}
