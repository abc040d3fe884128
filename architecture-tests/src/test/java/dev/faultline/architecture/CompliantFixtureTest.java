package dev.faultline.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import java.util.List;

/**
 * The other side of each proof: the rules accept code written the way the conventions ask (nested commands
 * and outcomes in port interfaces, package-info in a port package, use cases with an injected clock, adapters
 * using frameworks, bootstrap wiring everything), and the production import really sees the modules.
 */
class CompliantFixtureTest {

    static List<ArchitectureRules.NamedRule> rules() {
        return ArchitectureRules.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void every_rule_accepts_an_application_that_follows_the_conventions(ArchitectureRules.NamedRule rule) {
        rule.build().apply(Layout.COMPLIANT).check(ImportedClasses.of(Layout.COMPLIANT));
    }

    @Test
    void the_compliant_fixture_covers_every_layer() {
        JavaClasses compliant = ImportedClasses.of(Layout.COMPLIANT);
        Layout layout = Layout.COMPLIANT;

        assertThat(packagesOf(compliant)).anyMatch(p -> p.startsWith(layout.root() + ".domain."))
                .anyMatch(p -> p.endsWith(".port.in"))
                .anyMatch(p -> p.endsWith(".port.out"))
                .anyMatch(p -> p.startsWith(layout.root() + ".adapters."))
                .anyMatch(p -> p.startsWith(layout.root() + ".bootstrap"));
    }

    @Test
    void production_import_sees_the_modules_and_no_test_code() {
        JavaClasses production = ImportedClasses.production();

        assertThat(production.contain("dev.faultline.domain.access.TokenHash")).isTrue();
        assertThat(production.contain("dev.faultline.application.shared.Transactions")).isTrue();
        assertThat(production.contain("dev.faultline.adapters.inmemory.InMemoryTransactions")).isTrue();
        assertThat(packagesOf(production)).noneMatch(p -> p.startsWith("dev.faultline.architecture"));
        assertThat(production.stream().map(JavaClass::getSimpleName)).noneMatch(name -> name.endsWith("Test"));
    }

    private static List<String> packagesOf(JavaClasses classes) {
        return classes.stream().map(JavaClass::getPackageName).distinct().toList();
    }
}
