package dev.faultline.architecture;

import static dev.faultline.architecture.RuleAssertions.assertThatCheckFails;

import org.junit.jupiter.api.Test;

/** Rule 4: no cycles between packages, nor between the bounded contexts of domain and application. */
class PackageCyclesTest {

    private static final Layout VIOLATIONS = Layout.violations("cycles");

    @Test
    void production_packages_are_free_of_cycles() {
        ArchitectureRules.noPackageCycles(Layout.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void production_bounded_contexts_are_free_of_cycles() {
        ArchitectureRules.noBoundedContextCycles(Layout.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void package_rule_fails_on_a_package_cycle() {
        assertThatCheckFails(ArchitectureRules.noPackageCycles(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("First.second")
                .hasMessageContaining("Second.first")
                // alpha and beta only form a cycle at context level, not between packages
                .message().doesNotContain("AlphaService", "BetaService");
    }

    @Test
    void context_rule_fails_on_a_cycle_between_contexts() {
        assertThatCheckFails(ArchitectureRules.noBoundedContextCycles(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("domain context 'one'")
                .hasMessageContaining("application context 'alpha'")
                .hasMessageContaining("AlphaService.beta")
                .hasMessageContaining("BetaService.alpha");
    }
}
