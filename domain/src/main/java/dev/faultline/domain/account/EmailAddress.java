package dev.faultline.domain.account;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address, trimmed and lowercased so that {@code Ada@Example.org} and {@code ada@example.org} are one
 * account. Validation is deliberately shallow (one {@code @}, a dotted domain, no spaces, RFC 5321 lengths):
 * whether the mailbox exists is not something a format check can know. Text that no address can contain is
 * refused outright, never cleaned up: control characters (NUL included, which PostgreSQL cannot even store), lone
 * surrogates and U+FFFD (what a decoder leaves of bytes that were not UTF-8).
 *
 * <p>Reading is tolerant, writing is strict: the constructor, through which stored addresses come back, takes the
 * address as stored (a row written under older or looser rules must still show); {@link #of} applies today's rules
 * wherever an address enters (registration, sign-in, member and CLI input).
 */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 320;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public EmailAddress {
        InvalidValue.require(value != null, "email", "an e-mail address is required");
    }

    /** An address entered today: checked, then trimmed and lowercased. */
    public static EmailAddress of(String text) {
        String value = text;
        InvalidValue.require(value != null && !value.isBlank(), "email", "an e-mail address is required");
        InvalidValue.require(value.chars().noneMatch(Character::isISOControl), "email",
                "an e-mail address must not contain control characters");
        InvalidValue.require(isWellFormedText(value), "email",
                "an e-mail address must be well-formed Unicode text (no lone surrogates or U+FFFD)");
        value = value.strip().toLowerCase(Locale.ROOT);
        InvalidValue.require(value.length() <= MAX_LENGTH, "email",
                "an e-mail address is at most " + MAX_LENGTH + " characters");
        InvalidValue.require(SHAPE.matcher(value).matches(), "email",
                "\"" + value + "\" is not an e-mail address (expected name@domain.tld)");
        return new EmailAddress(value);
    }

    private static boolean isWellFormedText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
