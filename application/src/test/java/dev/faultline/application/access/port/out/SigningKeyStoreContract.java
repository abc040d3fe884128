package dev.faultline.application.access.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.port.out.SigningKeyStore.StoredKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link SigningKeyStore} must do. */
public abstract class SigningKeyStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    protected abstract SigningKeyStore store();

    @Test
    void lists_keys_newest_first() {
        SigningKeyStore store = store();
        store.add(new StoredKey("old", "{\"d\":\"1\"}", T0));
        store.add(new StoredKey("new", "{\"d\":\"2\"}", T0.plusSeconds(60)));

        assertThat(store.all()).extracting(StoredKey::keyId).containsExactly("new", "old");
        assertThat(store.all().get(0).privateDocument()).isEqualTo("{\"d\":\"2\"}");
        assertThat(store.all().get(0).createdAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void adding_a_key_id_twice_keeps_the_first() {
        SigningKeyStore store = store();
        assertThat(store.add(new StoredKey("k", "first", T0))).isTrue();
        assertThat(store.add(new StoredKey("k", "second", T0.plusSeconds(1)))).isFalse();

        assertThat(store.all()).singleElement().extracting(StoredKey::privateDocument).isEqualTo("first");
    }

    @Test
    void deletes_old_keys_but_never_the_newest() {
        SigningKeyStore store = store();
        store.add(new StoredKey("a", "a", T0));
        store.add(new StoredKey("b", "b", T0.plusSeconds(10)));

        assertThat(store.deleteCreatedBefore(T0.plusSeconds(5))).isEqualTo(1);
        assertThat(store.deleteCreatedBefore(T0.plusSeconds(3600))).isZero();
        assertThat(store.all()).extracting(StoredKey::keyId).containsExactly("b");
    }

    @Test
    void replaces_a_document_only_if_it_is_still_the_expected_one() {
        SigningKeyStore store = store();
        store.add(new StoredKey("k", "clear", T0));

        assertThat(store.replaceDocument("k", "other", "sealed-1")).isFalse();
        assertThat(store.replaceDocument("k", "clear", "sealed-2")).isTrue();
        assertThat(store.replaceDocument("k", "clear", "sealed-3")).as("a second writer loses").isFalse();
        assertThat(store.replaceDocument("missing", "clear", "x")).isFalse();
        assertThat(store.all()).singleElement().satisfies(key -> {
            assertThat(key.privateDocument()).isEqualTo("sealed-2");
            assertThat(key.createdAt()).isEqualTo(T0);
        });
    }

    @Test
    void never_shows_the_private_document_in_its_description() {
        assertThat(new StoredKey("k", "{\"d\":\"secret\"}", T0).toString()).doesNotContain("secret");
    }
}
