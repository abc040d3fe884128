package dev.faultline.adapters.ingest.protocol;

import java.util.regex.Pattern;

/**
 * One line of an SDK's client report: how many items of a data category it dropped itself, and why (for example
 * {@code ratelimit_backoff}, {@code error}, 4 after a 429). Reason and category are short lowercase tokens so they
 * can be metric labels.
 */
public record DiscardedEvents(String reason, String category, long quantity) {

    static final Pattern TOKEN = Pattern.compile("[a-z0-9_.:-]{1,64}");

    public DiscardedEvents {
        if (reason == null || !TOKEN.matcher(reason).matches()) {
            throw new IllegalArgumentException("a discard reason is a short lowercase token");
        }
        if (category == null || !TOKEN.matcher(category).matches()) {
            throw new IllegalArgumentException("a data category is a short lowercase token");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("a discarded quantity is positive, not " + quantity);
        }
    }
}
