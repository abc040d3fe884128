package dev.faultline.architecture;

import static dev.faultline.architecture.RuleAssertions.assertThatCheckFails;

import org.junit.jupiter.api.Test;

/** Rule 1: bootstrap -> adapters -> application -> domain, and nothing depends on bootstrap. */
class LayeringTest {

    private static final Layout VIOLATIONS = Layout.violations("layering");

    @Test
    void production_dependencies_point_inwards() {
        ArchitectureRules.layering(Layout.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void production_classes_all_belong_to_a_layer() {
        ArchitectureRules.everyClassBelongsToALayer(Layout.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void layering_fails_when_a_dependency_points_outwards() {
        assertThatCheckFails(ArchitectureRules.layering(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("DomainUsingApplication.useCase")
                .hasMessageContaining("ApplicationUsingAdapter.adapter")
                .hasMessageContaining("AdapterUsingBootstrap.wiring")
                .message().doesNotContain("SomeAdapter.useCase", "Wiring.adapter");
    }

    @Test
    void every_class_belongs_to_a_layer_fails_for_a_class_outside_the_layers() {
        assertThatCheckFails(ArchitectureRules.everyClassBelongsToALayer(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("misc.ClassOutsideAnyLayer")
                .message().doesNotContain("DomainUsingApplication", "Wiring");
    }
}
