package dev.faultline.application.testing;

import dev.faultline.domain.account.DisplayName;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.PasswordHash;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.AffectedUser;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.Fingerprint;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.IssueStatus;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.Platform;
import dev.faultline.domain.tracker.StackFrame;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builders for test data. Names, e-mail addresses and slugs are random, so contract suites can share one
 * database between tests without colliding.
 */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private Fixtures() {
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static User user() {
        return user("user-" + unique() + "@example.org");
    }

    public static User user(String email) {
        return new User(UserId.random(), EmailAddress.of(email), DisplayName.of("User " + unique()),
                new PasswordHash("$fake$v2$" + unique()), T0);
    }

    public static Application application() {
        return application("App " + unique());
    }

    public static Application application(String name) {
        return new Application(ApplicationId.random(), name, new ApplicationSlug("app-" + unique()),
                new Platform("java"), T0);
    }

    /** An issue with explicit seen times and count, unresolved and unassigned. */
    public static Issue issue(ApplicationId app, String title, Instant firstSeen, Instant lastSeen, long count) {
        return new Issue(IssueId.random(), app, new Fingerprint("fp-" + unique()), title, "OrderService.checkout",
                "java.lang.IllegalStateException", Level.ERROR, IssueStatus.UNRESOLVED, Optional.empty(),
                firstSeen, lastSeen, count, Optional.empty());
    }

    public static Issue issue(ApplicationId app) {
        return issue(app, "IllegalStateException: cart is empty", T0, T0, 1);
    }

    public static Issue withText(Issue issue, String title, String culprit, String exceptionType) {
        return new Issue(issue.id(), issue.applicationId(), issue.fingerprint(), title, culprit, exceptionType,
                issue.level(), issue.status(), issue.mute(), issue.firstSeen(), issue.lastSeen(), issue.eventCount(),
                issue.assignee());
    }

    public static Issue withLevel(Issue issue, Level level) {
        return new Issue(issue.id(), issue.applicationId(), issue.fingerprint(), issue.title(), issue.culprit(),
                issue.exceptionType(), level, issue.status(), issue.mute(), issue.firstSeen(), issue.lastSeen(),
                issue.eventCount(), issue.assignee());
    }

    public static Issue withId(Issue issue, UUID id) {
        return new Issue(new IssueId(id), issue.applicationId(), issue.fingerprint(), issue.title(), issue.culprit(),
                issue.exceptionType(), issue.level(), issue.status(), issue.mute(), issue.firstSeen(),
                issue.lastSeen(), issue.eventCount(), issue.assignee());
    }

    public static List<StackFrame> frames() {
        return List.of(
                new StackFrame("OrderService.java", "dev.shop.OrderService.checkout", 87, true),
                new StackFrame("CheckoutController.java", "dev.shop.web.CheckoutController.post", 42, true),
                new StackFrame("Method.java", "java.lang.reflect.Method.invoke", 580, false));
    }

    public static Event event(IssueId issue, Instant at) {
        TreeMap<String, String> tags = new TreeMap<>();
        tags.put("os", "linux");
        tags.put("browser", "firefox");
        return new Event(EventId.random(), issue, at, "cart is empty\nwhile checking out",
                "java.lang.IllegalStateException", Level.ERROR, frames(), Optional.of("production"),
                Optional.of("shop@1.4.2"), tags,
                Optional.of(new AffectedUser(Optional.of("u-17"), Optional.of("buyer@example.com"), Optional.empty())));
    }

    public static Event bareEvent(IssueId issue, Instant at) {
        return new Event(EventId.random(), issue, at, "", "E", Level.INFO, List.of(), Optional.empty(),
                Optional.empty(), new TreeMap<>(), Optional.empty());
    }
}
