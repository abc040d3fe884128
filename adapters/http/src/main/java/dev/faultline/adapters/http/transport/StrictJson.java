package dev.faultline.adapters.http.transport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JSON request body strictly (as I-JSON, RFC 7493, asks of RFC 8259 texts): valid UTF-8 only (no overlong
 * sequences, no encoded surrogates, no bytes that never occur in UTF-8), no unpaired surrogate in a
 * {@code \\u} escape, no key twice in one object, no number beyond the range of a double (it would become
 * infinity), exactly one value. What is refused is described in words a client developer can act on, with the
 * line and column, and never with the parser's own message (which names Java classes).
 */
public final class StrictJson {
    private static final BigDecimal LARGEST = new BigDecimal(Double.MAX_VALUE);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) ['\"](.*)['\"]",
            Pattern.DOTALL);
    private static final Pattern CONTROL_CODE = Pattern.compile("code (\\d+)");
    /** Deeper JSON is refused ("nested too deep"); no MCP or registration message comes near it. */
    public static final int MAX_NESTING_DEPTH = 1000;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private StrictJson() {
    }

    /** What {@link #parse} found: one JSON value, or why the body is refused. */
    public sealed interface Outcome {
        record Parsed(JsonNode value) implements Outcome {
        }

        record Refused(String reason) implements Outcome {
        }
    }

    /** Parses a whole body; an empty (or all-whitespace) body is refused too. */
    public static Outcome parse(byte[] body) {
        String text;
        try {
            text = utf8().decode(ByteBuffer.wrap(body)).toString();
        } catch (MalformedInputException e) {
            return refused("it is not valid UTF-8 (the bytes at offset " + offsetOf(body) + " are not a UTF-8 "
                    + "character; overlong forms and encoded surrogates are refused too)");
        } catch (CharacterCodingException e) {
            return refused("it is not valid UTF-8");
        }
        JsonNode value;
        try {
            value = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return refused(describe(e));
        } catch (NumberFormatException e) {
            // Jackson lets this through for a number it cannot even hold as a BigDecimal (exponent overflow).
            return refused("a number is malformed or out of range");
        }
        if (value == null || value.isMissingNode()) {
            return refused("it is empty; send one JSON value");
        }
        String problem = firstProblem(value, "");
        return problem == null ? new Outcome.Parsed(value) : refused(problem);
    }

    private static Outcome refused(String reason) {
        return new Outcome.Refused(reason);
    }

    private static CharsetDecoder utf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Where decoding stops: the exception only tells the length of the bad sequence, so decode again. */
    private static int offsetOf(byte[] body) {
        CharsetDecoder decoder = utf8();
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    /** Unpaired surrogates in strings or keys, and numbers a double cannot hold; null when there are none. */
    private static String firstProblem(JsonNode node, String path) {
        if (node.isTextual()) {
            return unpairedSurrogate(node.textValue()) ? "the string at " + where(path) + " contains an unpaired "
                    + "surrogate (a \\uD800-\\uDFFF escape that is not half of a pair), which is not a character"
                    : null;
        }
        if (node.isNumber()) {
            BigDecimal number = node.decimalValue();
            return number.abs().compareTo(LARGEST) > 0 ? "the number at " + where(path) + " is beyond the range "
                    + "of a double-precision number (about 1.8e308)" : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String problem = firstProblem(node.get(i), path + "[" + i + "]");
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (unpairedSurrogate(field.getKey())) {
                return "a key in " + where(path) + " contains an unpaired surrogate (a \\uD800-\\uDFFF escape that "
                        + "is not half of a pair), which is not a character";
            }
            String problem = firstProblem(field.getValue(), path.isEmpty() ? field.getKey()
                    : path + "." + field.getKey());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    static boolean unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String where(String path) {
        return path.isEmpty() ? "the top level" : "\"" + Printable.of(path, 60) + "\"";
    }

    /** The parser's complaint in our words, with its position; never the parser's message itself. */
    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        if (e instanceof StreamConstraintsException) {
            String lower = message.toLowerCase(Locale.ROOT);
            what = lower.contains("nesting depth") ? "it is nested too deep (more than " + MAX_NESTING_DEPTH
                    + " levels)"
                    : lower.contains("number") ? "a number has too many digits"
                    : lower.contains("name") ? "a key is too long"
                    : "a string is too long";
        } else if (e instanceof MismatchedInputException && message.startsWith("Trailing token")) {
            what = "something follows the JSON value; send exactly one value";
        } else if (DUPLICATE.matcher(message).lookingAt()) {
            Matcher duplicate = DUPLICATE.matcher(message);
            what = duplicate.lookingAt() ? "key \"" + Printable.of(duplicate.group(1), 60)
                    + "\" appears twice in one object" : "a key appears twice in one object";
        } else if (message.startsWith("Unexpected end-of-input")) {
            what = "it ends too early (an object, array or string is not closed)";
        } else if (message.startsWith("Illegal unquoted character")) {
            Matcher code = CONTROL_CODE.matcher(message);
            what = "a string contains a raw control character"
                    + (code.find() ? String.format(Locale.ROOT, " (U+%04X)", Integer.parseInt(code.group(1))) : "")
                    + "; control characters must be escaped, e.g. \\n";
        } else if (message.startsWith("Unrecognized character escape")) {
            what = "a string contains an invalid escape (after a backslash)";
        } else if (message.contains("numeric value") || message.contains("Numeric value")
                || message.contains("number")) {
            what = "a number is malformed or out of range";
        } else if (message.startsWith("Unrecognized token")) {
            what = "a word that is not a JSON value (only true, false and null are)";
        } else {
            what = "unexpected text";
        }
        JsonLocation at = e.getLocation();
        return what + (at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column "
                + at.getColumnNr() + ")");
    }
}
