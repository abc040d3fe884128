package dev.faultline.adapters.pages;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The "Create a personal token" form as shown: what was typed, which choices are selected, and one message per
 * field that was wrong. Expiry is a choice from a short list, so a typo can't create a token that lives forever.
 */
public record TokenForm(String title, boolean readChecked, boolean writeChecked, List<ExpiryChoice> expiryChoices,
        String titleError, String scopeError, String expiryError) {

    /** The choices of the expiry list; {@code value} is what the form posts. */
    public enum Expiry {
        DAYS_7("7", "7 days", Duration.ofDays(7)),
        DAYS_30("30", "30 days", Duration.ofDays(30)),
        DAYS_90("90", "90 days", Duration.ofDays(90)),
        YEAR("365", "1 year", Duration.ofDays(365)),
        NEVER("never", "No expiry", null);

        static final Expiry RECOMMENDED = DAYS_90;

        private final String value;
        private final String label;
        private final Duration lifetime;

        Expiry(String value, String label, Duration lifetime) {
            this.value = value;
            this.label = label;
            this.lifetime = lifetime;
        }

        /** Empty when {@code posted} is not one of the choices. */
        static Optional<Expiry> fromValue(String posted) {
            return Arrays.stream(values()).filter(e -> e.value.equals(posted)).findFirst();
        }

        /** Empty for {@link #NEVER}. */
        Optional<Duration> lifetime() {
            return Optional.ofNullable(lifetime);
        }
    }

    public record ExpiryChoice(String value, String label, boolean selected) {
    }

    public static TokenForm blank() {
        return new TokenForm("", true, false, choices(Expiry.RECOMMENDED.value), null, null, null);
    }

    static TokenForm as(String title, boolean read, boolean write, String expiry) {
        return new TokenForm(title == null ? "" : title, read, write, choices(expiry), null, null, null);
    }

    TokenForm withTitleError(String message) {
        return new TokenForm(title, readChecked, writeChecked, expiryChoices, message, scopeError, expiryError);
    }

    TokenForm withScopeError(String message) {
        return new TokenForm(title, readChecked, writeChecked, expiryChoices, titleError, message, expiryError);
    }

    TokenForm withExpiryError(String message) {
        return new TokenForm(title, readChecked, writeChecked, expiryChoices, titleError, scopeError, message);
    }

    public boolean hasErrors() {
        return titleError != null || scopeError != null || expiryError != null;
    }

    private static List<ExpiryChoice> choices(String selected) {
        return Arrays.stream(Expiry.values())
                .map(e -> new ExpiryChoice(e.value, e.label, e.value.equals(selected)))
                .toList();
    }
}
