package dev.faultline.architecture;

import static dev.faultline.architecture.RuleAssertions.assertThatCheckFails;

import org.junit.jupiter.api.Test;

/** Rules 1 and 2: domain and application depend on nothing but themselves and the JDK; no framework. */
class CoreDependenciesTest {

    private static final Layout VIOLATIONS = Layout.violations("frameworks");

    @Test
    void production_domain_depends_only_on_itself_and_the_jdk() {
        ArchitectureRules.domainDependsOnlyOnItselfAndTheJdk(Layout.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void production_application_depends_only_on_itself_the_domain_and_the_jdk() {
        ArchitectureRules.applicationDependsOnlyOnItselfTheDomainAndTheJdk(Layout.PRODUCTION)
                .check(ImportedClasses.production());
    }

    @Test
    void production_domain_and_application_are_framework_free() {
        ArchitectureRules.coreIsFrameworkFree(Layout.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void domain_rule_fails_on_jdbc_and_javax() {
        assertThatCheckFails(ArchitectureRules.domainDependsOnlyOnItselfAndTheJdk(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("DomainUsingJdbc.createdAt")
                .hasMessageContaining("java.sql.Timestamp")
                .hasMessageContaining("DomainUsingJavaxSql.dataSource")
                .hasMessageContaining("javax.sql.DataSource");
    }

    @Test
    void application_rule_fails_on_a_third_party_library() {
        assertThatCheckFails(
                        ArchitectureRules.applicationDependsOnlyOnItselfTheDomainAndTheJdk(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("ApplicationUsingJdbi.jdbi")
                .hasMessageContaining("ApplicationUsingNimbus.claims")
                .message().doesNotContain("DomainUsingJdbc");
    }

    @Test
    void framework_rule_names_the_framework_in_domain_and_application() {
        assertThatCheckFails(ArchitectureRules.coreIsFrameworkFree(VIOLATIONS), VIOLATIONS)
                .hasMessageContaining("java.sql.Timestamp")
                .hasMessageContaining("javax.sql.DataSource")
                .hasMessageContaining("org.jdbi.v3.core.Jdbi")
                .hasMessageContaining("com.nimbusds.jwt.JWTClaimsSet");
    }
}
