package dev.faultline.adapters.http.transport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An {@code application/x-www-form-urlencoded} body (UTF-8), parsed by hand so that duplicates (RFC 6749 §3.2:
 * parameters must not be sent more than once) and bad percent-encoding get precise errors. A parameter sent
 * without a value counts as absent (RFC 6749 §3.1).
 */
public final class FormParameters {
    private final Map<String, List<String>> values;

    private FormParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Parses the body; malformed percent-encoding and anything that is not UTF-8 (before or after
     * percent-decoding: overlong forms, encoded surrogates, stray bytes) are reported as an error message naming
     * the parameter, never replaced by U+FFFD.
     */
    public static Parse parse(byte[] body) {
        Optional<String> text = strictUtf8(body);
        if (text.isEmpty()) {
            return new Parse.Malformed("request body is not valid application/x-www-form-urlencoded: it is not "
                    + "UTF-8");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : text.get().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            Optional<String> name = decode(rawName);
            Optional<String> value = name.isPresent() ? decode(rawValue) : Optional.empty();
            if (value.isEmpty()) {
                return new Parse.Malformed("request body is not valid application/x-www-form-urlencoded: bad"
                        + " percent-encoding or not UTF-8 in parameter \"" + printable(rawName) + "\"");
            }
            values.computeIfAbsent(name.get(), k -> new ArrayList<>()).add(value.get());
        }
        return new Parse.Parsed(new FormParameters(values));
    }

    /** Percent-decodes ({@code +} is a space) into bytes, then reads them as strict UTF-8. */
    private static Optional<String> decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int c = raw.codePointAt(i);
            if (c == '+') {
                bytes.write(' ');
                i++;
            } else if (c == '%') {
                int high = i + 1 < raw.length() ? hexDigit(raw.charAt(i + 1)) : -1;
                int low = i + 2 < raw.length() ? hexDigit(raw.charAt(i + 2)) : -1;
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 3;
            } else {
                bytes.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        return strictUtf8(bytes.toByteArray());
    }

    /** An ASCII hex digit's value; -1 for anything else (Character.digit would take other scripts' digits). */
    private static int hexDigit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The first parameter sent more than once, if any. */
    public Optional<String> duplicated() {
        return values.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).findFirst();
    }

    /** The parameter's value, or {@code null} when absent or empty. Call {@link #duplicated()} first. */
    public String get(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty() || list.get(0).isEmpty()) {
            return null;
        }
        return list.get(0);
    }

    /** The parameter's value, empty when absent or empty. Call {@link #duplicated()} first. */
    public Optional<String> find(String name) {
        return Optional.ofNullable(get(name));
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    /** Parameter names can be anything a client sent: keep error messages short and printable. */
    public static String printable(String raw) {
        String cut = raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }

    public sealed interface Parse {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Parsed, R> parsed, Function<Malformed, R> malformed);

        record Parsed(FormParameters parameters) implements Parse {
            @Override
            public <R> R fold(Function<Parsed, R> parsed, Function<Malformed, R> malformed) {
                return parsed.apply(this);
            }
        }

        record Malformed(String description) implements Parse {
            @Override
            public <R> R fold(Function<Parsed, R> parsed, Function<Malformed, R> malformed) {
                return malformed.apply(this);
            }
        }
    }
}
