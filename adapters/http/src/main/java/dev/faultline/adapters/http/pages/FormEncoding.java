package dev.faultline.adapters.http.pages;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a body is well-formed {@code application/x-www-form-urlencoded} as browsers send it: every {@code %} starts
 * an escape of two hex digits, and every name and value decodes to UTF-8 (no overlong forms, no lone surrogates, no
 * stray bytes).
 */
final class FormEncoding {
    private FormEncoding() {
    }

    static boolean isWellFormed(byte[] body) {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b == '&' || b == '=') {
                if (!isUtf8(decoded.toByteArray())) {
                    return false;
                }
                decoded.reset();
            } else if (b == '%') {
                if (i + 2 >= body.length || Character.digit(body[i + 1], 16) < 0 || Character.digit(body[i + 2], 16) < 0) {
                    return false;
                }
                decoded.write(Character.digit(body[i + 1], 16) * 16 + Character.digit(body[i + 2], 16));
                i += 2;
            } else {
                decoded.write(b);
            }
        }
        return isUtf8(decoded.toByteArray());
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
