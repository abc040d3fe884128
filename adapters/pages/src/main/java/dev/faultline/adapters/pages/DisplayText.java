package dev.faultline.adapters.pages;

/**
 * Text chosen by someone else (a client's self-registered name, a redirect host, crash text, a display name) made
 * safe to show beside Faultline's own words. Mustache already escapes HTML; what escaping does not stop is
 * invisible characters: bidirectional controls such as U+202E RIGHT-TO-LEFT OVERRIDE, which make "Claude‮ppa.live"
 * read as something else, zero-width and tag characters that make "Claude\u200B" look exactly like "Claude",
 * Hangul fillers that look like nothing, and runs of variation selectors that can carry hidden text. Each is
 * replaced by a visible marker, so the spoofing attempt itself is what is seen. So are control characters (ESC, BEL,
 * NUL, DEL, the C1 range) other than tab and line breaks: stored text that today's rules would refuse (reading is
 * tolerant) is shown, never passed raw to a terminal, a window title or a screen reader.
 *
 * <p>What writing systems and emoji need stays: a zero-width (non-)joiner between two visible characters (Persian,
 * Indic scripts, 👩‍💻) and one variation selector right after a visible character (❤️).
 */
public final class DisplayText {
    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private DisplayText() {
    }

    public static String of(String untrusted) {
        if (untrusted == null) {
            return "";
        }
        int[] codePoints = untrusted.codePoints().toArray();
        StringBuilder shown = new StringBuilder(untrusted.length());
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            int before = i > 0 ? codePoints[i - 1] : -1;
            int after = i + 1 < codePoints.length ? codePoints[i + 1] : -1;
            if (isHidden(c, before, after)) {
                shown.append(String.format("[U+%04X]", c));
            } else {
                shown.appendCodePoint(c);
            }
        }
        return shown.toString();
    }

    private static boolean isHidden(int c, int before, int after) {
        if (c == ZWJ || c == ZWNJ) {
            return !(isVisible(before) && isVisible(after));
        }
        if (isVariationSelector(c)) {
            return !isVisible(before);
        }
        return Character.getType(c) == Character.FORMAT || isBlankLookalike(c) || isHiddenControl(c);
    }

    /** Something that draws on its own: not a format character, filler, variation selector or white space. */
    private static boolean isVisible(int c) {
        return c >= 0 && Character.getType(c) != Character.FORMAT && !isBlankLookalike(c) && !isVariationSelector(c)
                && !Character.isWhitespace(c) && !Character.isISOControl(c);
    }

    /** Control characters other than the white space that multi-line text needs (tab, line feed, return). */
    private static boolean isHiddenControl(int c) {
        return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
    }

    private static boolean isVariationSelector(int c) {
        return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    }

    /** Letters and marks that render as nothing: Hangul fillers and the combining grapheme joiner. */
    private static boolean isBlankLookalike(int c) {
        return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x034F;
    }
}
