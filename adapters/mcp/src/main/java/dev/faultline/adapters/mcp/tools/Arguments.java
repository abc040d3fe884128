package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.application.tracker.port.in.Paging;
import dev.faultline.domain.tracker.IssueId;
import java.time.Instant;
import java.util.Optional;

/**
 * A tool's arguments after {@link SchemaCheck} accepted them against its input schema, so every getter may rely
 * on the declared types and ranges; what the schema cannot say (a slug's shape, a time in the future) is left
 * to the domain's value objects, whose {@link dev.faultline.domain.shared.InvalidValue} the tool base reports.
 */
final class Arguments {
    static final String ISSUE_ID = "issue_id";
    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";

    private final ObjectNode values;

    Arguments(ObjectNode values) {
        this.values = values;
    }

    boolean has(String name) {
        return values.has(name);
    }

    boolean isNull(String name) {
        return values.has(name) && values.get(name).isNull();
    }

    String string(String name) {
        return optionalString(name).orElseThrow(() -> new IllegalStateException(
                "\"" + name + "\" is required by the schema, yet absent"));
    }

    Optional<String> optionalString(String name) {
        JsonNode value = values.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.textValue());
    }

    int integer(String name, int absent) {
        JsonNode value = values.get(name);
        return value == null ? absent : value.decimalValue().intValueExact();
    }

    Optional<Long> optionalLong(String name) {
        JsonNode value = values.get(name);
        return value == null ? Optional.empty() : Optional.of(value.decimalValue().longValueExact());
    }

    Optional<Instant> optionalInstant(String name) {
        return optionalString(name).map(text -> SchemaCheck.dateTime(text).orElseThrow(() ->
                new IllegalStateException("\"" + name + "\" passed the date-time check, yet does not parse"))
                .toInstant());
    }

    IssueId issueId() {
        return IssueId.parse(string(ISSUE_ID), ISSUE_ID);
    }

    int limit() {
        return integer(LIMIT, Paging.DEFAULT_PAGE_SIZE);
    }

    Optional<String> cursor() {
        return optionalString(CURSOR);
    }

    static ObjectNode issueIdSchema() {
        return Schemas.uuid("The issue's id (a UUID), as list_issues or get_issue show it.");
    }

    static ObjectNode limitSchema(String items) {
        return Schemas.integer("How many " + items + " to return at most, 1-" + Paging.MAX_PAGE_SIZE
                + " (default " + Paging.DEFAULT_PAGE_SIZE + ").", 1, Paging.MAX_PAGE_SIZE);
    }

    static ObjectNode cursorSchema() {
        return Schemas.string("Opaque next_cursor from the previous page of the same call (same arguments "
                + "otherwise); omit for the first page.", 1, Paging.MAX_CURSOR_LENGTH);
    }
}
