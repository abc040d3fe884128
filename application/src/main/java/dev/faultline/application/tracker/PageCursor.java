package dev.faultline.application.tracker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;

/**
 * Opaque keyset cursors: base64url of {@code 1.<list>.<query digest>.<sort key>.<id>.<check>}. The query digest
 * binds a cursor to the list, filters, sort and user it was made for; the check (a truncated SHA-256 of the
 * rest) catches damaged or hand-edited cursors. Neither is a security boundary -- every page is scoped to the
 * caller again -- they exist to turn a wrong cursor into a precise error instead of a silently wrong page.
 */
final class PageCursor {
    private static final String VERSION = "1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PageCursor() {
    }

    static String encode(String list, String query, long key, UUID id) {
        String payload = String.join(".", VERSION, list, digest(query), Long.toString(key), id.toString());
        return ENCODER.encodeToString((payload + "." + check(payload)).getBytes(StandardCharsets.US_ASCII));
    }

    static Decoded decode(String cursor, String list, String query) {
        String text;
        try {
            text = new String(DECODER.decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return new Decoded.Invalid("cursor is not a Faultline cursor (not base64url text)");
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 6 || !VERSION.equals(parts[0])) {
            return new Decoded.Invalid("cursor is not a Faultline cursor");
        }
        String payload = text.substring(0, text.lastIndexOf('.'));
        if (!MessageDigest.isEqual(check(payload).getBytes(StandardCharsets.US_ASCII),
                parts[5].getBytes(StandardCharsets.US_ASCII))) {
            return new Decoded.Invalid("cursor is damaged or was edited; use the cursor exactly as returned");
        }
        if (!list.equals(parts[1])) {
            return new Decoded.Invalid("cursor belongs to a list of " + parts[1] + ", not of " + list);
        }
        if (!digest(query).equals(parts[2])) {
            return new Decoded.Invalid("cursor was issued for a different query (other filters, sort or user); "
                    + "request the first page again without a cursor");
        }
        try {
            return new Decoded.Valid(Long.parseLong(parts[3]), UUID.fromString(parts[4]));
        } catch (IllegalArgumentException e) {
            return new Decoded.Invalid("cursor is damaged; use the cursor exactly as returned");
        }
    }

    private static String digest(String query) {
        return sha256Hex("query|" + query).substring(0, 16);
    }

    private static String check(String payload) {
        return sha256Hex("check|" + payload).substring(0, 12);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    sealed interface Decoded {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Valid, R> valid, Function<Invalid, R> invalid);

        record Valid(long key, UUID id) implements Decoded {
            @Override
            public <R> R fold(Function<Valid, R> valid, Function<Invalid, R> invalid) {
                return valid.apply(this);
            }
        }

        record Invalid(String reason) implements Decoded {
            @Override
            public <R> R fold(Function<Valid, R> valid, Function<Invalid, R> invalid) {
                return invalid.apply(this);
            }
        }
    }
}
