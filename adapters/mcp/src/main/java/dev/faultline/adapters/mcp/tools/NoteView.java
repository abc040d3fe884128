package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Note;
import java.util.List;

/** A note as the tools show it: JSON, schema and text side by side. Its body is user text. */
final class NoteView {
    static final List<String> UNTRUSTED = List.of("body");

    private NoteView() {
    }

    static ObjectNode schema() {
        return Schemas.object()
                .required("id", Schemas.uuid("Note id, for delete_note."))
                .required("issue_id", Schemas.uuid(null))
                .required("author_id", Schemas.uuid("User id of the author."))
                .required("mine", Schemas.bool("True when you wrote it (only then may you delete it)."))
                .required("body", Schemas.string("What the author wrote (user text)."))
                .required("created_at", Schemas.dateTime(null))
                .build();
    }

    static ObjectNode json(Note note, UserId reader) {
        ObjectNode json = Schemas.JSON.objectNode();
        json.put("id", note.id().toString());
        json.put("issue_id", note.issueId().toString());
        json.put("author_id", note.author().toString());
        json.put("mine", note.author().equals(reader));
        json.put("body", note.body());
        json.put("created_at", note.createdAt().toString());
        return json;
    }

    /** For inside the untrusted fence. */
    static String text(Note note, UserId reader) {
        return "- note " + note.id() + " by " + (note.author().equals(reader) ? "you" : "user " + note.author())
                + " at " + note.createdAt() + ":\n" + note.body().indent(2).stripTrailing();
    }
}
