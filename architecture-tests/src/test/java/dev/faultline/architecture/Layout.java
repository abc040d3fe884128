package dev.faultline.architecture;

/**
 * Where the layers of DESIGN.md §1 live below one package root.
 *
 * <p>Production code uses the root {@code dev.faultline}. Every test fixture mirrors the same layout below its
 * own root, so that the very same rule object can be checked against production code and against a fixture
 * with a deliberate violation.
 */
record Layout(String root) {

    static final Layout PRODUCTION = new Layout("dev.faultline");

    /** Root of all test fixtures; production imports exclude it. */
    static final String FIXTURES = "dev.faultline.architecture.fixtures";

    /** A small application that follows every rule: proves the rules accept what the conventions allow. */
    static final Layout COMPLIANT = new Layout(FIXTURES + ".compliant");

    /** A fixture that breaks one boundary on purpose. */
    static Layout violations(String scenario) {
        return new Layout(FIXTURES + ".violations." + scenario);
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

    String bootstrap() {
        return root + ".bootstrap..";
    }

    String inboundPorts() {
        return root + ".application..port.in..";
    }

    String outboundPorts() {
        return root + ".application..port.out..";
    }
}
