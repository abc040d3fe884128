package dev.faultline.application.testing;

import dev.faultline.application.account.port.out.PasswordHasher;
import dev.faultline.domain.account.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast stand-in for the Argon2id hasher, for use-case tests: hashes are {@code $fake$v<n>$<sha256>} and a
 * hash made with an older version than {@link #currentVersion} needs a rehash. Counts its calls so tests can
 * check the constant-time path (an unknown address still costs one verification).
 */
public final class FakePasswordHasher implements PasswordHasher {
    private volatile int currentVersion = 2;
    public final AtomicInteger verifications = new AtomicInteger();
    public final AtomicInteger dummyVerifications = new AtomicInteger();
    public final AtomicInteger hashes = new AtomicInteger();

    public void setCurrentVersion(int version) {
        currentVersion = version;
    }

    @Override
    public PasswordHash hash(String password) {
        hashes.incrementAndGet();
        return hashWithVersion(password, currentVersion);
    }

    public static PasswordHash hashWithVersion(String password, int version) {
        return new PasswordHash("$fake$v" + version + "$" + sha256(password));
    }

    @Override
    public boolean verify(String password, PasswordHash hash) {
        verifications.incrementAndGet();
        return hash.encoded().endsWith("$" + sha256(password));
    }

    @Override
    public void dummyVerify(String password) {
        dummyVerifications.incrementAndGet();
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return !hash.encoded().startsWith("$fake$v" + currentVersion + "$");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
