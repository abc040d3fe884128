package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Checks a JSON value against the JSON Schema subset {@link Schemas} builds: {@code type}, {@code properties},
 * {@code required}, {@code additionalProperties}, {@code items}, {@code enum}, {@code const}, {@code minimum},
 * {@code maximum}, {@code minLength}, {@code maxLength}, {@code format} ({@code date-time} per RFC 3339 and
 * {@code uuid}, asserted rather than merely annotated), {@code oneOf} and {@code anyOf}. A {@code type} array is refused
 * too: some hosts reject it ({@link Schemas#nullable} writes {@code anyOf} instead). A schema using any other keyword is
 * a programming error and is refused loudly, so a schema can never promise a rule nobody checks.
 *
 * <p>Tools run it over their arguments (so {@code additionalProperties: false} is enforced, not just declared);
 * tests run it over structured content to prove it conforms to the output schema.
 */
final class SchemaCheck {
    private static final Set<String> KEYWORDS = Set.of("$schema", "title", "description", "type", "properties",
            "required", "additionalProperties", "items", "enum", "const", "minimum", "maximum", "minLength",
            "maxLength", "format", "oneOf", "anyOf");
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final int ECHO_LIMIT = 60;

    private SchemaCheck() {
    }

    /** Every rule {@code value} breaks, each as "where: what", in document order; empty when it conforms. */
    static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> found = new ArrayList<>();
        check(schema, value, "", found);
        return found;
    }

    /** Parses an RFC 3339 date-time (the {@code date-time} format); empty when it is not one. */
    static Optional<OffsetDateTime> dateTime(String text) {
        if (!RFC_3339.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.toUpperCase(Locale.ROOT),
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> found) {
        schema.fieldNames().forEachRemaining(keyword -> {
            if (!KEYWORDS.contains(keyword)) {
                throw new IllegalArgumentException("schema keyword \"" + keyword + "\" at " + where(path)
                        + " is outside the subset SchemaCheck enforces");
            }
        });
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            found.add(where(path) + ": expected " + expected(schema.get("type")) + ", got " + describe(value));
            return;
        }
        if (schema.has("const") && !sameValue(schema.get("const"), value)) {
            found.add(where(path) + ": must be " + schema.get("const") + ", not " + echo(value));
        }
        if (schema.has("enum") && StreamSupport.stream(schema.get("enum").spliterator(), false)
                .noneMatch(allowed -> sameValue(allowed, value))) {
            found.add(where(path) + ": " + echo(value) + " is not one of " + schema.get("enum"));
        }
        if (value.isTextual()) {
            checkString(schema, value.textValue(), path, found);
        }
        if (value.isNumber()) {
            checkNumber(schema, value.decimalValue(), path, found);
        }
        if (value.isObject()) {
            checkObject(schema, value, path, found);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", found);
            }
        }
        if (schema.has("oneOf")) {
            checkOneOf(schema.get("oneOf"), value, path, found);
        }
        if (schema.has("anyOf")) {
            checkAnyOf(schema.get("anyOf"), value, path, found);
        }
    }

    /**
     * Conforms when one alternative accepts it. Otherwise: when no alternative has the value's type, "expected a
     * string or null"; else the complaints of the first alternative of the value's type.
     */
    private static void checkAnyOf(JsonNode alternatives, JsonNode value, String path, List<String> found) {
        List<String> ofItsType = null;
        List<String> types = new ArrayList<>();
        for (JsonNode alternative : alternatives) {
            List<String> problems = new ArrayList<>();
            check(alternative, value, path, problems);
            if (problems.isEmpty()) {
                return;
            }
            types.add(expected(alternative.path("type")));
            if (ofItsType == null && (!alternative.has("type") || typeMatches(alternative.get("type"), value))) {
                ofItsType = problems;
            }
        }
        if (ofItsType != null) {
            found.addAll(ofItsType);
        } else {
            found.add(where(path) + ": expected " + String.join(" or ", types) + ", got " + describe(value));
        }
    }

    private static void checkString(JsonNode schema, String text, String path, List<String> found) {
        int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            found.add(where(path) + ": must be at least " + schema.get("minLength").asInt()
                    + " characters long, not " + length);
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            found.add(where(path) + ": must be at most " + schema.get("maxLength").asInt()
                    + " characters long, not " + length);
        }
        if (schema.has("format")) {
            String format = schema.get("format").asText();
            if (format.equals("date-time") && dateTime(text).isEmpty()) {
                found.add(where(path) + ": " + echo(text) + " is not an RFC 3339 date-time "
                        + "(e.g. 2026-11-23T10:00:00Z or 2026-11-23T11:00:00+01:00)");
            } else if (format.equals("uuid") && !isUuid(text)) {
                found.add(where(path) + ": " + echo(text) + " is not an id (expected a UUID such as "
                        + "3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a1b)");
            } else if (!format.equals("date-time") && !format.equals("uuid")) {
                throw new IllegalArgumentException("format \"" + format + "\" is outside the subset");
            }
        }
    }

    private static void checkNumber(JsonNode schema, BigDecimal number, String path, List<String> found) {
        if (schema.has("minimum") && number.compareTo(schema.get("minimum").decimalValue()) < 0) {
            found.add(where(path) + ": must be at least " + schema.get("minimum") + ", not " + shortNumber(number));
        }
        if (schema.has("maximum") && number.compareTo(schema.get("maximum").decimalValue()) > 0) {
            found.add(where(path) + ": must be at most " + schema.get("maximum") + ", not " + shortNumber(number));
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String path, List<String> found) {
        JsonNode properties = schema.path("properties");
        if (schema.has("required")) {
            for (JsonNode name : schema.get("required")) {
                if (!value.has(name.asText())) {
                    found.add(where(child(path, name.asText())) + ": is required");
                }
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = child(path, field.getKey());
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), at, found);
            } else if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                List<String> allowed = new ArrayList<>();
                properties.fieldNames().forEachRemaining(allowed::add);
                found.add(where(at) + ": unknown field" + (allowed.isEmpty() ? "; this takes no fields"
                        : "; the allowed fields are " + String.join(", ", allowed)));
            } else if (additional != null && additional.isObject()) {
                check(additional, field.getValue(), at, found);
            }
        }
    }

    private static void checkOneOf(JsonNode alternatives, JsonNode value, String path, List<String> found) {
        List<String> matching = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode alternative : alternatives) {
            String name = alternative.path("title").asText("an alternative");
            names.add(name);
            if (violations(alternative, value).isEmpty()) {
                matching.add(name);
            }
        }
        if (matching.size() != 1) {
            found.add(where(path) + ": give exactly one of " + String.join(", ", names) + ", not "
                    + (matching.isEmpty() ? "none" : String.join(" and ", matching)));
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (!type.isTextual()) {
            throw new IllegalArgumentException("\"type\" must be one type name, not " + type
                    + " (some hosts refuse type arrays; use Schemas.nullable, which writes anyOf)");
        }
        switch (type.asText()) {
            case "object": return value.isObject();
            case "array": return value.isArray();
            case "string": return value.isTextual();
            case "boolean": return value.isBoolean();
            case "null": return value.isNull();
            case "number": return value.isNumber();
            case "integer": return value.isNumber() && isIntegral(value.decimalValue());
            default: throw new IllegalArgumentException("unknown type \"" + type.asText() + "\"");
        }
    }

    /** JSON Schema counts 5.0 as an integer: what matters is the value, not how it was written. */
    private static boolean isIntegral(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /**
     * The canonical 8-4-4-4-12 hex form, checked by hand: every tool call with an id checks one, and a regular
     * expression made this a visible share of a call's CPU.
     */
    private static boolean isUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (dash ? c != '-' : !hex) {
                return false;
            }
        }
        UUID.fromString(text);
        return true;
    }

    private static String expected(JsonNode type) {
        return article(type.asText());
    }

    private static String article(String type) {
        return type.equals("null") ? "null" : (type.equals("integer") || type.equals("object")
                || type.equals("array") ? "an " : "a ") + type;
    }

    private static String describe(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isTextual()) {
            return "a string " + echo(value);
        }
        if (value.isBoolean()) {
            return "a boolean " + value;
        }
        return (isIntegral(value.decimalValue()) ? "the integer " : "the number ") + shortNumber(value.decimalValue());
    }

    private static String echo(JsonNode value) {
        return value.isTextual() ? echo(value.textValue()) : describe(value);
    }

    private static String echo(String text) {
        String shown = text.length() > ECHO_LIMIT ? text.substring(0, ECHO_LIMIT) + "…" : text;
        return "\"" + shown.replaceAll("\\p{Cntrl}", " ") + "\"";
    }

    private static String shortNumber(BigDecimal number) {
        String text = number.toString();
        return text.length() > 30 ? number.round(new java.math.MathContext(6)).toString() : text;
    }

    private static String where(String path) {
        return path.isEmpty() ? "arguments" : path;
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
