package dev.faultline.architecture;

import static dev.faultline.architecture.RuleAssertions.assertThatCheckFails;

import org.junit.jupiter.api.Test;

/**
 * Rules 3, 3a and 3b for the driving side: surfaces reach the application only through inbound ports, never
 * depend on each other, share only the HTTP support, and every adapter has a kind.
 */
class SurfaceBoundariesTest {

    private static final Layout VIOLATIONS = Layout.violations("surfaces");

    @Test
    void production_surfaces_use_only_inbound_ports() {
        ArchitectureRules.drivingAdaptersUseOnlyInboundPorts(Layout.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void every_production_adapter_has_a_kind() {
        ArchitectureRules.everyAdapterHasAKind(Layout.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void fails_when_a_surface_reaches_a_service_or_an_outbound_port() {
        assertThatCheckFails(ArchitectureRules.drivingAdaptersUseOnlyInboundPorts(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("WebUsingService")
                .hasMessageContaining("WebUsingOutboundPort")
                .hasMessageNotContaining("WebUsingPortAndSupport");
    }

    @Test
    void fails_when_a_surface_uses_another_or_the_support_uses_a_surface() {
        assertThatCheckFails(ArchitectureRules.adaptersAreIndependent(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("adapter 'api' depends on adapter 'web'")
                .hasMessageContaining("adapter 'support' depends on adapter 'web'")
                .hasMessageNotContaining("adapter 'web' depends on adapter 'support'");
    }

    @Test
    void fails_when_an_adapter_has_no_kind() {
        assertThatCheckFails(ArchitectureRules.everyAdapterHasAKind(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("Stray")
                .hasMessageNotContaining("WebSession");
    }
}
