package dev.faultline.bootstrap.wiring;

import dev.faultline.adapters.crypto.EncryptedSigningKeyStore;
import dev.faultline.adapters.crypto.KeyEncryptionKey;
import dev.faultline.application.access.port.out.SigningKeyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key that encrypts signing keys at rest comes from; never the database. {@code access.keyEncryptionKey}
 * (base64 of 32 bytes, e.g. from {@code FAULTLINE_KEY_ENCRYPTION_KEY}) when set; otherwise the file
 * {@value #FILE_NAME} beside the embedded data directory (owner-only, like the generated database password),
 * generated on first start. Several instances on one database must share the key (set it in configuration).
 *
 * <p>When the database already holds encrypted keys and the key is missing or wrong, startup is refused with one
 * precise line: a new key (and new signing keys) would silently invalidate every token of every instance.
 */
public final class KeyEncryptionKeySource {
    public static final String FILE_NAME = "signing-keys.kek";
    private static final Logger LOG = LoggerFactory.getLogger(KeyEncryptionKeySource.class);

    private KeyEncryptionKeySource() {
    }

    /** Faultline cannot start with the key-encryption key it was given; the message says what to do. */
    public static final class Refused extends IllegalStateException {
        Refused(String message) {
            super(message);
        }
    }

    /** The encrypting store over {@code database}, with documents stored in clear by earlier versions sealed. */
    public static EncryptedSigningKeyStore open(String configured, Path embeddedDataDirectory,
            SigningKeyStore database) {
        Path file = embeddedDataDirectory.toAbsolutePath().normalize().resolveSibling(FILE_NAME);
        EncryptedSigningKeyStore store;
        if (configured != null && !configured.isBlank()) {
            store = new EncryptedSigningKeyStore(database, KeyEncryptionKey.fromBase64(configured),
                    "access.keyEncryptionKey");
        } else {
            store = new EncryptedSigningKeyStore(database, fromFile(file, database), file.toString());
        }
        try {
            store.all(); // a wrong key fails here, before anything is written
        } catch (EncryptedSigningKeyStore.WrongKeyEncryptionKey wrong) {
            throw new Refused(wrong.getMessage());
        }
        int sealed = store.sealClearKeys();
        if (sealed > 0) {
            LOG.info("Encrypted {} signing key(s) that an earlier version stored in clear", sealed);
        }
        return store;
    }

    private static KeyEncryptionKey fromFile(Path file, SigningKeyStore database) {
        try {
            if (Files.exists(file)) {
                return KeyEncryptionKey.fromBase64(Files.readString(file, StandardCharsets.UTF_8));
            }
            boolean encryptedKeysExist = database.all().stream()
                    .anyMatch(key -> KeyEncryptionKey.isSealed(key.privateDocument()));
            if (encryptedKeysExist) {
                throw new Refused("the signing keys in the database are encrypted, but the key-encryption"
                        + " key file " + file + " is missing; restore it or set access.keyEncryptionKey"
                        + " (FAULTLINE_KEY_ENCRYPTION_KEY) to the key they were encrypted with");
            }
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            String generated = KeyEncryptionKey.generateBase64();
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            LOG.info("Generated the signing-key encryption key in {} (owner-only); back it up with the database", file);
            return KeyEncryptionKey.fromBase64(generated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key-encryption key file " + file, e);
        }
    }
}
