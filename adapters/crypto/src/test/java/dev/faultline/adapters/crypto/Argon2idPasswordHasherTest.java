package dev.faultline.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.account.PasswordHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idPasswordHasherTest {
    /** Cheap parameters keep the suite fast; one test below uses the real defaults. */
    private static final Argon2idParameters CHEAP = new Argon2idParameters(256, 1, 1);
    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(CHEAP);

    @Test
    void a_hash_verifies_its_own_password_and_no_other() {
        PasswordHash hash = hasher.hash("correct horse battery staple");

        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void the_defaults_are_the_owasp_minimum_and_round_trip() {
        Argon2idPasswordHasher owasp = new Argon2idPasswordHasher();
        PasswordHash hash = owasp.hash("pässwörd with ünïcode");

        assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(owasp.verify("pässwörd with ünïcode", hash)).isTrue();
        assertThat(owasp.verify("passwörd with ünïcode", hash)).isFalse();
    }

    @Test
    void verifies_the_reference_implementations_test_vector() {
        // phc-winner-argon2 src/test.c: argon2id, password "password", salt "somesalt", m=256, t=2, p=1
        PasswordHash reference = new PasswordHash(
                "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4");

        assertThat(hasher.verify("password", reference)).isTrue();
        assertThat(hasher.verify("passwore", reference)).isFalse();
    }

    @Test
    void the_encoding_is_a_phc_string_with_a_16_byte_salt_and_a_32_byte_hash() {
        String encoded = hasher.hash("pw").encoded();
        String[] parts = encoded.split("\\$");

        assertThat(parts).hasSize(6);
        assertThat(parts[3]).isEqualTo("m=256,t=1,p=1");
        assertThat(parts[4]).hasSize(22).doesNotContain("=");  // 16 bytes, unpadded base64
        assertThat(parts[5]).hasSize(43).doesNotContain("=");  // 32 bytes, unpadded base64
    }

    @Test
    void the_same_password_hashes_differently_each_time_because_the_salt_is_random() {
        PasswordHash first = hasher.hash("same password");
        PasswordHash second = hasher.hash("same password");

        assertThat(first.encoded()).isNotEqualTo(second.encoded());
        assertThat(first.encoded().split("\\$")[4]).isNotEqualTo(second.encoded().split("\\$")[4]);
        assertThat(hasher.verify("same password", first)).isTrue();
        assertThat(hasher.verify("same password", second)).isTrue();
    }

    @Test
    void a_hash_made_with_other_parameters_needs_rehash_but_still_verifies() {
        PasswordHash weaker = new Argon2idPasswordHasher(new Argon2idParameters(128, 1, 1)).hash("pw");
        PasswordHash current = hasher.hash("pw");

        assertThat(hasher.needsRehash(weaker)).isTrue();
        assertThat(hasher.needsRehash(current)).isFalse();
        assertThat(hasher.verify("pw", weaker)).isTrue();
    }

    @Test
    void a_hash_with_a_shorter_salt_or_hash_than_ours_needs_rehash() {
        PasswordHash reference = new PasswordHash(
                "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4");
        Argon2idPasswordHasher sameParameters = new Argon2idPasswordHasher(new Argon2idParameters(256, 2, 1));

        assertThat(sameParameters.needsRehash(reference)).isTrue(); // 8-byte salt
    }

    @Test
    void dummy_verify_does_the_work_and_accepts_any_input() {
        hasher.dummyVerify("whatever");
        hasher.dummyVerify("");
        hasher.dummyVerify(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=16$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$t=2,m=256,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=0,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=999999999,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$not*base64",
            "$argon2id$v=19$m=256,t=2,p=1$c29t$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ=$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4$extra",
            "$2a$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ012",
    })
    void aMalformedHashIsRefusedWithAClearMessageNotAnsweredFalse(String encoded) {
        PasswordHash malformed = new PasswordHash(encoded);

        assertThatThrownBy(() -> hasher.verify("password", malformed))
                .isInstanceOf(MalformedPasswordHash.class)
                .hasMessageStartingWith("password hash");
        assertThatThrownBy(() -> hasher.needsRehash(malformed)).isInstanceOf(MalformedPasswordHash.class);
    }

    @Test
    void the_message_of_a_malformed_hash_says_what_is_wrong() {
        assertThatThrownBy(() -> hasher.verify("pw", new PasswordHash("$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$abc")))
                .hasMessageContaining("only argon2id is supported");
        assertThatThrownBy(() -> hasher.verify("pw", new PasswordHash("$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ=$abc")))
                .hasMessageContaining("salt must be base64 without padding");
    }

    @Test
    void parameters_outside_sane_bounds_are_refused_at_configuration() {
        assertThatThrownBy(() -> new Argon2idParameters(4, 1, 1)).hasMessageContaining("memory");
        assertThatThrownBy(() -> new Argon2idParameters(19456, 0, 1)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> new Argon2idParameters(19456, 2, 0)).hasMessageContaining("parallelism");
    }

    @Test
    void neither_the_hasher_nor_a_hash_prints_secrets() {
        PasswordHash hash = hasher.hash("pw");
        assertThat(hash.toString()).doesNotContain(hash.encoded().split("\\$")[5]);
        assertThat(hasher.toString()).isEqualTo("Argon2idPasswordHasher[m=256,t=1,p=1]");
    }
}
