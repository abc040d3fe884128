package dev.faultline.domain.intake;

/** The SDK that sent the event, as it names itself ({@code sentry.java}, {@code 8.64.0}). */
public record SdkInfo(String name, String version) {
    public static final int MAX_LENGTH = 200;

    public SdkInfo {
        name = Checks.line(name, "sdk.name", MAX_LENGTH);
        version = Checks.line(version, "sdk.version", MAX_LENGTH);
    }
}
