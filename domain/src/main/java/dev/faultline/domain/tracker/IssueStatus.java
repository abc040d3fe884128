package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where an issue stands in triage. */
public enum IssueStatus {
    UNRESOLVED,
    RESOLVED,
    MUTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status {@code text} names: its wire name in any letter case, surrounding spaces ignored; refused as an
     * {@link InvalidValue} naming the field {@code status} and listing {@link #expected()}.
     */
    public static IssueStatus parse(String text) {
        return find(text).orElseThrow(() -> new InvalidValue("status", "unknown status \"" + text
                + "\"; expected one of " + expected()));
    }

    /** As {@link #parse}, empty where parse refuses: for a surface that words the refusal for its readers. */
    public static Optional<IssueStatus> find(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wanted)).findFirst();
    }

    /** Every wire name, in order, comma separated: {@code unresolved, resolved, muted}. */
    public static String expected() {
        return Arrays.stream(values()).map(IssueStatus::wireName).collect(Collectors.joining(", "));
    }
}
