package dev.faultline.adapters.ingest.protocol;

/** The envelope header {@code sdk}: which SDK sent the request ({@code sentry.java}, {@code 8.64.0}). */
public record SdkName(String name, String version) {

    static final int MAX_LENGTH = 200;

    public SdkName {
        name = bounded(name);
        version = bounded(version);
    }

    private static String bounded(String text) {
        String value = text == null ? "" : text.strip();
        return value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value;
    }
}
