package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.adapters.mcp.ToolAnnotations;
import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.application.tracker.port.in.ListApplications;
import dev.faultline.domain.tracker.Actor;
import java.util.List;
import java.util.stream.Collectors;

/** {@code list_applications}: the applications the caller is a member of. */
final class ListApplicationsTool extends FaultlineTool {
    private final ListApplications listApplications;

    ListApplicationsTool(ListApplications listApplications) {
        super("list_applications", "List applications",
                "Lists the applications whose crashes you can see (those you are a member of), by name, with "
                        + "their id, slug, platform and your role. Use it first to learn which application ids or "
                        + "slugs to pass to list_issues. Takes no arguments. Application names are typed by "
                        + "people. " + ToolOutput.UNTRUSTED_HINT,
                Schemas.object().buildTopLevel(),
                Schemas.object()
                        .required("applications", Schemas.arrayOf(ApplicationView.schema(), "Sorted by name."))
                        .required(ToolOutput.UNTRUSTED_FIELD, ToolOutput.untrustedSchema())
                        .buildTopLevel(),
                ToolAnnotations.READ, ListApplications.REQUIRES);
        this.listApplications = listApplications;
    }

    @Override
    ToolResult run(Actor actor, Arguments arguments) {
        ListApplications.Outcome outcome = listApplications.listApplications(new ListApplications.Command(actor));
        return outcome.fold(
                listed -> listed(listed.entries()),
                refused -> notPermitted(refused.required()));
    }

    private static ToolResult listed(List<ListApplications.Entry> entries) {
        ObjectNode content = Schemas.JSON.objectNode();
        ArrayNode list = content.putArray("applications");
        entries.forEach(entry -> list.add(ApplicationView.json(entry.application(), entry.role())));
        List<String> untrusted = UntrustedText.under("applications[]", ApplicationView.UNTRUSTED);
        if (entries.isEmpty()) {
            return ToolOutput.success(content, untrusted, "You are not a member of any application yet.", "");
        }
        String summary = entries.size() + (entries.size() == 1 ? " application" : " applications")
                + ". Pass an id or slug to list_issues as \"application\".";
        return ToolOutput.success(content, untrusted, summary, entries.stream()
                .map(e -> ApplicationView.text(e.application(), e.role()))
                .collect(Collectors.joining("\n")));
    }
}
