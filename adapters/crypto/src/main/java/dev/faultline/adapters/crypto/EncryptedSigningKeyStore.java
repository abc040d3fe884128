package dev.faultline.adapters.crypto;

import dev.faultline.application.access.port.out.SigningKeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link SigningKeyStore} whose private documents are sealed with a {@link KeyEncryptionKey} before they reach
 * the underlying store (the database), and opened when read. A database reader sees only ciphertext, so cannot
 * mint tokens.
 *
 * <p>Documents stored in clear by an earlier version are read as they are and sealed by
 * {@link #sealClearKeys()} (at every startup), a compare-and-set per key so that several
 * instances may do it at once. A sealed document this key cannot open means the wrong key-encryption key is
 * configured: reading fails with {@link WrongKeyEncryptionKey}, and nothing is ever replaced or regenerated.
 */
public final class EncryptedSigningKeyStore implements SigningKeyStore {
    private final SigningKeyStore stored;
    private final KeyEncryptionKey kek;
    private final String kekSource;

    /** {@code kekSource} says where the key came from, for the error a wrong key gets (never the key itself). */
    public EncryptedSigningKeyStore(SigningKeyStore stored, KeyEncryptionKey kek, String kekSource) {
        this.stored = Objects.requireNonNull(stored);
        this.kek = Objects.requireNonNull(kek);
        this.kekSource = Objects.requireNonNull(kekSource);
    }

    /** The configured key cannot open the stored signing keys. */
    public static final class WrongKeyEncryptionKey extends IllegalStateException {
        WrongKeyEncryptionKey(String message) {
            super(message);
        }
    }

    @Override
    public List<StoredKey> all() {
        List<StoredKey> opened = new ArrayList<>();
        for (StoredKey key : stored.all()) {
            opened.add(new StoredKey(key.keyId(), open(key), key.createdAt()));
        }
        return opened;
    }

    @Override
    public boolean add(StoredKey key) {
        return stored.add(new StoredKey(key.keyId(), kek.seal(key.keyId(), key.privateDocument()), key.createdAt()));
    }

    @Override
    public int deleteCreatedBefore(Instant cutoff) {
        return stored.deleteCreatedBefore(cutoff);
    }

    @Override
    public boolean replaceDocument(String keyId, String expected, String replacement) {
        throw new UnsupportedOperationException("documents are sealed by this store; replace them in the one below");
    }

    /** Seals every document still stored in clear; returns how many this call sealed. */
    public int sealClearKeys() {
        int sealed = 0;
        for (StoredKey key : stored.all()) {
            if (!KeyEncryptionKey.isSealed(key.privateDocument())
                    && stored.replaceDocument(key.keyId(), key.privateDocument(),
                            kek.seal(key.keyId(), key.privateDocument()))) {
                sealed++;
            }
        }
        return sealed;
    }

    private String open(StoredKey key) {
        if (!KeyEncryptionKey.isSealed(key.privateDocument())) {
            return key.privateDocument();
        }
        return kek.open(key.keyId(), key.privateDocument()).orElseThrow(() -> new WrongKeyEncryptionKey(
                "signing key " + key.keyId() + " in the database cannot be decrypted with the key-encryption key from "
                        + kekSource + "; configure the key it was encrypted with (access.keyEncryptionKey /"
                        + " FAULTLINE_KEY_ENCRYPTION_KEY); Faultline never replaces signing keys it cannot read"));
    }
}
