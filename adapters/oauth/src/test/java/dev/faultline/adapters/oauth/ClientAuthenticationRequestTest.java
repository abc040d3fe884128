package dev.faultline.adapters.oauth;

import dev.faultline.adapters.http.transport.FormParameters;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.domain.access.ClientAuthMethod;
import dev.faultline.domain.access.ClientCredentials;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ClientAuthenticationRequestTest {
    private static FormParameters form(String body) {
        return ((FormParameters.Parse.Parsed) FormParameters.parse(body.getBytes(StandardCharsets.UTF_8))).parameters();
    }

    private static String basicHeader(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basic_credentials_are_form_urldecoded_after_base64_per_rfc6749_2_3_1() {
        String secret = "s3cr:t+%/ é";
        String header = basicHeader("my-client:" + URLEncoder.encode(secret, StandardCharsets.UTF_8));

        ClientAuthenticationRequest.Result result = ClientAuthenticationRequest.read(header, form(""));

        assertThat(result).isInstanceOf(ClientAuthenticationRequest.Result.Read.class);
        ClientCredentials credentials = ((ClientAuthenticationRequest.Result.Read) result).credentials();
        assertThat(credentials.clientId().value()).isEqualTo("my-client");
        assertThat(credentials.secret()).contains(secret);
        assertThat(credentials.methodUsed()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(result.basic()).isTrue();
    }

    @Test
    void the_basic_scheme_name_is_case_insensitive() {
        ClientAuthenticationRequest.Result result = ClientAuthenticationRequest.read(
                "bAsIc " + Base64.getEncoder().encodeToString("c:s".getBytes(StandardCharsets.UTF_8)), form(""));

        assertThat(result).isInstanceOf(ClientAuthenticationRequest.Result.Read.class);
    }

    @Test
    void client_id_in_the_body_must_match_the_basic_one() {
        ClientAuthenticationRequest.Result result =
                ClientAuthenticationRequest.read(basicHeader("a:s"), form("client_id=b"));

        assertThat(result).isInstanceOfSatisfying(ClientAuthenticationRequest.Result.Problem.class,
                problem -> assertThat(problem.error()).isEqualTo(TokenOutcome.Error.INVALID_REQUEST));
    }

    @Test
    void body_credentials_are_client_secret_post_or_none() {
        ClientCredentials post = ((ClientAuthenticationRequest.Result.Read) ClientAuthenticationRequest.read(null,
                form("client_id=c&client_secret=s%2B1"))).credentials();
        ClientCredentials none = ((ClientAuthenticationRequest.Result.Read) ClientAuthenticationRequest.read(null,
                form("client_id=c&client_secret="))).credentials();

        assertThat(post.methodUsed()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
        assertThat(post.secret()).contains("s+1");
        assertThat(none.methodUsed()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(none.secret()).isEmpty();
    }

    @Test
    void a_bearer_authorization_header_is_not_client_authentication() {
        ClientAuthenticationRequest.Result result = ClientAuthenticationRequest.read("Bearer abc", form("client_id=c"));

        assertThat(result).isInstanceOfSatisfying(ClientAuthenticationRequest.Result.Problem.class,
                problem -> assertThat(problem.error()).isEqualTo(TokenOutcome.Error.INVALID_CLIENT));
    }
}
