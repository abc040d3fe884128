package dev.faultline.architecture;

import static dev.faultline.architecture.RuleAssertions.assertThatCheckFails;

import org.junit.jupiter.api.Test;

/** Rule 6: time comes in as an argument or from the injected clock; no stderr dumps; one logging stack. */
class CodingRulesTest {

    private static final Layout VIOLATIONS = Layout.violations("coding");

    @Test
    void production_domain_never_reads_the_time() {
        ArchitectureRules.domainNeverReadsTheTime(Layout.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void production_application_reads_time_only_from_the_injected_clock() {
        ArchitectureRules.applicationReadsTimeOnlyFromTheInjectedClock(Layout.PRODUCTION)
                .check(ImportedClasses.production());
    }

    @Test
    void production_code_never_prints_stack_traces() {
        ArchitectureRules.noPrintStackTrace(Layout.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void production_code_does_not_use_java_util_logging() {
        ArchitectureRules.noJavaUtilLogging(Layout.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void production_core_never_writes_to_standard_streams() {
        ArchitectureRules.coreNeverWritesToStandardStreams(Layout.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void domain_time_rule_fails_on_now_clocks_and_system_time() {
        assertThatCheckFails(ArchitectureRules.domainNeverReadsTheTime(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("DomainCallingInstantNow.expired")
                .hasMessageContaining("DomainHoldingAClock.clock")
                .hasMessageContaining("DomainCallingCurrentTimeMillis.stamp");
    }

    @Test
    void application_time_rule_fails_on_the_system_clock_but_accepts_the_injected_one() {
        assertThatCheckFails(ArchitectureRules.applicationReadsTimeOnlyFromTheInjectedClock(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("ApplicationCallingLocalDateNow.today")
                .message().doesNotContain("ApplicationUsingInjectedClock");
    }

    @Test
    void stack_trace_rule_fails_on_print_stack_trace() {
        assertThatCheckFails(ArchitectureRules.noPrintStackTrace(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("AdapterPrintingStackTrace.run")
                .hasMessageContaining("printStackTrace");
    }

    @Test
    void logging_rule_fails_on_java_util_logging() {
        assertThatCheckFails(ArchitectureRules.noJavaUtilLogging(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("AdapterUsingJavaUtilLogging")
                .hasMessageContaining("java.util.logging.Logger");
    }

    @Test
    void stream_rule_fails_when_the_core_prints() {
        assertThatCheckFails(ArchitectureRules.coreNeverWritesToStandardStreams(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("DomainPrinting.report")
                .hasMessageContaining("System.out");
    }
}
