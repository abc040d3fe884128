package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.application.intake.port.in.GetIssueInFull;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.IssueId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * get_issue's latest renderings, per issue and person (notes are marked "mine" per person), each with the version of
 * the issue it shows. Whether one may be answered again is never decided here: the caller asks
 * {@link GetIssueInFull#getIssueInFullIfChanged} with the version, which checks the issue's revision and the caller's
 * membership each time (in memory while the instance hears the database's notices of their changes), so an answer is
 * current with every change made through this instance and every change made through another once it is heard.
 *
 * <p>Bounded by memory, not by count: a rendering weighs an estimate of what it holds ({@link Rendering#weight}), at
 * most {@code budgetBytes} are kept, the least recently used going first, and one heavier than a sixteenth of the
 * budget is not kept at all (a crash report can carry 250 frames of 2 KB each, and anyone with an application's DSN
 * can send one). A budget of 0 keeps none.
 */
final class IssueRenderings {
    /**
     * What get_issue made of one version of an issue for one person. {@code content} is complete and never changed
     * again (it is shared by every answer made from it); the text is fenced afresh for each answer.
     */
    record Rendering(GetIssueInFull.Version version, ObjectNode content, String summary,
            UntrustedText.Printable untrustedText) {
        /** Per entry: the key, the version and the map's own nodes. */
        private static final long OVERHEAD_BYTES = 1024;
        /** Per JSON value of the structured content: its node, its field name and its map entry (measured: ~100). */
        private static final long BYTES_PER_JSON_VALUE = 112;
        /** Per character of text, kept as UTF-16 at worst. */
        private static final long BYTES_PER_CHARACTER = 2;

        Rendering {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(untrustedText, "untrustedText");
        }

        /**
         * An estimate of the heap this rendering holds, in bytes, on the high side: the text at two bytes a character
         * and the structured content by its values and their text (a 250-frame answer held 140 KB in a heap
         * measurement, 5 frames 26 KB). Walks the content, so call it once per rendering.
         */
        long weight() {
            return OVERHEAD_BYTES + BYTES_PER_CHARACTER * ((long) summary.length() + untrustedText.text().length())
                    + weightOf(content);
        }

        private static long weightOf(JsonNode node) {
            long weight = BYTES_PER_JSON_VALUE;
            if (node.isTextual()) {
                weight += BYTES_PER_CHARACTER * node.textValue().length();
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                weight += BYTES_PER_CHARACTER * field.getKey().length() + weightOf(field.getValue());
            }
            if (node.isArray()) {
                for (JsonNode element : node) {
                    weight += weightOf(element);
                }
            }
            return weight;
        }
    }

    private record Key(IssueId issueId, UserId person) {
    }

    private record Kept(Rendering rendering, long weight) {
    }

    private final long budgetBytes;
    private final LinkedHashMap<Key, Kept> renderings = new LinkedHashMap<>(16, 0.75f, true);
    private long heldBytes;

    IssueRenderings(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("the rendered-issue cache's budget is 0 or more bytes, was "
                    + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    Optional<Rendering> find(IssueId issueId, UserId person) {
        if (budgetBytes == 0) {
            return Optional.empty();
        }
        synchronized (renderings) {
            return Optional.ofNullable(renderings.get(new Key(issueId, person))).map(Kept::rendering);
        }
    }

    /** Keeps {@code rendering} for the person, unless it is too heavy; what was kept for them of the issue goes. */
    void remember(UserId person, Rendering rendering) {
        if (budgetBytes == 0) {
            return;
        }
        Key key = new Key(rendering.version().issueId(), person);
        long weight = rendering.weight();
        synchronized (renderings) {
            drop(key);
            if (weight > budgetBytes / 16) {
                return;
            }
            renderings.put(key, new Kept(rendering, weight));
            heldBytes += weight;
            Iterator<Kept> leastRecentFirst = renderings.values().iterator();
            while (heldBytes > budgetBytes) {
                heldBytes -= leastRecentFirst.next().weight();
                leastRecentFirst.remove();
            }
        }
    }

    /** Forgets what was rendered of the issue for the person, e.g. once it is no longer theirs to see. */
    void forget(IssueId issueId, UserId person) {
        if (budgetBytes == 0) {
            return;
        }
        synchronized (renderings) {
            drop(new Key(issueId, person));
        }
    }

    private void drop(Key key) {
        Kept dropped = renderings.remove(key);
        if (dropped != null) {
            heldBytes -= dropped.weight();
        }
    }

    int size() {
        synchronized (renderings) {
            return renderings.size();
        }
    }

    long heldBytes() {
        synchronized (renderings) {
            return heldBytes;
        }
    }
}
