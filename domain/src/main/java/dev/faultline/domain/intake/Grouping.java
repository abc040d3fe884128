package dev.faultline.domain.intake;

import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Fingerprint;
import dev.faultline.domain.tracker.Issue;
import java.util.Objects;

/**
 * Which issue an event belongs to, and why: the grouping {@code version} that decided, the {@code canonicalText}
 * it hashed (shown as "why these events are one issue"), the resulting {@code fingerprint}, and the issue's
 * {@code title} and {@code culprit} (single lines within the issue's limits).
 */
public record Grouping(int version, String canonicalText, Fingerprint fingerprint, String title, String culprit) {
    /** How much of the canonical text is kept on the issue to explain its grouping. */
    public static final int MAX_EXPLANATION_LENGTH = 8192;

    public Grouping {
        InvalidValue.require(version >= 1, "grouping_version", "a grouping version is 1 or more");
        Objects.requireNonNull(canonicalText, "canonical_text");
        Objects.requireNonNull(fingerprint, "fingerprint");
        title = Checks.line(title, "title", Issue.MAX_TITLE_LENGTH);
        culprit = Checks.line(culprit, "culprit", Issue.MAX_CULPRIT_LENGTH);
    }

    /** The canonical text as kept on the issue: cut to {@link #MAX_EXPLANATION_LENGTH}, marked with an ellipsis. */
    public String explanation() {
        if (canonicalText.length() <= MAX_EXPLANATION_LENGTH) {
            return canonicalText;
        }
        int end = MAX_EXPLANATION_LENGTH - 1;
        if (Character.isHighSurrogate(canonicalText.charAt(end - 1))) {
            end--;
        }
        return canonicalText.substring(0, end) + "…";
    }
}
