package dev.faultline.domain.tracker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Test fixtures for issues and events. */
final class Issues {
    static final ApplicationId APP = ApplicationId.random();

    private Issues() {
    }

    static Issue fresh(Instant firstSeen) {
        return Issue.open(APP, new Fingerprint("checkout-npe"), "NullPointerException: cart is null",
                "OrderService.checkout", "java.lang.NullPointerException", Level.ERROR, firstSeen);
    }

    static Event eventOf(Issue issue, Instant at) {
        return new Event(EventId.random(), issue.id(), at, "cart is null", "java.lang.NullPointerException",
                Level.ERROR, List.of(new StackFrame("OrderService.java", "checkout", 42, true)),
                Optional.of("production"), Optional.of("1.4.2"), new TreeMap<>(), Optional.empty());
    }

    static Issue withEvents(Instant at, int events) {
        Issue issue = fresh(at);
        for (int i = 0; i < events; i++) {
            issue = issue.recordEvent(eventOf(issue, at.plusSeconds(i)), at.plusSeconds(i)).issue();
        }
        return issue;
    }
}
