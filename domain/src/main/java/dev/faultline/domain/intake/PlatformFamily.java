package dev.faultline.domain.intake;

import java.util.Locale;
import java.util.Set;

/** Platforms whose frames follow the same rules: the JVM languages, JavaScript, and everything else. */
public enum PlatformFamily {
    JVM,
    JS,
    OTHER;

    private static final Set<String> JVM_PLATFORMS = Set.of("java", "kotlin", "android", "groovy", "scala", "clojure");
    private static final Set<String> JS_PLATFORMS = Set.of("javascript", "node");

    public static PlatformFamily of(String platform) {
        if (JVM_PLATFORMS.contains(platform)) {
            return JVM;
        }
        return JS_PLATFORMS.contains(platform) ? JS : OTHER;
    }

    /**
     * The event's platform; without one, the language in the SDK's name ({@code sentry.java.android} is
     * {@code java}); else {@code other}.
     */
    public static String platformOf(SdkEvent event) {
        if (event.platform().isPresent()) {
            return event.platform().get().value();
        }
        return event.sdk().map(sdk -> {
            String[] parts = sdk.name().toLowerCase(Locale.ROOT).split("\\.");
            return parts.length >= 2 && parts[0].equals("sentry") && !parts[1].isBlank() ? parts[1] : "other";
        }).orElse("other");
    }
}
