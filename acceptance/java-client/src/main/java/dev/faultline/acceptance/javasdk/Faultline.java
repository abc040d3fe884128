package dev.faultline.acceptance.javasdk;

import static dev.faultline.acceptance.javasdk.Checks.expect;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What the acceptance server is known to serve ({@code faultline demo}, the user in two applications). */
final class Faultline {
    static final String MODERN = "2026-07-28";
    static final String LEGACY = "2025-11-25";
    static final String SERVER_NAME = "faultline";
    static final List<String> TOOLS = List.of("add_note", "assign_issue", "delete_note", "get_event",
            "get_ingest_setup", "get_issue", "list_applications", "list_events", "list_issues", "mute_issue",
            "reopen_issue", "resolve_issue");
    static final Set<String> WRITE_TOOLS = Set.of("add_note", "assign_issue", "delete_note", "mute_issue",
            "reopen_issue", "resolve_issue");
    static final String NEEDS_WRITE = "Needs the mcp:write permission";
    /** One of the user's demo applications, with crash issues in it. */
    static final String APPLICATION = "checkout-api";
    static final Pattern INSUFFICIENT_SCOPE = Pattern.compile("^Bearer\\s.*error=\"insufficient_scope\"");
    static final Pattern INVALID_TOKEN = Pattern.compile("^Bearer\\s.*error=\"invalid_token\"");
    /** Well-formed but never issued: Faultline must refuse it like any unknown token. */
    static final String BAD_TOKEN = "flt_pat_" + "0".repeat(43);

    private Faultline() {
    }

    /** Tool names in order, and every write tool's description (and only theirs) saying it needs mcp:write. */
    static void expectTools(List<String> names, Map<String, String> descriptions) {
        expect(names.stream().sorted().toList().equals(TOOLS),
                "tools/list gives the " + TOOLS.size() + " tools, got " + names.size() + ": " + names);
        descriptions.forEach((tool, description) -> expect(
                (description != null && description.contains(NEEDS_WRITE)) == WRITE_TOOLS.contains(tool),
                tool + ": only write tools say \"" + NEEDS_WRITE + "\": " + description));
    }

    /** The id of {@link #APPLICATION} in list_applications' structured content. */
    static String applicationId(Object applications) {
        return objects(applications, "applications").stream()
                .filter(application -> APPLICATION.equals(application.get("slug")))
                .map(application -> (String) application.get("id"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("list_applications names " + APPLICATION + ": "
                        + abbreviated(applications)));
    }

    /** list_issues' issues for {@link #APPLICATION}: at least one, all of that application; the first id. */
    static String expectIssuesOf(String applicationId, Object listed) {
        List<Map<?, ?>> issues = objects(listed, "issues");
        expect(!issues.isEmpty(), "list_issues returns demo issues of " + APPLICATION + ": " + abbreviated(listed));
        issues.forEach(issue -> expect(applicationId.equals(issue.get("application_id")),
                "every issue is of " + APPLICATION + " (" + applicationId + "): " + abbreviated(issue)));
        return (String) issues.get(0).get("id");
    }

    /** The first cause of the given type in a failure's chain (the SDKs wrap transport errors). */
    static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("expected a " + type.getSimpleName() + " in the failure, got: " + failure,
                failure);
    }

    static String abbreviated(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static List<Map<?, ?>> objects(Object structured, String field) {
        expect(structured instanceof Map<?, ?>, "structured content is an object: " + abbreviated(structured));
        Object list = ((Map<?, ?>) structured).get(field);
        expect(list instanceof Collection<?>, "structured content has a list \"" + field + "\": "
                + abbreviated(structured));
        return ((Collection<?>) list).stream().<Map<?, ?>>map(item -> {
            expect(item instanceof Map<?, ?>, field + " holds objects: " + abbreviated(item));
            return (Map<?, ?>) item;
        }).toList();
    }
}
