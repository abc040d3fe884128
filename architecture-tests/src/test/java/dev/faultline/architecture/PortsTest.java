package dev.faultline.architecture;

import static dev.faultline.architecture.RuleAssertions.assertThatCheckFails;

import org.junit.jupiter.api.Test;

/** Rule 5: top-level types in port.in / port.out are interfaces (nested commands and outcomes are fine). */
class PortsTest {

    private static final Layout VIOLATIONS = Layout.violations("ports");

    @Test
    void production_ports_are_interfaces() {
        ArchitectureRules.portsAreInterfaces(Layout.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void fails_on_classes_and_records_at_the_top_of_a_port_package() {
        assertThatCheckFails(ArchitectureRules.portsAreInterfaces(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("port.in.PortInAsClass")
                .hasMessageContaining("port.in.CommandBesidePort")
                .hasMessageContaining("port.out.PortOutAsAbstractClass")
                .message().doesNotContain("ProperPort");
    }
}
