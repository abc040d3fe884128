package dev.faultline.domain.intake;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Grouping v1's token for one frame: {@code place|function}, plus the source line only where the function has
 * no name. Line and column numbers never count, and generated names (proxies, lambdas, hashed bundles) are
 * cleaned so that a rebuild does not split issues.
 */
final class FrameTokens {
    static final int MAX_CONTEXT_LINE = 120;
    private static final Set<String> SOURCE_LINE_PLATFORMS = Set.of("javascript", "node", "python", "php", "ruby");
    private static final Set<String> ANONYMOUS_JS = Set.of("?", "<anonymous>", "<anonymous function>",
            "Anonymous function");
    private static final Set<String> SKIPPED_JS_PATHS = Set.of("[native code]", "native code", "eval code",
            "<anonymous>");
    private static final Set<String> NAMELESS_FILES = Set.of("<anonymous>", "[native code]");

    private static final Pattern ACCESSOR =
            Pattern.compile("(GeneratedMethodAccessor|Generated\\w*ConstructorAccessor)\\d+");
    private static final Pattern CGLIB = Pattern.compile("\\$\\$(\\w*?)CGLIB\\$\\$[0-9A-Fa-f]+(?:_\\d+)?");
    private static final Pattern JAVASSIST = Pattern.compile("\\$\\$_javassist[\\w$]*");
    private static final Pattern CLOJURE_FN = Pattern.compile("\\$fn__\\d+");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{8,}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private FrameTokens() {
    }

    /** JavaScript frames of {@code eval} and native code say nothing about the application: leave them out. */
    static boolean skipped(Frame frame, PlatformFamily family) {
        return family == PlatformFamily.JS && (frame.function().filter("eval"::equals).isPresent()
                || frame.absPath().filter(SKIPPED_JS_PATHS::contains).isPresent());
    }

    /** Frames of the SDK itself (its own capture calls) never group. */
    static boolean isSdkFrame(Frame frame) {
        return frame.module().filter(m -> m.startsWith("io.sentry.")).isPresent();
    }

    /** The token, or empty when the frame names nothing usable. */
    static Optional<String> token(Frame frame, String platform, PlatformFamily family) {
        String place = place(frame, family);
        String function = function(frame, family);
        String token = place + "|" + function;
        String context = "";
        if (function.isEmpty() && SOURCE_LINE_PLATFORMS.contains(platform) && frame.contextLine().isPresent()
                && frame.contextLine().get().length() <= MAX_CONTEXT_LINE) {
            context = WHITESPACE.matcher(frame.contextLine().get().strip()).replaceAll(" ");
            token = token + "|" + context;
        }
        return place.isEmpty() && function.isEmpty() && context.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    static String place(Frame frame, PlatformFamily family) {
        String module = frame.module().orElse("");
        if (family == PlatformFamily.JVM) {
            module = cleanJvmModule(module);
        }
        return module.isEmpty() ? fileName(frame.filename().orElse("")) : module;
    }

    private static String cleanJvmModule(String module) {
        if (module.contains("$$Lambda")) {
            return "";
        }
        String cleaned = ACCESSOR.matcher(module).replaceAll("$1");
        cleaned = CGLIB.matcher(cleaned).replaceAll("\\$\\$$1CGLIB\\$\\$<auto>");
        cleaned = JAVASSIST.matcher(cleaned).replaceAll("\\$\\$_javassist<auto>");
        return CLOJURE_FN.matcher(cleaned).replaceAll("\\$fn__<auto>");
    }

    private static String fileName(String filename) {
        String name = filename;
        int cut = indexOfAny(name, '?', '#');
        if (cut >= 0) {
            name = name.substring(0, cut);
        }
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (NAMELESS_FILES.contains(name)) {
            return "";
        }
        return HASH.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("<hash>");
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    static String function(Frame frame, PlatformFamily family) {
        String function = frame.function().or(frame::rawFunction).orElse("").strip();
        if (family == PlatformFamily.JS) {
            function = function.substring(function.lastIndexOf('.') + 1);
            if (ANONYMOUS_JS.contains(function) || function.endsWith("/<")) {
                return "";
            }
        }
        if (family == PlatformFamily.JVM && function.startsWith("lambda$")) {
            return "";
        }
        return function;
    }
}
