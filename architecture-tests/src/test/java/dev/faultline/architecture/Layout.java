package dev.faultline.architecture;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the layers of DESIGN.md §1 live below one package root.
 *
 * <p>Production code uses the root {@code dev.faultline}. Every test fixture mirrors the same layout below its
 * own root, so that the very same rule object can be checked against production code and against a fixture
 * with a deliberate violation.
 */
record Layout(String root, List<String> drivingSurfaces, String sharedSupport, List<String> drivenAdapters) {

    /**
     * Every adapter module of Faultline, by kind: the driving surfaces (each its own security posture), the one
     * HTTP support module they share, and the driven adapters behind outbound ports. A new adapter must be named
     * here ({@code ArchitectureRules.everyAdapterHasAKind}), which decides the rules that hold it.
     */
    static final Layout PRODUCTION = new Layout("dev.faultline", List.of("oauth", "mcp", "pages", "ingest"), "http",
            List.of("postgres", "inmemory", "crypto", "clientmetadata"));

    /** Root of all test fixtures; production imports exclude it. */
    static final String FIXTURES = "dev.faultline.architecture.fixtures";

    /** A small application that follows every rule: proves the rules accept what the conventions allow. */
    static final Layout COMPLIANT = new Layout(FIXTURES + ".compliant", List.of("web"), "support",
            List.of("jdbc", "memory"));

    /** A fixture that breaks one boundary on purpose. */
    static Layout violations(String scenario) {
        return new Layout(FIXTURES + ".violations." + scenario, List.of("web", "api"), "support", List.of("store"));
    }

    String everything() {
        return root + "..";
    }

    String domain() {
        return root + ".domain..";
    }

    String application() {
        return root + ".application..";
    }

    String adapters() {
        return root + ".adapters..";
    }

    /** One slice per adapter module: {@code adapters.postgres}, {@code adapters.inmemory}, ... */
    String adapterSlices() {
        return root + ".adapters.(*)..";
    }

    /** The driving surfaces and the support they share: the adapters that call inbound ports. */
    String[] drivingSide() {
        return Stream.concat(drivingSurfaces.stream(), Stream.of(sharedSupport))
                .map(this::adapter).toArray(String[]::new);
    }

    String[] drivingSurfacePackages() {
        return drivingSurfaces.stream().map(this::adapter).toArray(String[]::new);
    }

    String sharedSupportPackage() {
        return adapter(sharedSupport);
    }

    /** Every adapter that has a kind: driving surfaces, the shared support and the driven adapters. */
    String[] classifiedAdapters() {
        return Stream.concat(Arrays.stream(drivingSide()),
                drivenAdapters.stream().map(this::adapter)).toArray(String[]::new);
    }

    private String adapter(String name) {
        return root + ".adapters." + name + "..";
    }

    String bootstrap() {
        return root + ".bootstrap..";
    }

    String inboundPorts() {
        return root + ".application..port.in..";
    }

    String outboundPorts() {
        return root + ".application..port.out..";
    }

    /**
     * The packages whose sealed outcomes are handled only through their {@code fold}: the inbound and outbound
     * ports and the domain of every bounded context (access, account, intake, tracker).
     */
    List<String> foldedOutcomePackages() {
        return List.of(
                root + ".application.access.port.in", root + ".application.access.port.out",
                root + ".application.account.port.in", root + ".application.account.port.out",
                root + ".application.intake.port.in",
                root + ".application.tracker.port.in", root + ".application.tracker.port.out",
                root + ".domain.access", root + ".domain.account", root + ".domain.intake", root + ".domain.tracker");
    }
}
