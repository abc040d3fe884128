package dev.faultline.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The boundaries of DESIGN.md §1 as ArchUnit rules, each built for a {@link Layout} so that one rule object is
 * checked against production code and against a fixture that breaks it.
 */
final class ArchitectureRules {

    static final String DOMAIN = "Domain";
    static final String APPLICATION = "Application";
    static final String ADAPTERS = "Adapters";
    static final String BOOTSTRAP = "Bootstrap";

    /** Libraries that belong in adapters or bootstrap, never in domain or application. */
    static final String[] FRAMEWORK_PACKAGES = {
        "com.fasterxml.jackson..",
        "org.glassfish.jersey..",
        "jakarta.ws..",
        "javax.ws..",
        "jakarta.servlet..",
        "javax.servlet..",
        "jakarta.inject..",
        "javax.inject..",
        "jakarta.validation..",
        "javax.validation..",
        "org.eclipse.jetty..",
        "org.jdbi..",
        "io.dropwizard..",
        "com.codahale.metrics..",
        "com.nimbusds..",
        "java.sql..",
        "javax.sql..",
        "org.flywaydb..",
        "org.postgresql..",
        "io.zonky..",
        "org.bouncycastle..",
        "org.slf4j..",
    };

    private ArchitectureRules() {
    }

    /** Rule 1: the dependency rule bootstrap → adapters → application → domain, and nothing depends on bootstrap. */
    static ArchRule layering(Layout layout) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer(DOMAIN).definedBy(layout.domain())
                .layer(APPLICATION).definedBy(layout.application())
                .layer(ADAPTERS).definedBy(layout.adapters())
                .layer(BOOTSTRAP).definedBy(layout.bootstrap())
                .whereLayer(DOMAIN).mayNotAccessAnyLayer()
                .whereLayer(APPLICATION).mayOnlyAccessLayers(DOMAIN)
                .whereLayer(ADAPTERS).mayOnlyAccessLayers(APPLICATION, DOMAIN)
                .whereLayer(BOOTSTRAP).mayNotBeAccessedByAnyLayer()
                .because("dependencies point inwards: bootstrap -> adapters -> application -> domain (DESIGN.md §1)");
    }

    /** Rule 1: a class outside the four layers would escape every other rule. */
    static ArchRule everyClassBelongsToALayer(Layout layout) {
        return classes().that().resideInAPackage(layout.everything())
                .should().resideInAnyPackage(layout.domain(), layout.application(), layout.adapters(), layout.bootstrap())
                .because("every class must sit in domain, application, adapters.<adapter> or bootstrap "
                        + "so that the layering rules apply to it");
    }

    /** Rule 1: the domain is pure Java -- itself and the JDK, but not JDBC and not {@code javax}. */
    static ArchRule domainDependsOnlyOnItselfAndTheJdk(Layout layout) {
        return classes().that().resideInAPackage(layout.domain())
                .should().onlyDependOnClassesThat(resideInAPackage(layout.domain()).or(theJdkWithoutJdbc()))
                .because("the domain has no dependencies at all (DESIGN.md §1)");
    }

    /** Rule 1: the application sees only itself, the domain and the JDK. */
    static ArchRule applicationDependsOnlyOnItselfTheDomainAndTheJdk(Layout layout) {
        return classes().that().resideInAPackage(layout.application())
                .should().onlyDependOnClassesThat(
                        resideInAnyPackage(layout.application(), layout.domain()).or(theJdkWithoutJdbc()))
                .because("use cases and ports depend on the domain only (DESIGN.md §1)");
    }

    /** Rule 2: no framework in the core, named explicitly so a violation reads as "uses Jdbi", not "uses X". */
    static ArchRule coreIsFrameworkFree(Layout layout) {
        return noClasses().that().resideInAnyPackage(layout.domain(), layout.application())
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORK_PACKAGES)
                .because("domain and application import no framework; adapters translate (DESIGN.md §1)");
    }

    /**
     * Rule 3: adapters never depend on each other; only bootstrap combines them. The one exception: a driving
     * surface may use the HTTP support the surfaces share (never the other way round, never another surface).
     */
    static ArchRule adaptersAreIndependent(Layout layout) {
        return slices().matching(layout.adapterSlices()).namingSlices("adapter '$1'")
                .should().notDependOnEachOther()
                .ignoreDependency(resideInAnyPackage(layout.drivingSurfacePackages()),
                        resideInAPackage(layout.sharedSupportPackage()))
                .because("storage and surfaces are swappable: adapters never depend on each other, except a"
                        + " surface on the HTTP support all surfaces share (DESIGN.md §1)")
                .allowEmptyShould(true);
    }

    /**
     * Rule 3a: the driving side (surfaces and their shared support) reaches the application only through inbound
     * ports, and the failures ports may raise: never a service implementation, an outbound port or any other
     * application class, so every rule of a use case holds for every surface that calls it.
     */
    static ArchRule drivingAdaptersUseOnlyInboundPorts(Layout layout) {
        return noClasses().that().resideInAnyPackage(layout.drivingSide())
                .should().dependOnClassesThat(resideInAPackage(layout.application())
                        .and(not(resideInAPackage(layout.inboundPorts())))
                        .and(not(assignableTo(RuntimeException.class).and(resideInAPackage(layout.root()
                                + ".application.shared..")))))
                .because("a surface gets every rule by calling an inbound port, with nothing to re-implement"
                        + " (DESIGN.md §1)")
                .allowEmptyShould(true);
    }

    /** Rule 3b: every adapter has a kind (driving surface, shared HTTP support, driven), so its rules apply. */
    static ArchRule everyAdapterHasAKind(Layout layout) {
        return classes().that().resideInAPackage(layout.adapters())
                .should().resideInAnyPackage(layout.classifiedAdapters())
                .because("a new adapter is named in Layout as a driving surface, the shared support or a driven"
                        + " adapter, which decides the rules that hold it")
                .allowEmptyShould(true);
    }

    /** Rule 4: no cycle between any two packages. */
    static ArchRule noPackageCycles(Layout layout) {
        return slices().matching(layout.root() + ".(**)").namingSlices("package '$1'")
                .should().beFreeOfCycles()
                .because("packages must form a hierarchy, so each can be understood and changed on its own");
    }

    /**
     * Rule 4: no cycle between the bounded contexts of the domain, nor between those of the application (coarser
     * than packages: {@code access.X -> account.port.out} plus {@code account.Y -> access.port.out} is a context
     * cycle without any package cycle).
     */
    static ArchRule noBoundedContextCycles(Layout layout) {
        return CompositeArchRule
                .of(slices().matching(layout.root() + ".domain.(*)..").namingSlices("domain context '$1'")
                        .should().beFreeOfCycles().allowEmptyShould(true))
                .and(slices().matching(layout.root() + ".application.(*)..").namingSlices("application context '$1'")
                        .should().beFreeOfCycles().allowEmptyShould(true))
                .because("bounded contexts (access, account, tracker, shared) may use one another in one direction only");
    }

    /**
     * Rule 5: every top-level type in a {@code port.in} or {@code port.out} package is an interface. Records and
     * sealed outcome types nested inside a port interface are part of that port and allowed.
     */
    static ArchRule portsAreInterfaces(Layout layout) {
        return classes().that().resideInAnyPackage(layout.inboundPorts(), layout.outboundPorts())
                .and().areTopLevelClasses()
                .and().doNotHaveSimpleName("package-info")
                .should().beInterfaces()
                .because("a port is a promise that any adapter (or a use case) can keep; "
                        + "commands and outcomes are nested in the port interface")
                .allowEmptyShould(true);
    }

    /** Rule 6: aggregates take {@code Instant now} as an argument; the domain never reads a clock. */
    static ArchRule domainNeverReadsTheTime(Layout layout) {
        return noClasses().that().resideInAPackage(layout.domain())
                .should().dependOnClassesThat().areAssignableTo(Clock.class)
                .orShould().callMethodWhere(readsTheSystemClock())
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .because("aggregates take 'Instant now' as an argument, so every time rule is testable (DESIGN.md §2)");
    }

    /** Rule 6: use cases read the time only from their injected {@link Clock}. */
    static ArchRule applicationReadsTimeOnlyFromTheInjectedClock(Layout layout) {
        return noClasses().that().resideInAPackage(layout.application())
                .should().callMethodWhere(readsTheSystemClock())
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .because("use cases get a java.time.Clock injected, so tests control time");
    }

    /** Rule 6: failures are returned or reported through a logger, never dumped on stderr. */
    static ArchRule noPrintStackTrace(Layout layout) {
        return noClasses().that().resideInAPackage(layout.everything())
                .should().callMethodWhere(printsAStackTrace())
                .because("a stack trace on stderr bypasses log redaction and may carry secrets");
    }

    /** Rule 6: one logging stack (SLF4J in adapters and bootstrap), not java.util.logging. */
    static ArchRule noJavaUtilLogging(Layout layout) {
        return noClasses().that().resideInAPackage(layout.everything())
                .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
                .because("logging goes through one configurable, redacting stack (SLF4J/Logback via Dropwizard)");
    }

    /** Rule 6: the core returns outcomes; it never prints. */
    static ArchRule coreNeverWritesToStandardStreams(Layout layout) {
        return noClasses().that().resideInAnyPackage(layout.domain(), layout.application())
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("domain and application return outcomes; printing is the job of an adapter or a CLI command");
    }

    /**
     * Rule 7: a sealed outcome is handled through its {@code fold}, one function per variant, so a new variant
     * fails the build until every caller handles it. Outside the outcome's own package no code checks
     * {@code instanceof} a variant or casts to one: such a chain compiles when a variant is added and then falls
     * through to its default branch, or throws a ClassCastException. Covers the ports and the domain of every
     * bounded context: access, account, intake and tracker ({@link Layout#foldedOutcomePackages}). Test code is not
     * imported, so a test may still assert a variant with {@code instanceof}.
     */
    static ArchRule sealedOutcomesAreFolded(Layout layout) {
        return classes().that().resideInAPackage(layout.everything())
                .should(new SealedOutcomeInspections(layout.foldedOutcomePackages()))
                .because("a new variant of a sealed outcome of any context's ports or domain must fail the build"
                        + " until every caller handles it (issue 11, outcome 5)")
                .allowEmptyShould(true);
    }

    /** Every rule, by name, for checks that run all of them (see {@code CompliantFixtureTest}). */
    static List<NamedRule> all() {
        return List.of(
                new NamedRule("layering", ArchitectureRules::layering),
                new NamedRule("every class belongs to a layer", ArchitectureRules::everyClassBelongsToALayer),
                new NamedRule("domain depends only on itself and the JDK",
                        ArchitectureRules::domainDependsOnlyOnItselfAndTheJdk),
                new NamedRule("application depends only on itself, the domain and the JDK",
                        ArchitectureRules::applicationDependsOnlyOnItselfTheDomainAndTheJdk),
                new NamedRule("core is framework free", ArchitectureRules::coreIsFrameworkFree),
                new NamedRule("adapters are independent", ArchitectureRules::adaptersAreIndependent),
                new NamedRule("driving adapters use only inbound ports",
                        ArchitectureRules::drivingAdaptersUseOnlyInboundPorts),
                new NamedRule("every adapter has a kind", ArchitectureRules::everyAdapterHasAKind),
                new NamedRule("no package cycles", ArchitectureRules::noPackageCycles),
                new NamedRule("no bounded-context cycles", ArchitectureRules::noBoundedContextCycles),
                new NamedRule("ports are interfaces", ArchitectureRules::portsAreInterfaces),
                new NamedRule("domain never reads the time", ArchitectureRules::domainNeverReadsTheTime),
                new NamedRule("application reads time only from the injected clock",
                        ArchitectureRules::applicationReadsTimeOnlyFromTheInjectedClock),
                new NamedRule("no printStackTrace", ArchitectureRules::noPrintStackTrace),
                new NamedRule("no java.util.logging", ArchitectureRules::noJavaUtilLogging),
                new NamedRule("core never writes to standard streams",
                        ArchitectureRules::coreNeverWritesToStandardStreams),
                new NamedRule("sealed outcomes are folded", ArchitectureRules::sealedOutcomesAreFolded));
    }

    record NamedRule(String name, Function<Layout, ArchRule> build) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static DescribedPredicate<JavaClass> theJdkWithoutJdbc() {
        return resideInAPackage("java..").and(not(resideInAPackage("java.sql..")))
                .as("belong to the JDK (java.. except java.sql..)");
    }

    /** A {@code now(..)} of a java.time type that is not handed a Clock reads the system clock. */
    private static DescribedPredicate<JavaMethodCall> readsTheSystemClock() {
        return DescribedPredicate.describe("read the system clock through java.time's now() without a Clock",
                call -> call.getTarget().getName().equals("now")
                        && call.getTarget().getOwner().getPackageName().startsWith("java.time")
                        && call.getTarget().getRawParameterTypes().stream()
                                .noneMatch(type -> type.isAssignableTo(Clock.class)));
    }

    private static DescribedPredicate<JavaMethodCall> printsAStackTrace() {
        return DescribedPredicate.describe("call Throwable.printStackTrace()",
                call -> call.getTarget().getName().equals("printStackTrace")
                        && call.getTarget().getOwner().isAssignableTo(Throwable.class));
    }
}
