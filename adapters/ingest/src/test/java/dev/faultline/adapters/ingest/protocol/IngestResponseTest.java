package dev.faultline.adapters.ingest.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IngestResponseTest {

    private static final UnsupportedCategories UNSUPPORTED = UnsupportedCategories.defaults();
    private static final String PROACTIVE = "86400:transaction;span;profile;profile_chunk;replay;monitor;log_item;"
            + "log_byte;trace_metric:project:unsupported";

    @Test
    void an_accepted_event_answers_its_id_and_tells_sdks_what_not_to_send() {
        IngestResponse response = IngestResponse.accepted(Optional.of("1d33b6efce784c17b60a297565e24351"), UNSUPPORTED);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":\"1d33b6efce784c17b60a297565e24351\"}");
        assertThat(response.headers()).containsEntry("X-Sentry-Rate-Limits", PROACTIVE)
                .containsEntry("Access-Control-Allow-Origin", "*")
                .containsEntry("Access-Control-Expose-Headers", "X-Sentry-Error, X-Sentry-Rate-Limits, Retry-After")
                .doesNotContainKeys("X-Sentry-Error", "Retry-After");
    }

    @Test
    void an_accepted_request_without_event_answers_an_empty_object() {
        assertThat(IngestResponse.accepted(Optional.empty(), UnsupportedCategories.none()).body()).isEqualTo("{}");
        assertThat(IngestResponse.accepted(Optional.empty(), UnsupportedCategories.none()).headers())
                .doesNotContainKey("X-Sentry-Rate-Limits");
    }

    @Test
    void a_refusal_carries_its_status_and_reason_in_the_header_and_the_body() {
        IngestResponse response = IngestResponse.refused(
                new Refusal.TooLarge("the event item is larger than the limit of 1048576 bytes"), UNSUPPORTED);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.headers()).containsEntry("X-Sentry-Error",
                "the event item is larger than the limit of 1048576 bytes");
        assertThat(response.body()).isEqualTo("{\"detail\":\"the event item is larger than the limit of 1048576"
                + " bytes\"}");
    }

    @Test
    void each_refusal_has_its_status() {
        assertThat(new Refusal.Malformed("m").status()).isEqualTo(400);
        assertThat(new Refusal.Forbidden("f").status()).isEqualTo(403);
        assertThat(new Refusal.TooLarge("t").status()).isEqualTo(413);
        assertThat(new Refusal.UnsupportedEncoding("u").status()).isEqualTo(415);
        assertThat(Refusal.unknownProjectOrKey()).isEqualTo(new Refusal.Forbidden("project not found or key incorrect"));
    }

    @Test
    void a_reason_quoting_client_input_cannot_split_the_response_or_break_the_json() {
        Refusal refusal = new Refusal.Malformed("unknown Content-Encoding \"x\r\nSet-Cookie: a=b\" \u00e9 \"quoted\"");
        assertThat(refusal.reason()).isEqualTo("unknown Content-Encoding \"x??Set-Cookie: a=b\" ? \"quoted\"");
        assertThat(IngestResponse.refused(refusal, UNSUPPORTED).body())
                .isEqualTo("{\"detail\":\"unknown Content-Encoding \\\"x??Set-Cookie: a=b\\\" ? \\\"quoted\\\"\"}");
        assertThat(new Refusal.Malformed("x".repeat(1000)).reason()).hasSize(Refusal.MAX_REASON_LENGTH);
    }

    @Test
    void too_many_requests_for_a_key_says_when_to_retry_for_all_categories() {
        IngestResponse response = IngestResponse.tooManyRequests(RateLimit.keyQuota(Duration.ofSeconds(60)), UNSUPPORTED);
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.headers()).containsEntry("Retry-After", "60")
                .containsEntry("X-Sentry-Rate-Limits", "60:error;default;security:key:key_quota, " + PROACTIVE);
    }

    @Test
    void overload_is_a_429_for_everything_with_the_retry_rounded_up() {
        IngestResponse response = IngestResponse.tooManyRequests(RateLimit.overloaded(Duration.ofMillis(1500)),
                UnsupportedCategories.none());
        assertThat(response.headers()).containsEntry("Retry-After", "2")
                .containsEntry("X-Sentry-Rate-Limits", "2::organization:overloaded");
    }

    @Test
    void a_preflight_allows_the_sdk_headers() {
        IngestResponse response = IngestResponse.preflight();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Access-Control-Allow-Methods", "POST, OPTIONS")
                .containsEntry("Access-Control-Max-Age", "3600")
                .containsEntry("Access-Control-Allow-Origin", "*");
        assertThat(response.headers().get("Access-Control-Allow-Headers"))
                .contains("X-Sentry-Auth", "Content-Encoding", "sentry-trace", "baggage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"error", "default", "security"})
    void categories_that_carry_crashes_can_never_be_announced_as_unsupported(String category) {
        assertThatThrownBy(() -> new UnsupportedCategories(List.of("span", category), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(category);
    }

    @Test
    void a_category_must_be_a_token() {
        assertThatThrownBy(() -> new UnsupportedCategories(List.of("span:x"), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(Duration.ZERO, List.of(), RateLimit.Scope.KEY, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
