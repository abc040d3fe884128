package dev.faultline.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.lang.ArchRule;
import org.assertj.core.api.AbstractThrowableAssert;

/** Proof that a rule bites: checking it against a fixture with a deliberate violation must fail. */
final class RuleAssertions {

    private RuleAssertions() {
    }

    /**
     * Checks {@code rule} against the classes of {@code fixture} and asserts that ArchUnit reports a violation.
     * Callers then assert which classes the report names -- an empty fixture would also fail, so naming the
     * violating classes is what proves the rule caught the right thing.
     */
    static AbstractThrowableAssert<?, ? extends Throwable> assertThatCheckFails(ArchRule rule, Layout fixture) {
        return assertThatThrownBy(() -> rule.check(ImportedClasses.of(fixture)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("was violated");
    }
}
