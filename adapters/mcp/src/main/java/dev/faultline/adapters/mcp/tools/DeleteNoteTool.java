package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.application.tracker.port.in.DeleteNote;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.NoteId;
import java.util.List;

/** {@code delete_note}: remove one of one's own notes. */
final class DeleteNoteTool extends FaultlineTool {
    private static final String NOTE_ID = "note_id";
    private final DeleteNote deleteNote;

    DeleteNoteTool(DeleteNote deleteNote) {
        super("delete_note", "Delete one of your notes",
                "Deletes a note you wrote, permanently (destructive; there is no undo). Notes written by others "
                        + "cannot be deleted: get_issue marks yours with \"mine\": true. Deleting a note that is "
                        + "already gone is reported as not found. Returns the deleted note's id. " + NEEDS_WRITE,
                Schemas.object()
                        .required(NOTE_ID, Schemas.uuid("The note's id (a UUID), as get_issue or add_note show it."))
                        .buildTopLevel(),
                Schemas.object()
                        .required("deleted_note_id", Schemas.uuid(null))
                        .required(ToolOutput.UNTRUSTED_FIELD, ToolOutput.untrustedSchema())
                        .buildTopLevel(),
                DELETES, DeleteNote.REQUIRES);
        this.deleteNote = deleteNote;
    }

    @Override
    ToolResult run(Actor actor, Arguments arguments) {
        NoteId id = NoteId.parse(arguments.string(NOTE_ID), NOTE_ID);
        DeleteNote.Outcome outcome = deleteNote.deleteNote(new DeleteNote.Command(actor, id));
        return outcome.fold(
                refused -> notPermitted(refused.required()),
                deleted -> {
                    ObjectNode content = Schemas.JSON.objectNode();
                    content.put("deleted_note_id", id.toString());
                    return ToolOutput.success(content, List.of(), "Deleted note " + id + ".", "");
                },
                notFound -> ToolResult.error(NotFound.note(id)),
                notTheAuthor -> ToolResult.error("Note " + id + " was written by someone else; you can delete "
                        + "only your own notes. Nothing changed."));
    }
}
