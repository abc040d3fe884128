package dev.faultline.adapters.ingest;

import static dev.faultline.adapters.ingest.Captures.json;
import static dev.faultline.adapters.ingest.Captures.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.ingest.Normalisation.Reason;
import dev.faultline.domain.intake.Frame;
import dev.faultline.domain.intake.RequestInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Secrets never reach the model: by key name in vars, request and extra, and card numbers anywhere there. */
class SecretScrubberTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "PASSWORD", "user_password", "passwd", "secret", "client_secret",
            "api_key", "api-key", "apikey", "X-Api-Key", "access_token", "stripeToken", "auth", "Authorization",
            "credentials", "mysql_pwd", "session_id", "private_key", "card_number", "cvv"})
    void secretKeysAreRecognised(String key) {
        assertThat(SecretScrubber.isSecretKey(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "cart", "email", "items", "compass", "id", "path"})
    void ordinary_keys_are_kept(String key) {
        assertThat(SecretScrubber.isSecretKey(key)).isFalse();
    }

    @Test
    void frame_variables_are_scrubbed_at_any_depth() {
        EventReader.Result result = read(json("""
                {"exception":{"values":[{"type":"E","stacktrace":{"frames":[{"function":"login","vars":{
                  "password":"hunter2","user":"ada","config":{"db":{"mysql_pwd":"root"},"port":5432},
                  "note":"card 4111 1111 1111 1111 on file"}}]}}]}}"""));
        Frame frame = result.event().exceptions().get(0).stacktrace().orElseThrow().frames().get(0);
        assertThat(frame.vars()).containsEntry("password", "[Filtered]").containsEntry("user", "ada")
                .containsEntry("config", "{\"db\":{\"mysql_pwd\":\"[Filtered]\"},\"port\":5432}")
                .containsEntry("note", "card [Filtered] on file");
        assertThat(frame.vars().values()).noneMatch(v -> v.contains("hunter2") || v.contains("root")
                || v.contains("4111"));
        assertThat(result.normalisation().count(Reason.SECRET_SCRUBBED)).isEqualTo(3);
    }

    @Test
    void the_request_loses_credentials_headers_cookies_and_secret_parameters() {
        EventReader.Result result = read(json("""
                {"request":{"method":"POST","url":"https://shop.example/pay?x=1",
                  "query_string":"x=1&access_token=abc",
                  "headers":{"Authorization":"Bearer abc","Cookie":"sid=1","X-Api-Key":"k","Accept":"*/*"},
                  "cookies":{"sid":"1"},
                  "data":{"card_number":"4111111111111111","amount":12,"token":"t"}}}"""));
        RequestInfo request = result.event().request().orElseThrow();
        assertThat(request.headers()).containsOnlyKeys("X-Api-Key", "Accept")
                .containsEntry("X-Api-Key", "[Filtered]");
        assertThat(request.queryString()).contains("x=1&access_token=[Filtered]");
        assertThat(request.data()).contains("{\"card_number\":\"[Filtered]\",\"amount\":12,\"token\":\"[Filtered]\"}");
        assertThat(result.normalisation().count(Reason.SECRET_SCRUBBED)).isEqualTo(7);
    }

    @Test
    void form_data_and_extra_are_scrubbed_too() {
        EventReader.Result result = read(json("""
                {"request":{"data":"user=ada&password=hunter2"},
                 "extra":{"api_key":"k","order":{"id":7,"secret":"s"}}}"""));
        assertThat(result.event().request().orElseThrow().data()).contains("user=ada&password=[Filtered]");
        assertThat(result.event().extra()).containsEntry("api_key", "[Filtered]")
                .containsEntry("order", "{\"id\":7,\"secret\":\"[Filtered]\"}");
    }

    @Test
    void numbers_that_fail_the_luhn_check_are_not_cards() {
        SecretScrubber scrubber = new SecretScrubber(new Normalisation.Recorder());
        assertThat(scrubber.scrubText("order 4111111111111112")).isEqualTo("order 4111111111111112");
        assertThat(scrubber.scrubText("pan 5500-0000-0000-0004")).isEqualTo("pan [Filtered]");
    }

    @Test
    void secrets_in_a_request_urls_query_and_fragment_and_in_url_headers_are_filtered() {
        EventReader.Result result = read(json("""
                {"message":"m","request":{"url":"https://shop.example/cb?code=abc123&state=xyz#access_token=t0k&x=1",
                  "headers":{"Referer":"https://shop.example/login?password=hunter2&next=/cart","Accept":"*/*"}}}"""));
        RequestInfo request = result.event().request().orElseThrow();
        assertThat(request.url()).contains("https://shop.example/cb?code=[Filtered]&state=xyz#access_token=[Filtered]&x=1");
        assertThat(request.headers()).containsEntry("Referer", "https://shop.example/login?password=[Filtered]&next=/cart")
                .containsEntry("Accept", "*/*");
        assertThat(result.normalisation().count(Reason.SECRET_SCRUBBED)).isEqualTo(3);
    }

    @Test
    void a_json_body_sent_as_text_is_scrubbed_as_json() {
        EventReader.Result result = read(json("""
                {"message":"m","request":{"method":"POST",
                  "data":"{\\"username\\":\\"ada\\",\\"password\\":\\"hunter2\\",\\"card\\":{\\"cvv\\":\\"123\\"}}"}}"""));
        assertThat(result.event().request().orElseThrow().data()).contains(
                "{\"username\":\"ada\",\"password\":\"[Filtered]\",\"card\":{\"cvv\":\"[Filtered]\"}}");
    }
}
