package dev.faultline.adapters.http.transport;

/**
 * Client-supplied text quoted in an error message: shortened, and every character outside printable ASCII
 * shown as its code point ({@code [U+0000]}), so the message stays readable and valid in every error format
 * (RFC 6749 allows only printable ASCII in {@code error_description}) and says exactly what was sent.
 */
public final class Printable {
    private Printable() {
    }

    public static String of(String text, int maxChars) {
        StringBuilder shown = new StringBuilder();
        int i = 0;
        while (i < text.length() && i < maxChars) {
            int c = text.codePointAt(i);
            if (c >= 0x20 && c <= 0x7E) {
                shown.append((char) c);
            } else {
                shown.append(String.format(java.util.Locale.ROOT, "[U+%04X]", c));
            }
            i += Character.charCount(c);
        }
        return i < text.length() ? shown + "..." : shown.toString();
    }
}
