package dev.faultline.adapters.pages;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What My Integrations says after a change (post, then redirect, then this message). Only these fixed texts can
 * be shown; the one-time notice cookie the change sets names one of them and is never echoed.
 */
enum Notice {
    INTEGRATION_REVOKED("Access revoked. That app's tokens stopped working, and it must ask you again to reconnect."),
    NOTHING_TO_REVOKE("That app had no active access, so nothing changed."),
    TOKEN_REVOKED("Personal token revoked. It stopped working immediately."),
    TOKEN_ALREADY_REVOKED("That personal token was already revoked."),
    TOKEN_NOT_FOUND("That personal token does not exist (any more), so nothing changed."),
    ALL_REVOKED("Every connection was cut off: all apps and all personal tokens stopped working."),
    ALL_REVOKED_AND_SIGNED_OUT("Every connection was cut off: all apps and all personal tokens stopped working, and"
            + " every browser session ended. This browser was signed in again with a new session."),
    KEY_CREATED("Ingest key created. Its DSN is listed below."),
    KEY_DISABLED("Key disabled. SDKs using its DSN are refused from now on; nothing already stored was lost."),
    KEY_ENABLED("Key enabled. SDKs using its DSN can report again."),
    KEY_DELETED("Key deleted. SDKs still using its DSN are refused from now on."),
    KEY_NOT_FOUND("That key does not exist (any more), so nothing changed.");

    private final String message;

    Notice(String message) {
        this.message = message;
    }

    String message() {
        return message;
    }

    /** The cookie value, e.g. {@code integration-revoked}. */
    String parameter() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<Notice> fromParameter(String value) {
        return Arrays.stream(values()).filter(n -> n.parameter().equals(value)).findFirst();
    }
}
