package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rule every string in a tool's arguments (keys too) keeps, whatever the tool: no control characters
 * except tab, line feed and carriage return (so no NUL, which PostgreSQL cannot store, no escape sequences, no
 * DEL or C1 controls). Refused, never stripped: a value that arrived with one is not what the caller meant.
 */
final class ArgumentText {
    private ArgumentText() {
    }

    /** Each offending string as "where: what", in document order; empty when there is none. */
    static List<String> violations(JsonNode arguments) {
        List<String> found = new ArrayList<>();
        check(arguments, "", found);
        return found;
    }

    private static void check(JsonNode value, String path, List<String> found) {
        if (value.isTextual()) {
            firstControl(value.textValue()).ifPresent(c -> found.add(where(path) + ": contains the control "
                    + "character " + codePoint(c) + ", which no argument may contain (tab and line breaks aside)"));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), path + "[" + i + "]", found);
            }
        } else if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? printable(field.getKey()) : path + "." + printable(field.getKey());
                firstControl(field.getKey()).ifPresent(c -> found.add(where(path) + ": a field name contains the "
                        + "control character " + codePoint(c)));
                check(field.getValue(), at, found);
            }
        }
    }

    private static java.util.Optional<Integer> firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return java.util.Optional.of((int) c);
            }
        }
        return java.util.Optional.empty();
    }

    private static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }

    private static String printable(String name) {
        if (name.length() <= 60 && !anyControl(name)) {
            return name; // every field of every call: no copy for the usual name
        }
        StringBuilder shown = new StringBuilder();
        name.chars().limit(60).forEach(c -> shown.append(Character.isISOControl(c) ? "[" + codePoint(c) + "]"
                : String.valueOf((char) c)));
        return shown.toString();
    }

    private static boolean anyControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String where(String path) {
        return path.isEmpty() ? "arguments" : path;
    }
}
