package dev.faultline.domain.intake;

import dev.faultline.domain.shared.InvalidValue;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The public part of a DSN ({@code sentry_key}): 32 lowercase hex digits. Public by design — it ships inside
 * every monitored application's code and browser bundle — so it identifies an application and is stored so it
 * can be shown again. It never authenticates a person.
 */
public record PublicIngestKey(String value) {
    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public PublicIngestKey {
        InvalidValue.require(value != null && SHAPE.matcher(value).matches(), "key",
                "an ingest key is 32 lowercase hex digits");
    }

    public static PublicIngestKey random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new PublicIngestKey(HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
