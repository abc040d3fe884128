package dev.faultline.adapters.postgres.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.domain.intake.Breadcrumb;
import dev.faultline.domain.intake.ExceptionValue;
import dev.faultline.domain.intake.Frame;
import dev.faultline.domain.intake.InApp;
import dev.faultline.domain.intake.LogMessage;
import dev.faultline.domain.intake.RequestInfo;
import dev.faultline.domain.intake.SdkContexts;
import dev.faultline.domain.intake.SdkEvent;
import dev.faultline.domain.intake.SdkEventId;
import dev.faultline.domain.intake.SdkInfo;
import dev.faultline.domain.intake.SdkThread;
import dev.faultline.domain.intake.Stacktrace;
import dev.faultline.domain.tracker.AffectedUser;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SdkEventDocumentTest {

    private static Frame frame(String function, InApp inApp) {
        return new Frame(Optional.of("demo.Main"), Optional.of("/srv/app/Main.java"), Optional.of("Main.java"),
                Optional.of(function), Optional.of("raw " + function), OptionalInt.of(42), OptionalInt.of(7), inApp,
                Optional.of("  cart.items.size(); // \"quoted\" ünïcödé 🙂"), List.of("", "  Cart cart = load();"),
                List.of("}", "\t// end"), new TreeMap<>(Map.of("cart", "null", "user", "{id=7}")));
    }

    /** Every field of the model set, to a value different from its default. */
    static SdkEvent everyField() {
        Stacktrace stack = new Stacktrace(List.of(frame("main", InApp.UNKNOWN), frame("checkout", InApp.YES),
                frame("loadCart", InApp.NO)));
        return SdkEvent.builder(new SdkEventId("0123456789abcdef0123456789abcdef"),
                        Instant.parse("2026-11-23T10:00:00.123456Z"))
                .platform(new Platform("java"))
                .sdk(new SdkInfo("sentry.java", "8.64.0"))
                .level(Level.WARNING)
                .logentry(new LogMessage(Optional.of("Payment %s failed"), Optional.of("Payment 7 failed")))
                .message(LogMessage.formatted("a message\non two lines"))
                .exceptions(List.of(
                        new ExceptionValue(Optional.of("NullPointerException"), Optional.of("cart is null"),
                                Optional.of("java.lang"), false, Optional.of("1"), Optional.of(stack)),
                        new ExceptionValue(Optional.empty(), Optional.of("synthetic"), Optional.empty(), true,
                                Optional.empty(), Optional.empty())))
                .threads(List.of(new SdkThread(Optional.of("1"), true, false, Optional.of(stack)),
                        new SdkThread(Optional.empty(), false, true, Optional.empty())))
                .stacktrace(new Stacktrace(List.of(Frame.of(null, "onlyAFunction"))))
                .fingerprint(List.of("{{ default }}", "tenant-7"))
                .transaction("POST /checkout")
                .release("shop@1.2.3")
                .environment("production")
                .tags(Map.of("browser", "firefox", "os.name", "Linux"))
                .user(new AffectedUser(Optional.of("u-7"), Optional.of("ada@example.org"), Optional.of("10.0.0.7")))
                .request(new RequestInfo(Optional.of("POST"), Optional.of("https://shop.example/checkout"),
                        Optional.of("page=2"), new TreeMap<>(Map.of("Accept", "text/html")),
                        Optional.of("{\"items\": 3}")))
                .extra(Map.of("attempt", "3"))
                .breadcrumbs(List.of(
                        new Breadcrumb(Optional.of(Instant.parse("2026-11-23T09:59:59.5Z")), Optional.of("http"),
                                Optional.of("fetch"), Optional.of(Level.INFO), Optional.of("GET /cart"),
                                new TreeMap<>(Map.of("status_code", "200"))),
                        new Breadcrumb(Optional.empty(), Optional.empty(), Optional.of("log"), Optional.empty(),
                                Optional.empty(), new TreeMap<>(Map.of("line", "x")))))
                .contexts(SdkContexts.of(Map.of("os", Map.of("name", "Linux", "version", "6.1"),
                        "runtime", Map.of("name", "OpenJDK"))))
                .build();
    }

    @Test
    void every_field_survives_the_round_trip() {
        SdkEvent event = everyField();
        assertThat(SdkEventDocument.read(SdkEventDocument.write(event))).isEqualTo(event);
    }

    @Test
    void a_minimal_event_survives_the_round_trip_without_null_keys() throws Exception {
        SdkEvent event = SdkEvent.builder(new SdkEventId("fedcba9876543210fedcba9876543210"),
                Instant.parse("2026-11-23T10:00:00Z")).build();
        String json = SdkEventDocument.write(event);
        assertThat(SdkEventDocument.read(json)).isEqualTo(event);
        assertThat(json).doesNotContain("null").doesNotContain("\"platform\"").doesNotContain("\"user\"");
    }

    @Test
    void the_document_uses_sentrys_field_names() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(SdkEventDocument.write(everyField()));
        assertThat(doc.get("event_id").textValue()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(doc.get("timestamp").textValue()).isEqualTo("2026-11-23T10:00:00.123456Z");
        JsonNode frame = doc.at("/exception/0/stacktrace/frames/1");
        assertThat(frame.get("abs_path").textValue()).isEqualTo("/srv/app/Main.java");
        assertThat(frame.get("in_app").booleanValue()).isTrue();
        assertThat(frame.get("lineno").intValue()).isEqualTo(42);
        assertThat(frame.get("colno").intValue()).isEqualTo(7);
        assertThat(frame.get("vars").get("cart").textValue()).isEqualTo("null");
        assertThat(doc.at("/exception/0/stacktrace/frames/0").has("in_app")).isFalse();
        assertThat(doc.at("/user/ip_address").textValue()).isEqualTo("10.0.0.7");
        assertThat(doc.at("/request/query_string").textValue()).isEqualTo("page=2");
        assertThat(doc.at("/logentry/message").textValue()).isEqualTo("Payment %s failed");
    }

    @Test
    void the_new_parts_are_stored_under_sentrys_names() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(SdkEventDocument.write(everyField()));
        assertThat(doc.at("/exception/0/stacktrace/frames/1/pre_context/1").textValue())
                .isEqualTo("  Cart cart = load();");
        assertThat(doc.at("/exception/0/stacktrace/frames/1/post_context/0").textValue()).isEqualTo("}");
        assertThat(doc.at("/breadcrumbs/0/timestamp").textValue()).isEqualTo("2026-11-23T09:59:59.500Z");
        assertThat(doc.at("/breadcrumbs/0/level").textValue()).isEqualTo("info");
        assertThat(doc.at("/contexts/os/name").textValue()).isEqualTo("Linux");
    }

    @Test
    void a_document_stored_before_breadcrumbs_contexts_and_source_lines_still_reads() {
        String old = """
                {"event_id":"0123456789abcdef0123456789abcdef","timestamp":"2026-11-23T10:00:00Z","level":"error",
                 "exception":[{"type":"E","value":"v","synthetic":false,
                   "stacktrace":{"frames":[{"function":"f","context_line":"x();","vars":{}}]}}],
                 "threads":[],"fingerprint":[],"tags":{},"extra":{}}""";
        SdkEvent event = SdkEventDocument.read(old);
        assertThat(event.breadcrumbs()).isEmpty();
        assertThat(event.contexts().isEmpty()).isTrue();
        Frame frame = event.exceptions().get(0).stacktrace().orElseThrow().frames().get(0);
        assertThat(frame.contextLine()).contains("x();");
        assertThat(frame.preContext()).isEmpty();
        assertThat(frame.postContext()).isEmpty();
    }
}
