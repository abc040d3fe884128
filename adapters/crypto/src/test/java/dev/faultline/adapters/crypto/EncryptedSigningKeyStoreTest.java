package dev.faultline.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.application.access.port.out.SigningKeyStore;
import dev.faultline.application.access.port.out.SigningKeyStore.StoredKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncryptedSigningKeyStoreTest {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final String DOCUMENT = "{\"kty\":\"RSA\",\"d\":\"private-exponent\"}";

    /** What the database holds: whatever it is given. */
    static final class Stored implements SigningKeyStore {
        final Map<String, StoredKey> keys = new LinkedHashMap<>();

        @Override
        public List<StoredKey> all() {
            List<StoredKey> all = new ArrayList<>(keys.values());
            all.sort(Comparator.comparing(StoredKey::createdAt).reversed());
            return all;
        }

        @Override
        public boolean add(StoredKey key) {
            return keys.putIfAbsent(key.keyId(), key) == null;
        }

        @Override
        public boolean replaceDocument(String keyId, String expected, String replacement) {
            StoredKey key = keys.get(keyId);
            if (key == null || !key.privateDocument().equals(expected)) {
                return false;
            }
            keys.put(keyId, new StoredKey(keyId, replacement, key.createdAt()));
            return true;
        }

        @Override
        public int deleteCreatedBefore(Instant cutoff) {
            return 0;
        }
    }

    private final Stored database = new Stored();
    private final KeyEncryptionKey kek = KeyEncryptionKey.fromBase64(KeyEncryptionKey.generateBase64());

    @Test
    void the_database_sees_only_ciphertext_and_the_store_reads_the_key_back() {
        EncryptedSigningKeyStore store = new EncryptedSigningKeyStore(database, kek, "test");
        store.add(new StoredKey("k1", DOCUMENT, T0));

        String atRest = database.keys.get("k1").privateDocument();
        assertThat(atRest).startsWith("aes256gcm:v1:").doesNotContain("private-exponent").doesNotContain("RSA");
        assertThat(store.all()).containsExactly(new StoredKey("k1", DOCUMENT, T0));
    }

    @Test
    void a_wrong_key_refuses_with_one_precise_message_and_changes_nothing() {
        new EncryptedSigningKeyStore(database, kek, "test").add(new StoredKey("k1", DOCUMENT, T0));
        String atRest = database.keys.get("k1").privateDocument();
        EncryptedSigningKeyStore wrong = new EncryptedSigningKeyStore(database,
                KeyEncryptionKey.fromBase64(KeyEncryptionKey.generateBase64()), "/data/signing-keys.kek");

        assertThatThrownBy(wrong::all).isInstanceOf(EncryptedSigningKeyStore.WrongKeyEncryptionKey.class)
                .hasMessageContaining("signing key k1").hasMessageContaining("/data/signing-keys.kek")
                .hasMessageContaining("never replaces").hasMessageNotContaining("\n");
        assertThat(wrong.sealClearKeys()).isZero();
        assertThat(database.keys.get("k1").privateDocument()).isEqualTo(atRest);
    }

    @Test
    void keys_stored_in_clear_by_an_earlier_version_are_read_and_then_sealed_once() {
        database.add(new StoredKey("old", DOCUMENT, T0));
        EncryptedSigningKeyStore store = new EncryptedSigningKeyStore(database, kek, "test");

        assertThat(store.all()).containsExactly(new StoredKey("old", DOCUMENT, T0));
        assertThat(store.sealClearKeys()).isEqualTo(1);
        assertThat(store.sealClearKeys()).isZero();
        assertThat(database.keys.get("old").privateDocument()).startsWith("aes256gcm:v1:")
                .doesNotContain("private-exponent");
        assertThat(store.all()).containsExactly(new StoredKey("old", DOCUMENT, T0));
    }

    @Test
    void a_sealed_document_is_bound_to_its_key_id_and_to_every_byte() {
        String sealed = kek.seal("k1", DOCUMENT);

        assertThat(kek.open("k1", sealed)).contains(DOCUMENT);
        assertThat(kek.open("k2", sealed)).as("moved to another key id").isEmpty();
        int middle = sealed.length() / 2;
        char flipped = sealed.charAt(middle) == 'A' ? 'B' : 'A';
        assertThat(kek.open("k1", sealed.substring(0, middle) + flipped + sealed.substring(middle + 1)))
                .as("one character altered").isEmpty();
        assertThat(kek.seal("k1", DOCUMENT)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(kek.toString()).doesNotContain(sealed);
    }

    @Test
    void a_key_encryption_key_is_exactly_32_bytes_of_base64() {
        assertThat(KeyEncryptionKey.fromBase64(java.util.Base64.getEncoder().encodeToString(new byte[32])))
                .isNotNull();
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64(java.util.Base64.getEncoder().encodeToString(new byte[31])))
                .hasMessageContaining("must be 32 bytes").hasMessageContaining("was 31 bytes");
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64(java.util.Base64.getEncoder().encodeToString(new byte[33])))
                .hasMessageContaining("was 33 bytes");
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("not base64!")).hasMessageContaining("not base64");
    }
}
