package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.application.intake.port.in.GetIssueHistory;
import dev.faultline.application.intake.port.in.GetIssueHistory.ActivityEntry;
import dev.faultline.application.intake.port.in.GetIssueHistory.IssueHistory;
import dev.faultline.application.intake.port.in.GetIssueHistory.Tally;
import dev.faultline.domain.tracker.IssueActivity;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What get_issue adds about how an issue came to be and went: why its events are one issue, the releases and
 * environments it was seen in, events per day for two weeks and the activity. The grouping's canonical text,
 * release and environment names come from crash reports and a person's name was typed by them.
 */
final class HistoryView {
    static final List<String> UNTRUSTED = List.of("grouping.canonical_text", "releases[].name",
            "environments[].name", "activity[].by_name");

    private HistoryView() {
    }

    /** The fields get_issue's result gains, added to {@code builder}. */
    static Schemas.ObjectBuilder addSchema(Schemas.ObjectBuilder builder) {
        return builder
                .required("grouping", Schemas.nullable(Schemas.object()
                        .describedAs("Why these events are one issue: every event whose canonical text (built by "
                                + "the grouping policy of this version from the exception types, in-app frames "
                                + "or message, never line numbers) is the same joins this issue. Null for issues "
                                + "not opened by an SDK's report.")
                        .required("version", Schemas.integer(null, 1, Integer.MAX_VALUE))
                        .required("canonical_text", Schemas.string(null))
                        .build()))
                .required("releases", Schemas.arrayOf(tallySchema(), "Releases the issue was seen in, most "
                        + "recently seen first, at most " + GetIssueHistory.MAX_TALLIES + "."))
                .required("releases_total", Schemas.integer("How many releases in all.", 0, Integer.MAX_VALUE))
                .required("environments", Schemas.arrayOf(tallySchema(), "Environments the issue was seen in, "
                        + "most recently seen first, at most " + GetIssueHistory.MAX_TALLIES + "."))
                .required("environments_total", Schemas.integer("How many environments in all.", 0,
                        Integer.MAX_VALUE))
                .required("daily_counts", Schemas.arrayOf(Schemas.object()
                        .required("day", Schemas.string("UTC day, YYYY-MM-DD."))
                        .required("events", Schemas.integer(null, 0, Long.MAX_VALUE))
                        .build(), "Events per UTC day (by when they happened) for the last "
                        + GetIssueHistory.DAYS + " days, oldest first, today last; 0 on days without events."))
                .required("activity", Schemas.arrayOf(Schemas.object()
                        .required("what", Schemas.oneOf(null, Arrays.stream(IssueActivity.Kind.values())
                                .map(IssueActivity.Kind::wireName).toList()))
                        .required("by", Schemas.oneOf("A person, an event an SDK sent, or Faultline itself.",
                                List.of("person", "ingest", "system")))
                        .required("by_name", Schemas.nullable(Schemas.string("The person's display name.")))
                        .required("at", Schemas.dateTime(null))
                        .required("event_id", Schemas.nullable(Schemas.uuid("The event that caused it, if one did.")))
                        .build(), "Every status change, oldest first, at most " + GetIssueHistory.MAX_ACTIVITY
                        + "."))
                .required("activity_truncated", Schemas.bool("More status changes exist than are listed."));
    }

    private static ObjectNode tallySchema() {
        return Schemas.object()
                .required("name", Schemas.string(null))
                .required("events", Schemas.integer(null, 1, Long.MAX_VALUE))
                .required("first_seen", Schemas.dateTime(null))
                .required("last_seen", Schemas.dateTime(null))
                .build();
    }

    static void addJson(ObjectNode content, IssueHistory history) {
        if (history.grouping().isPresent()) {
            content.putObject("grouping").put("version", history.grouping().get().version())
                    .put("canonical_text", history.grouping().get().canonicalText());
        } else {
            content.putNull("grouping");
        }
        tallies(content.putArray("releases"), history.releases());
        content.put("releases_total", history.releaseCount());
        tallies(content.putArray("environments"), history.environments());
        content.put("environments_total", history.environmentCount());
        ArrayNode daily = content.putArray("daily_counts");
        history.daily().forEach(d -> daily.addObject().put("day", d.day().toString()).put("events", d.eventCount()));
        ArrayNode activity = content.putArray("activity");
        for (ActivityEntry entry : history.activity()) {
            ObjectNode node = activity.addObject();
            node.put("what", entry.activity().kind().wireName());
            node.put("by", by(entry.activity()));
            if (entry.personName().isPresent()) {
                node.put("by_name", entry.personName().get());
            } else {
                node.putNull("by_name");
            }
            node.put("at", entry.activity().at().toString());
            if (entry.activity().eventId().isPresent()) {
                node.put("event_id", entry.activity().eventId().get().toString());
            } else {
                node.putNull("event_id");
            }
        }
        content.put("activity_truncated", history.activityTruncated());
    }

    private static void tallies(ArrayNode array, List<Tally> tallies) {
        tallies.forEach(t -> array.addObject().put("name", t.value()).put("events", t.eventCount())
                .put("first_seen", t.firstSeen().toString()).put("last_seen", t.lastSeen().toString()));
    }

    private static String by(IssueActivity activity) {
        return activity.actor().fold(person -> "person", ingest -> "ingest", system -> "system");
    }

    /** Faultline's own facts: counts, days and times, no crash text. */
    static String facts(IssueHistory history) {
        return "Events per day, last " + GetIssueHistory.DAYS + " days (oldest first): " + history.daily().stream()
                .map(d -> d.day() + "=" + d.eventCount()).collect(Collectors.joining(", "))
                + "\nReleases seen: " + history.releaseCount() + "; environments seen: "
                + history.environmentCount() + "; grouping: " + history.grouping()
                .map(g -> "version " + g.version()).orElse("none")
                + "\nActivity (oldest first): " + (history.activity().isEmpty() ? "none" : history.activity().stream()
                .map(e -> e.activity().kind().wireName() + " by " + by(e.activity()) + " at " + e.activity().at())
                .collect(Collectors.joining("; "))) + (history.activityTruncated() ? "; more not shown" : "");
    }

    /** The crash-derived and person-typed parts, for inside the untrusted fence. */
    static String text(IssueHistory history) {
        StringBuilder text = new StringBuilder();
        text.append("why these events are one issue: ").append(history.grouping()
                .map(g -> "grouping version " + g.version() + ", canonical text:\n" + g.canonicalText().indent(2)
                        .stripTrailing())
                .orElse("(no grouping recorded)"));
        text.append("\nreleases seen (most recent first):").append(tallyText(history.releases()));
        text.append("\nenvironments seen (most recent first):").append(tallyText(history.environments()));
        List<String> people = history.activity().stream().filter(e -> e.personName().isPresent())
                .map(e -> e.activity().kind().wireName() + " at " + e.activity().at() + " by "
                        + e.personName().get()).toList();
        if (!people.isEmpty()) {
            text.append("\nchanges by people:\n  ").append(String.join("\n  ", people));
        }
        return text.toString();
    }

    private static String tallyText(List<Tally> tallies) {
        if (tallies.isEmpty()) {
            return " (none)";
        }
        return tallies.stream().map(t -> "\n  " + t.value() + ": " + t.eventCount() + " events, first " + t.firstSeen()
                + ", last " + t.lastSeen()).collect(Collectors.joining());
    }
}
