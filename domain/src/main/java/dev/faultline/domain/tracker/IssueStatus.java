package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where an issue stands in triage. */
public enum IssueStatus {
    UNRESOLVED,
    RESOLVED,
    MUTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IssueStatus parse(String text) {
        return Arrays.stream(values()).filter(s -> s.wireName().equalsIgnoreCase(text == null ? "" : text.strip()))
                .findFirst().orElseThrow(() -> new InvalidValue("status", "unknown status \"" + text
                        + "\"; expected one of " + Arrays.stream(values()).map(IssueStatus::wireName)
                        .collect(Collectors.joining(", "))));
    }
}
