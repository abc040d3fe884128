package dev.faultline.adapters.http.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body (UTF-8), parsed by hand so that duplicates (RFC 6749 §3.2:
 * parameters must not be sent more than once) and bad percent-encoding get precise errors. A parameter sent
 * without a value counts as absent (RFC 6749 §3.1).
 */
final class FormParameters {
    private final Map<String, List<String>> values;

    private FormParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Parses the body; a malformed percent-encoding is reported as an error message naming the problem. */
    static Parse parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                String value = URLDecoder.decode(rawValue, StandardCharsets.UTF_8);
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                return new Parse.Malformed("request body is not valid application/x-www-form-urlencoded: bad"
                        + " percent-encoding in parameter \"" + printable(rawName) + "\"");
            }
        }
        return new Parse.Parsed(new FormParameters(values));
    }

    /** The first parameter sent more than once, if any. */
    Optional<String> duplicated() {
        return values.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).findFirst();
    }

    /** The parameter's value, or {@code null} when absent or empty. Call {@link #duplicated()} first. */
    String get(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty() || list.get(0).isEmpty()) {
            return null;
        }
        return list.get(0);
    }

    boolean has(String name) {
        return get(name) != null;
    }

    /** Parameter names can be anything a client sent: keep error messages short and printable. */
    static String printable(String raw) {
        String cut = raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }

    sealed interface Parse {
        record Parsed(FormParameters parameters) implements Parse {
        }

        record Malformed(String description) implements Parse {
        }
    }
}
