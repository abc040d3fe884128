package dev.faultline.adapters.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that encrypts signing keys at rest: AES-256-GCM (JDK), a fresh 96-bit nonce per document, the key id
 * as associated data (a sealed document moved to another key id does not open). It never lives in the database:
 * it comes from configuration or from a file beside the data directory. Sealed documents read
 * {@code aes256gcm:v1:} + base64url(nonce ‖ ciphertext ‖ tag).
 */
public final class KeyEncryptionKey {
    public static final int BYTES = 32;
    static final String PREFIX = "aes256gcm:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private KeyEncryptionKey(byte[] key) {
        if (key.length != BYTES) {
            throw new IllegalArgumentException("a key-encryption key is " + BYTES + " bytes, was " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** From its base64 (standard or URL-safe) text; a precise message when it is not 32 bytes of base64. */
    public static KeyEncryptionKey fromBase64(String text) {
        byte[] decoded;
        try {
            String trimmed = text.trim();
            decoded = trimmed.contains("-") || trimmed.contains("_")
                    ? Base64.getUrlDecoder().decode(trimmed) : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key-encryption key is not base64");
        }
        if (decoded.length != BYTES) {
            throw new IllegalArgumentException("the key-encryption key must be " + BYTES + " bytes (base64 of "
                    + BYTES + " random bytes, e.g. `openssl rand -base64 32`), was " + decoded.length + " bytes");
        }
        KeyEncryptionKey kek = new KeyEncryptionKey(decoded);
        Arrays.fill(decoded, (byte) 0);
        return kek;
    }

    /** A new random key, as base64 text to store. */
    public static String generateBase64() {
        byte[] random = new byte[BYTES];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    public static boolean isSealed(String document) {
        return document.startsWith(PREFIX);
    }

    public String seal(String keyId, String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable in this JDK", e);
        }
    }

    /** The plaintext, or empty when {@code sealed} was not sealed by this key for {@code keyId} (or was altered). */
    public Optional<String> open(String keyId, String sealed) {
        if (!isSealed(sealed)) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
            if (in.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[redacted]";
    }
}
