package dev.faultline.adapters.mcp;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One value of a standard MCP request header (2026-07-28, SEP-2243): optional whitespace around it is not part
 * of the value (RFC 9110 §5.5), and a value written {@code =?base64?…?=} carries UTF-8 text in Base64 (how a
 * client sends a non-ASCII tool name). Header names are matched case-insensitively by the caller.
 */
public sealed interface McpHeaderValue {
    /** The header was not sent. */
    record Missing() implements McpHeaderValue {
    }

    /** The header was sent more than once. */
    record Duplicated() implements McpHeaderValue {
    }

    /** The header's value is {@code =?base64?…?=} but not valid Base64 of UTF-8 text. */
    record Undecodable() implements McpHeaderValue {
    }

    record Present(String value) implements McpHeaderValue {
    }

    /** The value of a header sent as {@code values} (each line of that name, in order; null or empty: none). */
    static McpHeaderValue of(List<String> values) {
        if (values == null || values.isEmpty()) {
            return new Missing();
        }
        if (values.size() > 1) {
            return new Duplicated();
        }
        return decode(values.get(0)).<McpHeaderValue>map(Present::new).orElseGet(Undecodable::new);
    }

    /** {@code raw} trimmed of optional whitespace, and decoded when it is {@code =?base64?…?=}. */
    static Optional<String> decode(String raw) {
        String value = raw.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("=?base64?") && lower.endsWith("?=") && value.length() >= "=?base64??=".length())) {
            return Optional.of(value);
        }
        String encoded = value.substring("=?base64?".length(), value.length() - 2);
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded);
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
