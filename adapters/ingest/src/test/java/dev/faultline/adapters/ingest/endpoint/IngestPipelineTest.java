package dev.faultline.adapters.ingest.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import dev.faultline.adapters.ingest.protocol.IngestResponse;
import dev.faultline.application.intake.port.in.AuthenticateIngestKey;
import dev.faultline.application.intake.port.in.AuthenticateIngestKey.IngestSource;
import dev.faultline.application.intake.port.in.IngestEvent;
import dev.faultline.application.shared.StorageUnavailable;
import dev.faultline.application.tracker.port.in.RecordEvent;
import dev.faultline.domain.intake.IngestId;
import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Platform;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IngestPipelineTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final List<IngestEvent.Command> stored = new ArrayList<>();
    private final Set<String> seenIds = new HashSet<>();
    private final MetricRegistry registry = new MetricRegistry();
    private final AtomicLong nanos = new AtomicLong();
    private OptionalInt keyLimit = OptionalInt.empty();
    private boolean databaseDown;
    private IngestGate gate = new IngestGate(2, Duration.ZERO);
    private final IngestHealth health = new IngestHealth(2);
    private final KeyRateLimits rateLimits = new KeyRateLimits(nanos::get);

    private final AuthenticateIngestKey authenticate = (ingestId, presentedKey, now) -> {
        if (databaseDown) {
            throw new StorageUnavailable("down", new RuntimeException());
        }
        if (ingestId.value() != 42) {
            return new AuthenticateIngestKey.Outcome.UnknownProject(ingestId);
        }
        if (!presentedKey.equals(KEY)) {
            return new AuthenticateIngestKey.Outcome.UnknownKey(ingestId);
        }
        return new AuthenticateIngestKey.Outcome.Authenticated(new IngestSource(
                new ApplicationId(new java.util.UUID(0, 1)), new IngestKeyId(new java.util.UUID(0, 2)),
                new Platform("node"), keyLimit));
    };

    private final IngestEvent ingest = command -> {
        if (!seenIds.add(command.event().eventId().value())) {
            return new IngestEvent.Outcome.Duplicate(EventId.random());
        }
        stored.add(command);
        return new IngestEvent.Outcome.Stored(IssueId.random(), EventId.random(), RecordEvent.Effect.OPENED_ISSUE);
    };

    private IngestPipeline pipeline() {
        return new IngestPipeline(authenticate, ingest, IngestPolicy.defaults(), gate,
                rateLimits, new IngestMetrics(registry), health,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String envelope(String eventId, String message) {
        return "{\"event_id\":\"" + eventId + "\",\"sent_at\":\"2026-12-04T10:00:00Z\"}\n"
                + "{\"type\":\"event\"}\n"
                + "{\"event_id\":\"" + eventId + "\",\"level\":\"error\",\"platform\":\"node\","
                + "\"timestamp\":\"2026-12-04T09:59:59Z\",\"exception\":{\"values\":[{\"type\":\"TypeError\","
                + "\"value\":\"" + message + "\"}]}}\n";
    }

    private IngestResponse post(IngestRoute.Kind kind, String query, String body) throws IOException {
        return pipeline().handle(new IngestRequest(new IngestRoute("42", kind), query, null, null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
    }

    private IngestResponse postEnvelope(String body) throws IOException {
        return post(IngestRoute.Kind.ENVELOPE, "sentry_key=" + KEY + "&sentry_version=7", body);
    }

    @Test
    void an_envelope_with_a_valid_key_is_stored_and_answered_with_its_id() throws IOException {
        IngestResponse response = postEnvelope(envelope("a".repeat(32), "boom"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":\"" + "a".repeat(32) + "\"}");
        assertThat(response.headers()).containsKey("X-Sentry-Rate-Limits");
        assertThat(stored).singleElement().satisfies(command -> {
            assertThat(command.event().exceptions()).singleElement()
                    .satisfies(e -> assertThat(e.type()).contains("TypeError"));
            assertThat(command.receivedAt()).isEqualTo(NOW);
        });
        assertThat(registry.meter("ingest.accepted").getCount()).isEqualTo(1);
    }

    @Test
    void a_wrong_key_and_an_unknown_project_get_the_same_refusal_and_store_nothing() throws IOException {
        IngestResponse wrongKey = post(IngestRoute.Kind.ENVELOPE, "sentry_key=" + "f".repeat(32),
                envelope("b".repeat(32), "x"));
        IngestResponse unknownProject = pipeline().handle(new IngestRequest(new IngestRoute("7",
                IngestRoute.Kind.ENVELOPE), "sentry_key=" + KEY, null, null,
                new ByteArrayInputStream(envelope("c".repeat(32), "x").getBytes(StandardCharsets.UTF_8))));

        assertThat(wrongKey.status()).isEqualTo(403);
        assertThat(unknownProject.status()).isEqualTo(403);
        assertThat(wrongKey.headers().get("X-Sentry-Error"))
                .isEqualTo(unknownProject.headers().get("X-Sentry-Error"));
        assertThat(stored).isEmpty();
        assertThat(registry.meter("ingest.rejected.forbidden").getCount()).isEqualTo(2);
    }

    @Test
    void a_repeated_event_id_is_a_success_that_stores_nothing_more() throws IOException {
        postEnvelope(envelope("d".repeat(32), "first"));
        IngestResponse again = postEnvelope(envelope("d".repeat(32), "first"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("d".repeat(32));
        assertThat(stored).hasSize(1);
        assertThat(registry.meter("ingest.duplicate").getCount()).isEqualTo(1);
    }

    @Test
    void a_full_gate_answers_429_overloaded_with_retry_after_and_stores_nothing() throws IOException {
        gate = new IngestGate(1, Duration.ZERO);
        IngestPipeline pipeline = pipeline();
        IngestResponse response = gate.within(() -> {
            try {
                return pipeline.handle(new IngestRequest(new IngestRoute("42", IngestRoute.Kind.ENVELOPE),
                        "sentry_key=" + KEY, null, null, new ByteArrayInputStream(
                        envelope("e".repeat(32), "x").getBytes(StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).orElseThrow();

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.headers()).containsEntry("Retry-After", "2");
        assertThat(response.headers().get("X-Sentry-Rate-Limits")).startsWith("2::organization:overloaded, ");
        assertThat(stored).isEmpty();
        assertThat(gate.available()).isEqualTo(1);
    }

    @Test
    void a_key_limit_lets_a_minute_of_events_through_then_answers_429_until_a_place_refills() throws IOException {
        keyLimit = OptionalInt.of(2);
        assertThat(postEnvelope(envelope("1".repeat(32), "x")).status()).isEqualTo(200);
        assertThat(postEnvelope(envelope("2".repeat(32), "x")).status()).isEqualTo(200);

        IngestResponse third = postEnvelope(envelope("3".repeat(32), "x"));
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.headers()).containsEntry("Retry-After", "30");
        assertThat(third.headers().get("X-Sentry-Rate-Limits")).startsWith("30:error;default;security:key:key_quota");

        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(postEnvelope(envelope("3".repeat(32), "x")).status()).isEqualTo(200);
        assertThat(stored).hasSize(3);
    }

    @Test
    void an_unreachable_database_answers_503_and_turns_the_health_check_unhealthy_until_a_store_succeeds()
            throws IOException {
        databaseDown = true;
        IngestResponse response = postEnvelope(envelope("4".repeat(32), "x"));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers()).containsKey("Retry-After").containsKey("X-Sentry-Error");
        assertThat(health.execute().isHealthy()).isTrue();
        postEnvelope(envelope("5".repeat(32), "x"));
        assertThat(health.execute().isHealthy()).isFalse();

        databaseDown = false;
        assertThat(postEnvelope(envelope("6".repeat(32), "x")).status()).isEqualTo(200);
        assertThat(health.execute().isHealthy()).isTrue();
    }

    @Test
    void the_legacy_store_body_is_read_as_one_event_authenticated_by_x_sentry_auth() throws IOException {
        String event = "{\"event_id\":\"" + "7".repeat(32) + "\",\"message\":\"hello\",\"level\":\"info\"}";
        IngestResponse response = pipeline().handle(new IngestRequest(new IngestRoute("42", IngestRoute.Kind.STORE),
                null, "Sentry sentry_key=" + KEY + ", sentry_version=7, sentry_client=sentry.python/1.9.10",
                null, new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8))));

        assertThat(response.status()).isEqualTo(200);
        assertThat(stored).singleElement().satisfies(command ->
                assertThat(command.event().eventId().value()).isEqualTo("7".repeat(32)));
    }

    @Test
    void an_envelope_without_an_event_is_accepted_and_its_client_report_counted() throws IOException {
        String body = "{}\n{\"type\":\"client_report\"}\n{\"timestamp\":1733300000,\"discarded_events\":"
                + "[{\"reason\":\"ratelimit_backoff\",\"category\":\"error\",\"quantity\":3}]}\n"
                + "{\"type\":\"session\"}\n{\"sid\":\"x\"}\n";
        IngestResponse response = postEnvelope(body);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(stored).isEmpty();
        assertThat(registry.counter("ingest.sdk_dropped.ratelimit_backoff.error").getCount()).isEqualTo(3);
        assertThat(registry.counter("ingest.skipped_items.session").getCount()).isEqualTo(1);
    }

    @Test
    void an_event_item_that_is_not_json_is_refused_as_malformed() throws IOException {
        IngestResponse response = postEnvelope("{}\n{\"type\":\"event\"}\nnot json\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().get("X-Sentry-Error")).contains("not a JSON object");
        assertThat(stored).isEmpty();
    }

    @Test
    void keys_in_the_query_and_the_envelope_dsn_that_disagree_are_refused() throws IOException {
        String body = "{\"dsn\":\"http://" + "f".repeat(32) + "@localhost:8080/42\"}\n";
        IngestResponse response = postEnvelope(body);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers().get("X-Sentry-Error")).contains("does not match");
    }

    @Test
    void routes_accept_both_endpoints_with_and_without_the_trailing_slash_and_nothing_else() {
        assertThat(IngestRoute.parse("/42/envelope/")).contains(new IngestRoute("42", IngestRoute.Kind.ENVELOPE));
        assertThat(IngestRoute.parse("/42/envelope")).contains(new IngestRoute("42", IngestRoute.Kind.ENVELOPE));
        assertThat(IngestRoute.parse("/42/store/")).contains(new IngestRoute("42", IngestRoute.Kind.STORE));
        assertThat(IngestRoute.parse("/42/store")).contains(new IngestRoute("42", IngestRoute.Kind.STORE));
        assertThat(IngestRoute.parse("/42/minidump/")).isEmpty();
        assertThat(IngestRoute.parse("/42/envelope//")).isEmpty();
        assertThat(IngestRoute.parse(null)).isEmpty();
    }

    @Test
    void client_reports_with_made_up_reasons_and_categories_count_as_other_and_grow_no_metric() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            lines.append(i == 0 ? "" : ",").append("{\"reason\":\"r").append(i).append("\",\"category\":\"c")
                    .append(i).append("\",\"quantity\":1}");
        }
        String body = "{}\n{\"type\":\"client_report\"}\n{\"discarded_events\":[" + lines + "]}\n";
        int before = registry.getCounters().size();

        assertThat(postEnvelope(body).status()).isEqualTo(200);

        assertThat(registry.counter("ingest.sdk_dropped.other.other").getCount()).isEqualTo(20);
        assertThat(registry.getCounters().size()).isEqualTo(before + 1);
    }

    @Test
    void a_gate_whose_queue_is_full_answers_at_once_instead_of_waiting() {
        IngestGate noQueue = new IngestGate(1, 0, Duration.ofHours(1));
        Optional<Optional<String>> inner = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofMinutes(1), () -> noQueue.within(() -> noQueue.within(() -> "second")),
                "a hang guard, not a timing assertion: with no queue the second request must not wait an hour");

        assertThat(inner).contains(Optional.empty());
        assertThat(noQueue.available()).isEqualTo(1);
        assertThat(new IngestGate(1, 0, Duration.ofHours(1)).within(() -> "free")).contains("free");
    }
}
