package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.application.intake.port.in.GetIssueInFull;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.IssueId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * get_issue's latest renderings, per issue and person (notes are marked "mine" per person), each with the version of
 * the issue it shows. Whether one may be answered again is never decided here: the caller asks
 * {@link GetIssueInFull#getIssueInFullIfChanged} with the version, which reads the issue's revision and the caller's
 * membership each time, so an answer is exact on every instance sharing the database. At most {@code capacity}
 * renderings are kept, the least recently used going first; 0 keeps none.
 */
final class IssueRenderings {
    /**
     * What get_issue made of one version of an issue for one person. {@code content} is complete and never changed
     * again (it is shared by every answer made from it); the text is fenced afresh for each answer.
     */
    record Rendering(GetIssueInFull.Version version, ObjectNode content, String summary, String untrustedText) {
        Rendering {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(untrustedText, "untrustedText");
        }
    }

    private record Key(IssueId issueId, UserId person) {
    }

    private final int capacity;
    private final Map<Key, Rendering> renderings;

    IssueRenderings(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("the rendered-issue cache holds 0 or more issues, was " + capacity);
        }
        this.capacity = capacity;
        this.renderings = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Rendering> eldest) {
                return size() > IssueRenderings.this.capacity;
            }
        };
    }

    Optional<Rendering> find(IssueId issueId, UserId person) {
        if (capacity == 0) {
            return Optional.empty();
        }
        synchronized (renderings) {
            return Optional.ofNullable(renderings.get(new Key(issueId, person)));
        }
    }

    void remember(UserId person, Rendering rendering) {
        if (capacity == 0) {
            return;
        }
        synchronized (renderings) {
            renderings.put(new Key(rendering.version().issueId(), person), rendering);
        }
    }

    /** Forgets what was rendered of the issue for the person, e.g. once it is no longer theirs to see. */
    void forget(IssueId issueId, UserId person) {
        if (capacity == 0) {
            return;
        }
        synchronized (renderings) {
            renderings.remove(new Key(issueId, person));
        }
    }

    int size() {
        synchronized (renderings) {
            return renderings.size();
        }
    }
}
