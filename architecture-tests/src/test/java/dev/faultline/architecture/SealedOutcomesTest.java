package dev.faultline.architecture;

import static dev.faultline.architecture.RuleAssertions.assertThatCheckFails;

import org.junit.jupiter.api.Test;

/** Rule 7: sealed outcomes of every context's ports and domain are handled through their fold. */
class SealedOutcomesTest {

    private static final Layout VIOLATIONS = Layout.violations("outcomes");

    @Test
    void production_code_folds_sealed_outcomes() {
        ArchitectureRules.sealedOutcomesAreFolded(Layout.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void fails_on_instanceof_checks_and_casts_to_a_variant_but_not_on_folds() {
        assertThatCheckFails(ArchitectureRules.sealedOutcomesAreFolded(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("WebCheckingInstanceof.render(")
                .hasMessageContaining("checks instanceof <" + VIOLATIONS.root()
                        + ".application.tracker.port.in.ResolveThing$Outcome$Resolved>")
                .hasMessageContaining("WebCastingToVariant.renderStored casts to <")
                .hasMessageContaining("WebCastingToVariant.renderReturned casts to <")
                .hasMessageContaining("ServiceCheckingDecision.allowed(")
                .hasMessageContaining("checks instanceof <" + VIOLATIONS.root()
                        + ".domain.account.Throttle$Decision$LockedOut>")
                .hasMessageContaining("OAuthCastingAdmission.describe(")
                .hasMessageContaining("checks instanceof <" + VIOLATIONS.root() + ".domain.access.Admission$Admitted>")
                .hasMessageContaining("OAuthCastingAdmission.describe casts to <" + VIOLATIONS.root()
                        + ".domain.access.Admission$Refused>")
                .hasMessageNotContaining("WebFolding")
                .hasMessageNotContaining("Throttle.")
                .hasMessageNotContaining("UnrelatedCast");
    }
}
