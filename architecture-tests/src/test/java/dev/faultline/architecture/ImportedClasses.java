package dev.faultline.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The class sets the rules are checked against. */
final class ImportedClasses {

    private static final String FIXTURE_LOCATION = "/" + Layout.FIXTURES.replace('.', '/') + "/";

    private static JavaClasses production;

    private ImportedClasses() {
    }

    /**
     * Main code of every module (the test classpath holds all of them). Test classes are left out -- both by
     * location ({@code target/test-classes}) and, belt and braces, by the fixture package -- so the deliberate
     * violations never count against production.
     */
    static synchronized JavaClasses production() {
        if (production == null) {
            production = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(location -> !location.contains(FIXTURE_LOCATION))
                    .importPackages(Layout.PRODUCTION.root());
        }
        return production;
    }

    /** The classes of one fixture (test code on purpose). */
    static JavaClasses of(Layout fixture) {
        return new ClassFileImporter().importPackages(fixture.root());
    }
}
