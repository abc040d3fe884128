package dev.faultline.architecture;

import static dev.faultline.architecture.RuleAssertions.assertThatCheckFails;

import org.junit.jupiter.api.Test;

/** Rule 3: adapters never depend on each other; only bootstrap combines them. */
class AdapterIndependenceTest {

    private static final Layout VIOLATIONS = Layout.violations("coupled");

    @Test
    void production_adapters_are_independent() {
        ArchitectureRules.adaptersAreIndependent(Layout.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void fails_when_one_adapter_uses_another() {
        assertThatCheckFails(ArchitectureRules.adaptersAreIndependent(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("adapter 'a' depends on adapter 'b'")
                .hasMessageContaining("AdapterA.other");
    }
}
