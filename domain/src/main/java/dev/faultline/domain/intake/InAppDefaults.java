package dev.faultline.domain.intake;

import java.util.List;

/**
 * Grouping v1's answer for frames whose SDK did not say whether they are in-app: JVM frames outside the JDK and
 * the common frameworks are, JavaScript frames outside {@code node_modules} and Node's internals are, and on
 * other platforms it stays unknown.
 */
final class InAppDefaults {
    static final List<String> JVM_LIBRARY_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "kotlin.", "kotlinx.", "scala.", "android.", "androidx.", "dalvik.", "com.android.", "io.sentry.",
            "org.springframework.", "org.apache.", "org.eclipse.jetty.", "org.glassfish.", "org.jboss.",
            "io.dropwizard.", "com.fasterxml.", "reactor.core.", "io.netty.");

    private InAppDefaults() {
    }

    static boolean isInApp(Frame frame, PlatformFamily family) {
        return switch (frame.inApp()) {
            case YES -> true;
            case NO -> false;
            case UNKNOWN -> switch (family) {
                case JVM -> {
                    String module = frame.module().orElse("");
                    yield JVM_LIBRARY_PREFIXES.stream().noneMatch(module::startsWith);
                }
                case JS -> {
                    String file = frame.filename().orElse("");
                    yield !(file.contains("/node_modules/") || file.startsWith("node:")
                            || file.startsWith("internal/"));
                }
                case OTHER -> false;
            };
        };
    }
}
