package dev.faultline.domain.intake;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * N(text) of grouping v1: the parts of a message that vary between occurrences of one problem (ids, numbers,
 * addresses, times, quoted values) become placeholders, so "timed out after 30s" and "after 45s" group together.
 * Only the first two non-empty lines count. The replacements run in this order, each on the previous one's
 * output, so a later pattern never sees what an earlier one replaced (placeholders hold no digits or quotes).
 */
final class MessageNormaliser {

    private record Rule(String placeholder, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("<email>", Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")),
            new Rule("<url>", Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s'\"<>]+")),
            new Rule("<uuid>", Pattern.compile(
                    "\\b[0-9A-Fa-f]{8}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{12}\\b")),
            new Rule("<ip>", Pattern.compile("\\b(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
                    + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\b")),
            new Rule("<date>", Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?"
                    + "(?:Z|[+-]\\d{2}:?\\d{2})?)?\\b|\\b\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\b")),
            new Rule("<duration>", Pattern.compile("\\b\\d+(?:\\.\\d+)?\\s?(?:ns|us|µs|ms|s|secs?|seconds?|m|mins?"
                    + "|minutes?|h|hrs?|hours?|d|days?)\\b")),
            new Rule("<hex>", Pattern.compile("\\b0[xX][0-9A-Fa-f]+\\b|\\b[0-9A-Fa-f]{16,}\\b")),
            new Rule("<float>", Pattern.compile("\\b\\d+\\.\\d+\\b")),
            new Rule("<int>", Pattern.compile("\\b\\d+\\b")),
            new Rule("<quoted>", Pattern.compile("'[^'\\n]*'|\"[^\"\\n]*\"")));

    private MessageNormaliser() {
    }

    static String normalise(String text) {
        String result = firstTwoLines(text);
        for (Rule rule : RULES) {
            result = rule.pattern().matcher(result).replaceAll(rule.placeholder());
        }
        return result;
    }

    private static String firstTwoLines(String text) {
        List<String> lines = Arrays.stream(text.split("\\R")).filter(line -> !line.isBlank()).toList();
        String kept = String.join("\n", lines.subList(0, Math.min(2, lines.size())));
        return lines.size() > 2 ? kept + "..." : kept;
    }
}
