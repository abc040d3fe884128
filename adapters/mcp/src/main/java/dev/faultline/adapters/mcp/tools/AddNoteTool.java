package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.application.tracker.port.in.AddNote;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Note;

/** {@code add_note}: write a note on an issue. */
final class AddNoteTool extends FaultlineTool {
    private static final String BODY = "body";
    private final AddNote addNote;

    AddNoteTool(AddNote addNote) {
        super("add_note", "Add a note to an issue",
                "Writes a note on an issue, visible to every member of its application, signed as you: e.g. "
                        + "findings, a suspected cause, a link to a fix. The body is plain text, 1-"
                        + Note.MAX_BODY_LENGTH + " characters, may span lines. Each call adds another note (not "
                        + "idempotent). Returns the note with its id (delete_note removes it). "
                        + NEEDS_WRITE + " " + ToolOutput.UNTRUSTED_HINT,
                Schemas.object()
                        .required(Arguments.ISSUE_ID, Arguments.issueIdSchema())
                        .required(BODY, Schemas.string("The note's text.", 1, Note.MAX_BODY_LENGTH))
                        .buildTopLevel(),
                Schemas.object()
                        .required("note", NoteView.schema())
                        .required(ToolOutput.UNTRUSTED_FIELD, ToolOutput.untrustedSchema())
                        .buildTopLevel(),
                ADDS, AddNote.REQUIRES);
        this.addNote = addNote;
    }

    @Override
    ToolResult run(Actor actor, Arguments arguments) {
        IssueId id = arguments.issueId();
        AddNote.Outcome outcome = addNote.addNote(new AddNote.Command(actor, id, arguments.string(BODY)));
        return outcome.fold(
                refused -> notPermitted(refused.required()),
                added -> {
                    ObjectNode content = Schemas.JSON.objectNode();
                    content.set("note", NoteView.json(added.note(), actor.user()));
                    return ToolOutput.success(content, UntrustedText.under("note", NoteView.UNTRUSTED),
                            "Added note " + added.note().id() + " to issue " + id + ".",
                            NoteView.text(added.note(), actor.user()));
                },
                notFound -> ToolResult.error(NotFound.issue(id)));
    }
}
