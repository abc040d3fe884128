package dev.faultline.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Platform;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IngestKeyTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final ApplicationId APP = ApplicationId.random();

    private static IngestKey key(String label, OptionalInt limit) {
        return IngestKey.create(APP, label, limit, T0);
    }

    @Test
    void a_new_key_is_enabled_never_used_and_has_a_fresh_public_key() {
        IngestKey key = key("  Production  ", OptionalInt.empty());
        assertThat(key.label()).isEqualTo("Production");
        assertThat(key.enabled()).isTrue();
        assertThat(key.lastUsedAt()).isEmpty();
        assertThat(key.key().value()).matches("[0-9a-f]{32}");
        assertThat(key("Production", OptionalInt.empty()).key()).isNotEqualTo(key.key());
    }

    @Test
    void a_label_is_one_to_100_characters_on_one_line() {
        assertThat(key("x".repeat(100), OptionalInt.empty()).label()).hasSize(100);
        assertThatThrownBy(() -> key("x".repeat(101), OptionalInt.empty())).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("at most 100").extracting(e -> ((InvalidValue) e).field()).isEqualTo("label");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "two\nlines", "tab\there", "nul\u0000"})
    void a_blank_or_multi_line_label_is_refused(String label) {
        assertThatThrownBy(() -> key(label, OptionalInt.empty())).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("label");
    }

    @Test
    void a_rate_limit_is_1_to_a_million_events_per_minute() {
        assertThat(key("a", OptionalInt.of(1)).eventsPerMinute()).hasValue(1);
        assertThat(key("a", OptionalInt.of(1_000_000)).eventsPerMinute()).hasValue(1_000_000);
        for (int refused : new int[] {0, -1, 1_000_001}) {
            assertThatThrownBy(() -> key("a", OptionalInt.of(refused))).isInstanceOf(InvalidValue.class)
                    .extracting(e -> ((InvalidValue) e).field()).isEqualTo("rate_limit");
        }
    }

    @Test
    void disabling_and_enabling_keep_everything_else() {
        IngestKey key = key("a", OptionalInt.of(5)).usedAt(T0.plusSeconds(5));
        IngestKey off = key.disabled();
        assertThat(off.enabled()).isFalse();
        assertThat(off.enabledAgain()).isEqualTo(key);
    }

    @Test
    void last_use_is_recorded_at_most_once_a_minute() {
        IngestKey fresh = key("a", OptionalInt.empty());
        assertThat(fresh.lastUseDueAt(T0)).isTrue();
        IngestKey used = fresh.usedAt(T0);
        assertThat(used.lastUseDueAt(T0.plusSeconds(59))).isFalse();
        assertThat(used.lastUseDueAt(T0.plusSeconds(60))).isTrue();
        assertThat(used.lastUseDueAt(T0.minusSeconds(5))).isFalse();
    }

    @Test
    void a_dsn_keeps_scheme_port_and_path_prefix() {
        PublicIngestKey key = new PublicIngestKey("0123456789abcdef0123456789abcdef");
        Dsn dsn = new Dsn(IngestBaseUrl.parse("https://Crash.Example.com:8443/faultline/"), key, new IngestId(42));
        assertThat(dsn).hasToString("https://0123456789abcdef0123456789abcdef@crash.example.com:8443/faultline/42");
        assertThat(dsn.envelopeUrl()).isEqualTo("https://crash.example.com:8443/faultline/api/42/envelope/");
        assertThat(dsn.storeUrl()).isEqualTo("https://crash.example.com:8443/faultline/api/42/store/");
        assertThat(new Dsn(IngestBaseUrl.parse("http://localhost:8080"), key, new IngestId(7)))
                .hasToString("http://0123456789abcdef0123456789abcdef@localhost:8080/7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com", "https://user@example.com", "https://example.com/?a=b",
            "https://example.com/#x", "/relative", "not a url"})
    void an_ingest_url_is_http_or_https_with_a_host_and_nothing_else(String url) {
        assertThatThrownBy(() -> IngestBaseUrl.parse(url)).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("ingest.publicUrl");
    }

    @Test
    void the_init_snippet_follows_the_platform() {
        Dsn dsn = new Dsn(IngestBaseUrl.parse("http://localhost:8080"),
                new PublicIngestKey("0123456789abcdef0123456789abcdef"), new IngestId(7));
        assertThat(InitSnippet.forPlatform(new Platform("node"), dsn).code()).contains("@sentry/node")
                .contains("dsn: \"" + dsn + "\"");
        assertThat(InitSnippet.forPlatform(new Platform("javascript"), dsn).install()).contains("@sentry/browser");
        assertThat(InitSnippet.forPlatform(new Platform("android"), dsn).code()).contains("options.setDsn(\"" + dsn);
        assertThat(InitSnippet.forPlatform(new Platform("python"), dsn).code())
                .contains("sentry_sdk.init(dsn=\"" + dsn + "\")");
        InitSnippet other = InitSnippet.forPlatform(new Platform("go"), dsn);
        assertThat(other.language()).isEqualTo("text");
        assertThat(other.code()).contains(dsn.toString());
    }
}
