package dev.faultline.adapters.ingest.protocol;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public key an SDK presents ({@code sentry_key}), normalised to lowercase as Relay does: Faultline issues 32
 * lowercase hex digits, and an SDK or proxy that upper-cases one must still be let in. Any other shape within the
 * bound is carried as presented and simply matches no stored key (a made-up DSN key such as {@code publickey} is
 * still a key). It is public by design and identifies an application; it is not a secret.
 */
public record PublicKey(String value) {

    /** Letters and digits, as long as a key could reasonably be; anything else is not a key. */
    private static final Pattern SHAPE = Pattern.compile("[0-9a-z]{1,64}");

    public PublicKey {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a public key is 1 to 64 lowercase letters or digits");
        }
    }

    static Optional<PublicKey> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        String normalised = presented.strip().toLowerCase(Locale.ROOT);
        return SHAPE.matcher(normalised).matches() ? Optional.of(new PublicKey(normalised)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
