package dev.faultline.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.domain.access.PersonalTokenFormat;
import dev.faultline.domain.access.SecretKind;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecureSecretGeneratorTest {
    private final SecureSecretGenerator generator = new SecureSecretGenerator();

    @ParameterizedTest
    @EnumSource(value = SecretKind.class, names = "PERSONAL_TOKEN", mode = EnumSource.Mode.EXCLUDE)
    void opaque_secrets_are_the_prefix_and_32_random_bytes_in_unpadded_base64url(SecretKind kind) {
        String secret = generator.generate(kind);

        assertThat(secret).startsWith(kind.prefix());
        String body = secret.substring(kind.prefix().length());
        assertThat(body).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(body)).hasSize(32);
    }

    @Test
    void personal_tokens_are_well_formed_base_62_with_checksum() {
        for (int i = 0; i < 200; i++) {
            String token = generator.generate(SecretKind.PERSONAL_TOKEN);

            assertThat(token).startsWith("flt_pat_");
            assertThat(token).hasSize("flt_pat_".length() + PersonalTokenFormat.BODY_LENGTH + PersonalTokenFormat.CHECKSUM_LENGTH);
            assertThat(token.substring("flt_pat_".length())).matches("[0-9A-Za-z]+");
            assertThat(PersonalTokenFormat.isWellFormed(token)).as(token).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(SecretKind.class)
    void secrets_do_not_repeat(SecretKind kind) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(generator.generate(kind))).isTrue();
        }
    }

    @Test
    void base_62_encoding_is_a_bijection_of_the_256_bit_value() {
        byte[] max = new byte[32];
        Arrays.fill(max, (byte) 0xff);
        byte[] zero = new byte[32];
        byte[] one = new byte[32];
        one[31] = 1;

        assertThat(SecureSecretGenerator.base62(zero)).isEqualTo("0".repeat(43));
        assertThat(SecureSecretGenerator.base62(one)).isEqualTo("0".repeat(42) + "1");
        String top = SecureSecretGenerator.base62(max);
        assertThat(top).hasSize(43);
        assertThat(decode(top)).isEqualTo(BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
    }

    @Test
    void every_base_62_character_appears_across_many_tokens() {
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String body = generator.generate(SecretKind.PERSONAL_TOKEN).substring("flt_pat_".length(), "flt_pat_".length() + 43);
            body.chars().forEach(c -> used.add((char) c));
        }
        assertThat(used).hasSize(62);
    }

    private static BigInteger decode(String base62) {
        BigInteger value = BigInteger.ZERO;
        for (char c : base62.toCharArray()) {
            value = value.multiply(BigInteger.valueOf(62)).add(BigInteger.valueOf(PersonalTokenFormat.base62Alphabet().indexOf(c)));
        }
        return value;
    }
}
