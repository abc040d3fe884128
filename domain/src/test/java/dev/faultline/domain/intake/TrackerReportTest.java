package dev.faultline.domain.intake;

import static dev.faultline.domain.intake.Events.T0;
import static dev.faultline.domain.intake.Events.event;
import static dev.faultline.domain.intake.Events.exception;
import static dev.faultline.domain.intake.Events.frame;
import static dev.faultline.domain.intake.Events.stack;
import static dev.faultline.domain.intake.Events.synthetic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.domain.tracker.AffectedUser;
import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.StackFrame;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackerReportTest {
    private final GroupingPolicyV1 policy = new GroupingPolicyV1();

    @Test
    void the_main_exception_gives_type_message_and_frames_crash_site_first() {
        SdkEvent sdk = event("java")
                .exceptions(List.of(exception("NullPointerException", "cart is null",
                                stack(frame("demo.Main", "loadCart", InApp.UNKNOWN))),
                        exception("IllegalStateException", "checkout failed", stack(
                                frame("java.lang.Thread", "run", InApp.UNKNOWN, 750),
                                frame("demo.Main", "main", InApp.UNKNOWN, 12),
                                frame("demo.Main", "checkout", InApp.YES, 30)))))
                .level(Level.FATAL)
                .release("shop@1.2.3")
                .environment("production")
                .tags(Map.of("browser", "firefox"))
                .user(new AffectedUser(Optional.of("u-7"), Optional.empty(), Optional.empty()))
                .build();
        Grouping grouping = policy.group(sdk);

        CrashReport report = TrackerReport.of(sdk, grouping);

        assertThat(report.effectiveFingerprint()).isEqualTo(grouping.fingerprint());
        assertThat(report.effectiveTitle()).isEqualTo(grouping.title());
        assertThat(report.culprit()).isEqualTo(grouping.culprit());
        assertThat(report.exceptionType()).isEqualTo("IllegalStateException");
        assertThat(report.message()).isEqualTo("checkout failed");
        assertThat(report.level()).isEqualTo(Level.FATAL);
        assertThat(report.occurredAt()).isEqualTo(sdk.timestamp());
        assertThat(report.frames()).containsExactly(
                new StackFrame("demo.Main", "checkout", 30, true),
                new StackFrame("demo.Main", "main", 12, true),
                new StackFrame("java.lang.Thread", "run", 750, false));
        assertThat(report.release()).contains("shop@1.2.3");
        assertThat(report.environment()).contains("production");
        assertThat(report.tags()).containsEntry("browser", "firefox");
        assertThat(report.user().flatMap(AffectedUser::id)).contains("u-7");
    }

    @Test
    void a_message_event_is_of_type_message_with_the_formatted_text() {
        SdkEvent sdk = event("java")
                .logentry(new LogMessage(Optional.of("Payment %s timed out"), Optional.of("Payment 7 timed out")))
                .exceptions(List.of(synthetic("Payment 7 timed out", stack(frame("demo.Main", "pay", InApp.YES)))))
                .build();

        CrashReport report = TrackerReport.of(sdk, policy.group(sdk));

        assertThat(report.exceptionType()).isEqualTo(TrackerReport.MESSAGE_TYPE);
        assertThat(report.message()).isEqualTo("Payment 7 timed out");
        assertThat(report.frames()).containsExactly(new StackFrame("demo.Main", "pay", 0, true));
    }

    @Test
    void an_event_with_nothing_but_a_timestamp_still_makes_a_report() {
        SdkEvent sdk = SdkEvent.builder(Events.ID, T0).build();
        CrashReport report = TrackerReport.of(sdk, policy.group(sdk));
        assertThat(report.exceptionType()).isEqualTo("message");
        assertThat(report.message()).isEmpty();
        assertThat(report.frames()).isEmpty();
    }
}
