package dev.faultline.adapters.http.pages;

/**
 * Text chosen by someone else (a client's self-registered name, a redirect host, crash text) made safe to show
 * beside Faultline's own words. Mustache already escapes HTML; what escaping does not stop is invisible format
 * characters: bidirectional controls such as U+202E RIGHT-TO-LEFT OVERRIDE, which make "Claude‮ppa.live" read as
 * something else, and zero-width ones (U+200B, U+2060, U+FEFF, tag characters) that make "Claude​" look
 * exactly like "Claude". Each is replaced by a visible marker, so the spoofing attempt itself is what is seen.
 */
public final class DisplayText {
    private DisplayText() {
    }

    public static String of(String untrusted) {
        if (untrusted == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder(untrusted.length());
        untrusted.codePoints().forEach(c -> {
            if (isInvisibleFormat(c)) {
                shown.append(String.format("[U+%04X]", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    /**
     * Unicode format characters (general category Cf): every bidi control of UAX #9 §2 and every zero-width
     * character, all invisible by design.
     */
    static boolean isInvisibleFormat(int c) {
        return Character.getType(c) == Character.FORMAT;
    }
}
