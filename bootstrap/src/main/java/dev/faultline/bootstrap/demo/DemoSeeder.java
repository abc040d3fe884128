package dev.faultline.bootstrap.demo;

import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.application.tracker.port.in.AddNote;
import dev.faultline.application.tracker.port.in.AssignIssue;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.application.tracker.port.in.GrantMembership;
import dev.faultline.application.tracker.port.in.MuteIssue;
import dev.faultline.application.tracker.port.in.RecordEvent;
import dev.faultline.application.tracker.port.in.ResolveIssue;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.bootstrap.wiring.GeneratedPasswords;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.AffectedUser;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.MuteRule;
import dev.faultline.domain.tracker.Platform;
import dev.faultline.domain.tracker.Role;
import dev.faultline.domain.tracker.StackFrame;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeds a demo installation in one unit of work: a demo user and a teammate, two applications, and 50 issues
 * with events spread over three weeks (stack traces, releases, environments, affected users), some resolved,
 * muted or assigned, some with notes. The crash data is deterministic; the passwords are not.
 */
public final class DemoSeeder {
    public static final String DEMO_EMAIL = "demo@faultline.dev";
    public static final String TEAMMATE_EMAIL = "sam@faultline.dev";

    private final Faultline faultline;
    private final Random random = new Random(20261123L);

    public DemoSeeder(Faultline faultline) {
        this.faultline = faultline;
    }

    /** What was seeded, including the demo login; the teammate's password is never shown. */
    public record Seeded(String email, String password, List<Application> applications, int issues, int events) {
        @Override
        public String toString() {
            return "Seeded[email=" + email + ", password=redacted, issues=" + issues + ", events=" + events + "]";
        }
    }

    /** Seeds everything, or nothing when the demo user exists already. */
    public Optional<Seeded> seed() {
        return faultline.transactions().inTransaction(() -> {
            String password = GeneratedPasswords.generate();
            Optional<UserId> demo = faultline.account().createUser().createUser(
                    CreateUser.Command.of(DEMO_EMAIL, "Dana Demo", password)).fold(
                            created -> Optional.of(created.userId()),
                            taken -> Optional.empty());
            if (demo.isEmpty()) {
                return Optional.empty();
            }
            UserId owner = demo.get();
            UserId teammate = faultline.account().createUser().createUser(
                    CreateUser.Command.of(TEAMMATE_EMAIL, "Sam Teammate", GeneratedPasswords.generate())).fold(
                            CreateUser.Outcome.Created::userId,
                            taken -> {
                                throw new IllegalStateException("the demo teammate exists without the demo user");
                            });

            Instant now = faultline.clock().instant().truncatedTo(ChronoUnit.SECONDS);
            Application checkout = application(owner, "Checkout API", "checkout-api", "java");
            Application pocket = application(owner, "Pocket for Android", "pocket-android", "android");

            List<Issue> issues = new ArrayList<>();
            int[] events = {0};
            seedApplication(owner, checkout, DemoCatalog.CHECKOUT_API, DemoCatalog.SERVER_FRAMEWORK, "checkout@2.14.", now, issues, events);
            seedApplication(owner, pocket, DemoCatalog.POCKET_ANDROID, DemoCatalog.ANDROID_FRAMEWORK, "pocket-android@5.3.", now, issues, events);
            triage(owner, teammate, issues, now);
            return Optional.of(new Seeded(DEMO_EMAIL, password, List.of(checkout, pocket), issues.size(), events[0]));
        });
    }

    /** A demo application owned by the demo user, with the teammate as a member. */
    private Application application(UserId owner, String name, String slug, String platform) {
        CreateApplication.Outcome outcome = faultline.tracker().createApplication().createApplication(
                new CreateApplication.Command(Actor.person(owner), name, new ApplicationSlug(slug), new Platform(platform)));
        Application created = outcome.fold(
                refused -> notCreated(slug, refused),
                CreateApplication.Outcome.Created::application,
                taken -> notCreated(slug, taken),
                unknown -> notCreated(slug, unknown));
        faultline.tracker().grantMembership().grantMembership(new GrantMembership.Command(
                new ApplicationSlug(slug), EmailAddress.of(TEAMMATE_EMAIL), Role.MEMBER));
        return created;
    }

    private static Application notCreated(String slug, CreateApplication.Outcome outcome) {
        throw new IllegalStateException("demo application " + slug + " could not be created: " + outcome);
    }

    private void seedApplication(UserId owner, Application application, List<CrashTemplate> crashes,
                                 List<StackFrame> framework, String releasePrefix, Instant now,
                                 List<Issue> issues, int[] events) {
        for (CrashTemplate crash : crashes) {
            int count = 1 + (int) Math.round(Math.pow(random.nextDouble(), 2.5) * 60);
            Instant first = now.minus(Duration.ofMinutes(60 + random.nextInt(21 * 24 * 60)));
            Issue latest = null;
            for (int i = 0; i < count; i++) {
                long spanMinutes = Math.max(1, Duration.between(first, now).toMinutes());
                Instant at = i == 0 ? first : first.plus(Duration.ofMinutes((long) (random.nextDouble() * spanMinutes)));
                RecordEvent.Outcome outcome = faultline.tracker().recordEvent().recordEvent(
                        new RecordEvent.Command(Actor.person(owner), application.id(), report(crash, framework, releasePrefix, at)));
                latest = outcome.fold(
                        refused -> notRecorded(outcome),
                        RecordEvent.Outcome.Recorded::issue,
                        notFound -> notRecorded(outcome));
                events[0]++;
            }
            issues.add(latest);
        }
    }

    private static Issue notRecorded(RecordEvent.Outcome outcome) {
        throw new IllegalStateException("a demo event could not be recorded: " + outcome);
    }

    private CrashReport report(CrashTemplate crash, List<StackFrame> framework, String releasePrefix, Instant at) {
        boolean android = releasePrefix.startsWith("pocket");
        TreeMap<String, String> tags = new TreeMap<>(android
                ? Map.of("device", pick("Pixel 8", "Galaxy S23", "Redmi Note 12", "Pixel 6a", "OnePlus 11"),
                         "os", pick("Android 14", "Android 13", "Android 15"),
                         "locale", pick("en-US", "de-DE", "pt-BR", "ja-JP"))
                : Map.of("host", pick("checkout-7f9c", "checkout-2b1d", "checkout-91aa"),
                         "region", pick("eu-west-1", "us-east-1"),
                         "http.route", pick("POST /checkout", "GET /cart", "PUT /cart", "POST /payments")));
        String release = releasePrefix + (random.nextInt(4));
        AffectedUser user = new AffectedUser(Optional.of("u-" + (1000 + random.nextInt(9000))),
                Optional.empty(), Optional.empty());
        return new CrashReport(Optional.empty(), Optional.empty(), crash.culprit(), crash.exceptionType(),
                crash.level(), crash.message(), at, crash.frames(framework),
                Optional.of(random.nextInt(10) < 8 ? "production" : "staging"), Optional.of(release), tags,
                Optional.of(user));
    }

    private void triage(UserId owner, UserId teammate, List<Issue> issues, Instant now) {
        String[] notes = {
            "Reproduced locally with an empty cart after the session expired. Fix in review.",
            "Started right after the 2.14.1 deploy; the connection pool was lowered from 40 to 20 there.",
            "Customer support has three tickets about this. Priority for this sprint.",
            "Only on Samsung devices with Android 13 so far.",
            "Upstream rate limiting. We should back off and retry instead of failing the checkout.",
            "Looks like a race between the sweeper and checkout. Needs a lock or a queue.",
            "Won't fix in the legacy login screen; it is removed in 5.4.",
            "The currency list comes from the partner feed; XXX is their placeholder for unknown.",
            "Heap dump attached to the incident; the CSV export loads everything into memory.",
            "Certificate rotated on the partner side on Monday; pinning config needs the new pin.",
        };
        for (int i = 0; i < issues.size(); i++) {
            Issue issue = issues.get(i);
            if (i % 5 == 0 && i / 5 < notes.length) {
                faultline.tracker().addNote().addNote(new AddNote.Command(Actor.person(owner), issue.id(), notes[i / 5]));
            }
            if (i % 7 == 1) {
                faultline.tracker().resolveIssue().resolveIssue(new ResolveIssue.Command(Actor.person(owner), issue.id()));
            } else if (i % 11 == 2) {
                faultline.tracker().muteIssue().muteIssue(new MuteIssue.Command(Actor.person(owner), issue.id(), new MuteRule.Forever()));
            } else if (i % 13 == 3) {
                faultline.tracker().muteIssue().muteIssue(new MuteIssue.Command(Actor.person(owner), issue.id(),
                        new MuteRule.UntilTime(now.plus(Duration.ofDays(7)))));
            } else if (i % 17 == 4) {
                faultline.tracker().muteIssue().muteIssue(new MuteIssue.Command(Actor.person(owner), issue.id(),
                        new MuteRule.UntilMoreEvents(100)));
            }
            if (i % 4 == 2) {
                faultline.tracker().assignIssue().assignIssue(AssignIssue.Command.toUser(Actor.person(owner), issue.id(),
                        Optional.of(i % 8 == 2 ? teammate : owner)));
            }
        }
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }
}
