package dev.faultline.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientCredentialsTest {
    private static final ClientId CLIENT = new ClientId("agent");

    @Test
    void each_variant_names_the_method_the_client_used_and_only_secret_variants_carry_a_secret() {
        assertThat(ClientCredentials.publicClient(CLIENT).methodUsed()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(ClientCredentials.publicClient(CLIENT).secret()).isEmpty();
        assertThat(new ClientCredentials.SecretBasic(CLIENT, "flt_cs_1").methodUsed())
                .isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(new ClientCredentials.SecretBasic(CLIENT, "flt_cs_1").secret()).contains("flt_cs_1");
        assertThat(new ClientCredentials.SecretPost(CLIENT, "flt_cs_2").methodUsed())
                .isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
        assertThat(new ClientCredentials.SecretPost(CLIENT, "flt_cs_2").secret()).contains("flt_cs_2");
    }

    @Test
    void to_string_shows_the_client_but_never_the_secret() {
        assertThat(new ClientCredentials.SecretBasic(CLIENT, "flt_cs_basic_secret").toString())
                .contains("agent").doesNotContain("flt_cs_basic_secret");
        assertThat(new ClientCredentials.SecretPost(CLIENT, "flt_cs_post_secret").toString())
                .contains("agent").doesNotContain("flt_cs_post_secret");
    }
}
