package dev.faultline.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.testing.FakeAccessTokenCodec;
import org.junit.jupiter.api.Test;

class PublishSigningKeysServiceTest {
    @Test
    void publishes_exactly_the_codecs_public_jwk_set() {
        FakeAccessTokenCodec codec = new FakeAccessTokenCodec();

        assertThat(new PublishSigningKeysService(codec).jwks()).isEqualTo(codec.publicJwks()).containsKey("keys");
    }
}
