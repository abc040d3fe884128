package dev.faultline.adapters.crypto;

import dev.faultline.application.account.port.out.PasswordHasher;
import dev.faultline.domain.account.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (RFC 9106) encoded as a PHC string:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (standard base64 without padding, as the reference
 * implementation writes it), with a 16-byte random salt and a 32-byte hash.
 *
 * <p><b>Why Bouncy Castle's {@link Argon2BytesGenerator}</b>: it is pure Java (no native library to build,
 * ship per platform or load through JNA, so the shaded jar runs anywhere Java 17 runs), it is maintained by
 * a project with a long security track record and frequent releases, and {@code bcprov} is a single
 * dependency with no transitive ones. The alternatives were {@code argon2-jvm} (JNA binding to the C
 * library: native artifacts per OS/CPU) and Spring Security's {@code Argon2PasswordEncoder} (which itself
 * delegates to Bouncy Castle and would pull Spring in).
 *
 * <p>Passwords are hashed as their UTF-8 bytes, unnormalised. Comparison is constant-time. Every check of a
 * well-formed hash does the full Argon2id work whatever the outcome, and {@link #dummyVerify} does the same
 * work for a sign-in with an unknown account.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final int MIN_SALT_BYTES = 8;
    private static final int MIN_HASH_BYTES = 16;
    private static final int MAX_BYTES = 1024;
    private static final Pattern PARAMETERS = Pattern.compile("m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final Argon2idParameters parameters;
    private final SecureRandom random;
    private final PasswordHash dummyHash;

    /** Hashes with the OWASP minimum parameters. */
    public Argon2idPasswordHasher() {
        this(Argon2idParameters.OWASP);
    }

    public Argon2idPasswordHasher(Argon2idParameters parameters) {
        this(parameters, new SecureRandom());
    }

    public Argon2idPasswordHasher(Argon2idParameters parameters, SecureRandom random) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.random = Objects.requireNonNull(random, "random");
        // A fixed salt is fine here: this hash only ever burns time, it protects no password.
        this.dummyHash = encode(parameters, new byte[SALT_BYTES],
                derive("faultline-dummy-password".getBytes(StandardCharsets.UTF_8), new byte[SALT_BYTES], parameters, HASH_BYTES));
    }

    @Override
    public PasswordHash hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return encode(parameters, salt, derive(utf8(password), salt, parameters, HASH_BYTES));
    }

    /** @throws MalformedPasswordHash if {@code hash} is not an Argon2id PHC string */
    @Override
    public boolean verify(String password, PasswordHash hash) {
        Objects.requireNonNull(password, "password");
        Decoded stored = decode(hash);
        byte[] computed = derive(utf8(password), stored.salt(), stored.parameters(), stored.hash().length);
        return MessageDigest.isEqual(computed, stored.hash());
    }

    @Override
    public void dummyVerify(String password) {
        verify(password == null ? "" : password, dummyHash);
    }

    /** @throws MalformedPasswordHash if {@code hash} is not an Argon2id PHC string */
    @Override
    public boolean needsRehash(PasswordHash hash) {
        Decoded stored = decode(hash);
        return !stored.parameters().equals(parameters)
                || stored.salt().length != SALT_BYTES
                || stored.hash().length != HASH_BYTES;
    }

    private static byte[] derive(byte[] password, byte[] salt, Argon2idParameters cost, int length) {
        Argon2Parameters argon2 = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(argon2);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    private static PasswordHash encode(Argon2idParameters cost, byte[] salt, byte[] hash) {
        return new PasswordHash("$argon2id$v=19$" + cost.phcSegment() + "$" + ENCODER.encodeToString(salt) + "$"
                + ENCODER.encodeToString(hash));
    }

    private record Decoded(Argon2idParameters parameters, byte[] salt, byte[] hash) {
    }

    static Decoded decode(PasswordHash hash) {
        Objects.requireNonNull(hash, "hash");
        String[] parts = hash.encoded().split("\\$", -1);
        if (parts.length != 6 || !parts[0].isEmpty()) {
            throw new MalformedPasswordHash("password hash is not a PHC string of the form $argon2id$v=19$m=..,t=..,p=..$salt$hash");
        }
        if (!"argon2id".equals(parts[1])) {
            throw new MalformedPasswordHash("password hash uses algorithm \"" + abbreviate(parts[1]) + "\"; only argon2id is supported");
        }
        if (!"v=19".equals(parts[2])) {
            throw new MalformedPasswordHash("password hash has Argon2 version \"" + abbreviate(parts[2]) + "\"; only v=19 is supported");
        }
        Matcher m = PARAMETERS.matcher(parts[3]);
        if (!m.matches()) {
            throw new MalformedPasswordHash("password hash parameters must read m=<KiB>,t=<iterations>,p=<lanes>");
        }
        Argon2idParameters cost;
        try {
            cost = new Argon2idParameters(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (IllegalArgumentException e) {
            throw new MalformedPasswordHash("password hash parameters out of range: " + e.getMessage(), e);
        }
        byte[] salt = base64(parts[4], "salt", MIN_SALT_BYTES);
        byte[] digest = base64(parts[5], "hash", MIN_HASH_BYTES);
        return new Decoded(cost, salt, digest);
    }

    private static byte[] base64(String text, String what, int minBytes) {
        if (text.endsWith("=")) {
            throw new MalformedPasswordHash("password hash " + what + " must be base64 without padding");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedPasswordHash("password hash " + what + " is not valid base64", e);
        }
        if (bytes.length < minBytes || bytes.length > MAX_BYTES) {
            throw new MalformedPasswordHash("password hash " + what + " must be " + minBytes + ".." + MAX_BYTES
                    + " bytes, was " + bytes.length);
        }
        return bytes;
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }

    private static byte[] utf8(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Argon2idPasswordHasher[" + parameters.phcSegment() + "]";
    }
}
