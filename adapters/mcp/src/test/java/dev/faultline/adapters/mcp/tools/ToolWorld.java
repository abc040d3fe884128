package dev.faultline.adapters.mcp.tools;

import dev.faultline.adapters.inmemory.intake.InMemoryIngestKeys;
import dev.faultline.application.intake.CreateApplicationWithIngestKeyService;
import dev.faultline.application.intake.GetIngestSetupService;
import dev.faultline.application.tracker.IssueRevisionCache;
import dev.faultline.domain.intake.IngestBaseUrl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.adapters.inmemory.InMemoryTransactions;
import dev.faultline.adapters.inmemory.account.InMemoryUsers;
import dev.faultline.adapters.inmemory.tracker.InMemoryApplications;
import dev.faultline.adapters.inmemory.tracker.InMemoryEvents;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssues;
import dev.faultline.adapters.inmemory.tracker.InMemoryMemberships;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueActivities;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueChanges;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueRevisions;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueTallies;
import dev.faultline.adapters.inmemory.tracker.InMemoryNotes;
import dev.faultline.adapters.mcp.McpTool;
import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.application.access.port.in.AuthenticateBearer.Caller;
import dev.faultline.application.access.port.in.AuthenticateBearer.Grant;
import dev.faultline.application.testing.Fixtures;
import dev.faultline.application.testing.MutableClock;
import dev.faultline.application.tracker.AddMemberService;
import dev.faultline.application.tracker.AddNoteService;
import dev.faultline.application.tracker.AssignIssueService;
import dev.faultline.application.tracker.CreateApplicationService;
import dev.faultline.application.tracker.DeleteNoteService;
import dev.faultline.application.intake.GetCrashReportService;
import dev.faultline.application.intake.GetIssueInFullService;
import dev.faultline.application.intake.IngestEventService;
import dev.faultline.adapters.inmemory.intake.InMemoryIngestedEvents;
import dev.faultline.adapters.inmemory.intake.InMemoryIssueGroupings;
import dev.faultline.application.tracker.EventRecorder;
import dev.faultline.domain.intake.GroupingPolicyV1;
import dev.faultline.application.tracker.GetIssueService;
import dev.faultline.application.tracker.ListApplicationsService;
import dev.faultline.application.tracker.ListEventsService;
import dev.faultline.application.tracker.ListIssuesService;
import dev.faultline.application.tracker.MuteIssueService;
import dev.faultline.application.tracker.RecordEventService;
import dev.faultline.application.tracker.ReopenIssueService;
import dev.faultline.application.tracker.ResolveIssueService;
import dev.faultline.application.tracker.port.in.AddMember;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.application.tracker.port.in.RecordEvent;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.User;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.AffectedUser;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.Fingerprint;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.Platform;
import dev.faultline.domain.tracker.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tools wired to the tracker use cases on fresh in-memory repositories (as TrackerWorld does in
 * adapters/inmemory), plus helpers that call a tool and check the result's shape.
 */
final class ToolWorld {
    static final String ISSUER = "https://faultline.example";
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** get_issue keeps renderings, so every tool test that calls it twice also checks they are never stale. */
    static final long RENDERED_ISSUES = 1024 * 1024;
    private static final Pattern FENCE = Pattern.compile(
            "<<<untrusted-data ([0-9a-f]{12})>>>\\n(.*)\\n<<<end-untrusted-data \\1>>>", Pattern.DOTALL);

    final MutableClock clock = MutableClock.startingAt("2026-11-23T10:00:00Z");
    final InMemoryUsers users = new InMemoryUsers();
    final InMemoryApplications applications = new InMemoryApplications();
    final InMemoryMemberships memberships = new InMemoryMemberships();
    final InMemoryIssueChanges changes = new InMemoryIssueChanges();
    final InMemoryEvents events = new InMemoryEvents(changes);
    final InMemoryNotes notes = new InMemoryNotes(changes);
    final InMemoryIssueActivities activities = new InMemoryIssueActivities(changes);
    final InMemoryIssueTallies tallies = new InMemoryIssueTallies();
    final InMemoryIssues issues = new InMemoryIssues(tallies, activities, changes);
    final InMemoryTransactions transactions = new InMemoryTransactions();
    final InMemoryIngestedEvents ingested = new InMemoryIngestedEvents();
    final InMemoryIssueGroupings groupings = new InMemoryIssueGroupings();
    final IngestEventService ingest = new IngestEventService(new GroupingPolicyV1(), applications, ingested,
            groupings, new EventRecorder(issues, events, activities, tallies), transactions);

    final InMemoryIngestKeys ingestKeys = new InMemoryIngestKeys();
    final CreateApplication createApplication = new CreateApplicationWithIngestKeyService(
            new CreateApplicationService(applications, memberships, users, transactions, clock), ingestKeys,
            transactions, clock);
    final AddMemberService addMember = new AddMemberService(memberships, users, clock);
    final RecordEventService recordEvent =
            new RecordEventService(issues, memberships, events, activities, tallies, transactions, clock);

    final FaultlineTools tools = new FaultlineTools(
            new ListApplicationsService(applications, memberships),
            new ListIssuesService(issues, memberships, applications, transactions, clock),
            new GetIssueInFullService(issues, memberships, applications, events, notes, groupings, tallies,
                    activities, users, new InMemoryIssueRevisions(issues, memberships, changes),
                    IssueRevisionCache.listeningTo(changes, new InMemoryIssueRevisions(issues, memberships, changes),
                            1_000), transactions, clock),
            new ListEventsService(issues, memberships, events),
            new GetCrashReportService(issues, memberships, events, ingested, clock),
            new ResolveIssueService(issues, memberships, activities, transactions, clock),
            new ReopenIssueService(issues, memberships, activities, transactions, clock),
            new MuteIssueService(issues, memberships, activities, transactions, clock),
            new AssignIssueService(issues, memberships, users, transactions, clock),
            new AddNoteService(issues, memberships, notes, transactions, clock),
            new DeleteNoteService(issues, memberships, notes, transactions),
            new GetIngestSetupService(applications, memberships, applications, ingestKeys,
                    IngestBaseUrl.parse(ISSUER + "/")),
            ISSUER + "/", RENDERED_ISSUES);

    User user() {
        User user = Fixtures.user();
        users.add(user);
        return user;
    }

    static Caller reader(User user) {
        return new Caller(user.id(), Scopes.READ_ONLY, new Grant.PersonalToken(PersonalTokenId.random()));
    }

    static Caller writer(User user) {
        return new Caller(user.id(), Scopes.READ_WRITE, new Grant.PersonalToken(PersonalTokenId.random()));
    }

    Application application(User owner, String slug, String name) {
        return ((CreateApplication.Outcome.Created) createApplication.createApplication(new CreateApplication.Command(
                Actor.person(owner.id()), name, new ApplicationSlug(slug), new Platform("java")))).application();
    }

    Application application(User owner) {
        return application(owner, "app-" + Fixtures.unique(), "App " + Fixtures.unique());
    }

    void join(Application application, User owner, User member) {
        AddMember.Outcome outcome = addMember.addMember(
                new AddMember.Command(Actor.person(owner.id()), application.id(), member.email(), Role.MEMBER));
        assertThat(outcome).isInstanceOf(AddMember.Outcome.Added.class);
    }

    static CrashReport report(String fingerprint, String title, String message, Instant at) {
        return new CrashReport(Optional.of(new Fingerprint(fingerprint)), Optional.ofNullable(title),
                "Service." + fingerprint, "java.lang.IllegalStateException", Level.ERROR, message, at,
                Fixtures.frames(), Optional.of("production"), Optional.of("1.0.0"),
                new TreeMap<>(Map.of("os", "linux")),
                Optional.of(new AffectedUser(Optional.of("u-17"), Optional.of("buyer@example.com"),
                        Optional.empty())));
    }

    RecordEvent.Outcome.Recorded record(User actor, Application app, CrashReport report) {
        RecordEvent.Outcome outcome = recordEvent.recordEvent(new RecordEvent.Command(Actor.person(actor.id()), app.id(), report));
        assertThat(outcome).isInstanceOf(RecordEvent.Outcome.Recorded.class);
        return (RecordEvent.Outcome.Recorded) outcome;
    }

    RecordEvent.Outcome.Recorded record(User actor, Application app, String fingerprint) {
        return record(actor, app, report(fingerprint, "Issue " + fingerprint, "something broke", clock.instant()));
    }

    McpTool tool(String name) {
        return tools.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    ToolResult call(String tool, Caller caller, String argumentsJson) {
        return tool(tool).call(caller.actor(), json(argumentsJson));
    }

    /** Calls, expects success, checks the content against the output schema and the text's fence; the content. */
    ObjectNode ok(String tool, Caller caller, String argumentsJson) {
        ToolResult result = call(tool, caller, argumentsJson);
        assertThat(result.isError()).as("isError; text: %s", result.text()).isFalse();
        assertThat(result.text()).isNotBlank();
        ObjectNode content = result.structuredContent().orElseThrow();
        assertThat(SchemaCheck.violations(tool(tool).outputSchema(), content))
                .as("structured content of %s conforms to its output schema: %s", tool, content).isEmpty();
        for (JsonNode path : content.get("untrusted")) {
            assertThat(SchemaPaths.exists(tool(tool).outputSchema(), path.asText()))
                    .as("untrusted path %s is a field of the output schema", path).isTrue();
        }
        return content;
    }

    /** Calls, expects an error result without structured content; its text. */
    String error(String tool, Caller caller, String argumentsJson) {
        ToolResult result = call(tool, caller, argumentsJson);
        assertThat(result.isError()).as("isError; text: %s", result.text()).isTrue();
        assertThat(result.structuredContent()).isEmpty();
        assertThat(result.text()).isNotBlank();
        return result.text();
    }

    static JsonNode json(String text) {
        try {
            return text == null ? null : MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The text inside the untrusted fence; fails when there is not exactly one well-formed fence. */
    static String fenced(String text) {
        Matcher matcher = FENCE.matcher(text);
        assertThat(matcher.find()).as("an untrusted fence in: %s", text).isTrue();
        String inside = matcher.group(2);
        assertThat(text.substring(0, matcher.start())).contains(UntrustedText.NOTICE);
        assertThat(matcher.find()).as("only one fence").isFalse();
        return inside;
    }

    /** The text outside the untrusted fence. */
    static String outsideFence(String text) {
        return FENCE.matcher(text).replaceAll("");
    }

    static List<String> strings(JsonNode array) {
        return MAPPER.convertValue(array, MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
