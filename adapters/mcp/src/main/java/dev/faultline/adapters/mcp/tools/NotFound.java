package dev.faultline.adapters.mcp.tools;

import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.NoteId;

/**
 * "Not found" messages. Something in an application the caller is not a member of gets exactly the same message
 * as something that does not exist, so a tool never confirms that someone else's data exists.
 */
final class NotFound {
    private static final String WHY = " (it does not exist, or it belongs to an application you are not a "
            + "member of). Nothing was done.";

    private NotFound() {
    }

    static String application(String given) {
        return "No application \"" + given + "\" among your applications" + WHY
                + " list_applications shows the ids and slugs you can use.";
    }

    static String issue(IssueId id) {
        return "No issue " + id + " among your applications" + WHY + " list_issues shows the issues you can see.";
    }

    static String event(EventId id) {
        return event(id.toString());
    }

    /** An event named by Faultline's id or by the SDK's event_id. */
    static String event(String reference) {
        return "No event " + reference + " among your applications" + WHY
                + " get_issue and list_events show the event ids of an issue.";
    }

    static String note(NoteId id) {
        return "No note " + id + " among your applications" + WHY + " get_issue shows an issue's notes.";
    }
}
