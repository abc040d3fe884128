package dev.faultline.adapters.http.pages;

/**
 * Text chosen by someone else (a client's self-registered name, a redirect host) made safe to show beside
 * Faultline's own words. Mustache already escapes HTML; what escaping does not stop is bidirectional-text
 * controls such as U+202E RIGHT-TO-LEFT OVERRIDE, which make "Claude‮ppa.live" read as something else. Each
 * such character is replaced by a visible marker, so the spoofing attempt itself is what the person sees.
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
            if (isBidiControl(c)) {
                shown.append(String.format("[U+%04X]", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    /** The explicit directional formatting characters of Unicode's bidi algorithm (UAX #9 §2). */
    static boolean isBidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
