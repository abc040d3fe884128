package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Role;
import java.util.List;
import java.util.Locale;

/** An application as the tools show it: JSON, its schema and a text line, kept side by side. */
final class ApplicationView {
    static final List<String> UNTRUSTED = List.of("name");

    private ApplicationView() {
    }

    static ObjectNode schema() {
        return Schemas.object()
                .required("id", Schemas.uuid("Application id; list_issues accepts it as \"application\"."))
                .required("slug", Schemas.string("Short unique name; list_issues accepts it as \"application\"."))
                .required("name", Schemas.string("Display name (user text)."))
                .required("platform", Schemas.string("What it is built with, e.g. android, java."))
                .required("role", Schemas.oneOf("Your role in it.", List.of("owner", "member")))
                .required("created_at", Schemas.dateTime(null))
                .build();
    }

    static ObjectNode json(Application application, Role role) {
        ObjectNode json = Schemas.JSON.objectNode();
        json.put("id", application.id().toString());
        json.put("slug", application.slug().value());
        json.put("name", application.name());
        json.put("platform", application.platform().value());
        json.put("role", role.name().toLowerCase(Locale.ROOT));
        json.put("created_at", application.createdAt().toString());
        return json;
    }

    static String text(Application application, Role role) {
        return "- " + application.slug() + " (id " + application.id() + ", " + application.platform() + ", you are "
                + role.name().toLowerCase(Locale.ROOT) + "): " + application.name();
    }
}
