package dev.faultline.adapters.crypto;

import dev.faultline.application.access.port.out.SecretGenerator;
import dev.faultline.domain.access.PersonalTokenFormat;
import dev.faultline.domain.access.SecretKind;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Fresh secrets from {@link SecureRandom}, 256 bits each:
 * <ul>
 *   <li>every kind but personal tokens: the kind's prefix + 32 random bytes as base64url without padding
 *       (43 characters);</li>
 *   <li>personal tokens: 32 random bytes read as an unsigned 256-bit number written in 43 base62 digits
 *       (62^43 &gt; 2^256, so every value fits and none is more likely than another), completed with its
 *       checksum by {@link PersonalTokenFormat#fromBody}. Base62 keeps the token one "word" that a
 *       double-click selects whole, in a URL path and in a secret scanner's regular expression.</li>
 * </ul>
 */
public final class SecureSecretGenerator implements SecretGenerator {
    static final int RANDOM_BYTES = 32;
    private static final BigInteger BASE = BigInteger.valueOf(62);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    public SecureSecretGenerator() {
        this(new SecureRandom());
    }

    public SecureSecretGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String generate(SecretKind kind) {
        Objects.requireNonNull(kind, "kind");
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        if (kind == SecretKind.PERSONAL_TOKEN) {
            return PersonalTokenFormat.fromBody(base62(bytes));
        }
        return kind.prefix() + BASE64URL.encodeToString(bytes);
    }

    /** The bytes as an unsigned number in exactly {@link PersonalTokenFormat#BODY_LENGTH} base62 digits. */
    static String base62(byte[] bytes) {
        String alphabet = PersonalTokenFormat.base62Alphabet();
        BigInteger value = new BigInteger(1, bytes);
        char[] digits = new char[PersonalTokenFormat.BODY_LENGTH];
        for (int i = digits.length - 1; i >= 0; i--) {
            BigInteger[] qr = value.divideAndRemainder(BASE);
            digits[i] = alphabet.charAt(qr[1].intValue());
            value = qr[0];
        }
        if (value.signum() != 0) {
            throw new IllegalStateException("256 bits always fit in " + digits.length + " base62 digits");
        }
        return new String(digits);
    }

    @Override
    public String toString() {
        return "SecureSecretGenerator";
    }
}
