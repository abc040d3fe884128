package dev.faultline.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.inmemory.storage.InMemoryStorage;
import dev.faultline.application.intake.port.in.AuthenticateIngestKey;
import dev.faultline.application.intake.port.in.CreateIngestKey;
import dev.faultline.application.intake.port.in.DeleteIngestKey;
import dev.faultline.application.intake.port.in.GetIngestSetup;
import dev.faultline.application.intake.port.in.Requester;
import dev.faultline.application.intake.port.in.SetIngestKeyEnabled;
import dev.faultline.application.testing.Fixtures;
import dev.faultline.application.testing.MutableClock;
import dev.faultline.application.tracker.AddMemberService;
import dev.faultline.application.tracker.CreateApplicationService;
import dev.faultline.application.tracker.port.in.AddMember;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.domain.account.User;
import dev.faultline.domain.intake.IngestBaseUrl;
import dev.faultline.domain.intake.IngestId;
import dev.faultline.domain.intake.IngestKey;
import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationReference;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Permission;
import dev.faultline.domain.tracker.Platform;
import dev.faultline.domain.tracker.Role;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ingest keys through their use cases, on the in-memory storage. */
class IngestKeyUseCasesTest {
    private static final int MAX_KEYS = 3;
    private final MutableClock clock = MutableClock.startingAt("2026-12-01T10:00:00Z");
    private final InMemoryStorage storage = InMemoryStorage.empty();
    private final IngestBaseUrl base = IngestBaseUrl.parse("https://crash.example.com/faultline");
    private final CreateApplication createApplication = new CreateApplicationWithIngestKeyService(
            new CreateApplicationService(storage.applications(), storage.memberships(), storage.users(),
                    storage.transactions(), clock), storage.ingestKeys(), storage.transactions(), clock);
    private final AddMember addMember = new AddMemberService(storage.memberships(), storage.users(), clock);
    private final GetIngestSetup getSetup = new GetIngestSetupService(storage.applications(), storage.memberships(),
            storage.ingestIds(), storage.ingestKeys(), base);
    private final CreateIngestKey createKey = new CreateIngestKeyService(storage.applications(),
            storage.memberships(), storage.ingestIds(), storage.ingestKeys(), base, MAX_KEYS, storage.transactions(),
            clock);
    private final SetIngestKeyEnabled setEnabled = new SetIngestKeyEnabledService(storage.applications(),
            storage.memberships(), storage.ingestKeys(), storage.transactions());
    private final DeleteIngestKey deleteKey = new DeleteIngestKeyService(storage.applications(),
            storage.memberships(), storage.ingestKeys(), storage.transactions());
    private final AuthenticateIngestKey authenticate =
            new AuthenticateIngestKeyService(storage.ingestIds(), storage.ingestKeys());

    private final User owner = user();
    private final User member = user();
    private final User stranger = user();
    private final Application shop = application(owner, "shop", "node");

    private User user() {
        User user = Fixtures.user();
        storage.users().add(user);
        return user;
    }

    private Application application(User by, String slug, String platform) {
        return createApplication.createApplication(new CreateApplication.Command(Actor.person(by.id()), slug,
                new ApplicationSlug(slug), new Platform(platform))).fold(r -> null, c -> c.application(), t -> null,
                u -> null);
    }

    private ApplicationReference shopRef() {
        return ApplicationReference.parse("shop");
    }

    private GetIngestSetup.IngestSetup setup(User user) {
        return getSetup.getIngestSetup(new GetIngestSetup.Command(Actor.person(user.id()), shopRef()))
                .fold(r -> null, f -> f.setup(), n -> null);
    }

    private IngestId ingestId() {
        return storage.ingestIds().ingestIdOf(shop.id()).orElseThrow();
    }

    @Test
    void a_new_application_gets_one_enabled_default_key_and_its_dsn() {
        GetIngestSetup.IngestSetup setup = setup(owner);
        assertThat(setup.keys()).hasSize(1);
        IngestKey key = setup.keys().get(0).key();
        assertThat(key.label()).isEqualTo("Default");
        assertThat(key.enabled()).isTrue();
        assertThat(setup.keys().get(0).dsn()).hasToString(
                "https://" + key.key() + "@crash.example.com/faultline/" + ingestId());
        assertThat(setup.envelopeUrl()).isEqualTo("https://crash.example.com/faultline/api/" + ingestId()
                + "/envelope/");
        assertThat(setup.snippet().orElseThrow().code()).contains("@sentry/node");
        assertThat(setup.mayManageKeys()).isTrue();
    }

    @Test
    void members_see_the_setup_but_only_owners_manage_keys_and_strangers_see_nothing() {
        addMember.addMember(new AddMember.Command(Actor.person(owner.id()), shop.id(), member.email(), Role.MEMBER));
        assertThat(setup(member).mayManageKeys()).isFalse();
        assertThat(setup(member).keys()).hasSize(1);
        assertThat(createKey.createIngestKey(new CreateIngestKey.Command(Actor.person(member.id()), shopRef(), "ci",
                OptionalInt.empty()))).isEqualTo(new CreateIngestKey.Outcome.NotAnOwner(shopRef()));
        assertThat(getSetup.getIngestSetup(new GetIngestSetup.Command(Actor.person(stranger.id()), shopRef())))
                .isEqualTo(new GetIngestSetup.Outcome.ApplicationNotFound(shopRef()));
        IngestKeyId keyId = setup(owner).keys().get(0).key().id();
        assertThat(deleteKey.deleteIngestKey(new DeleteIngestKey.Command(Actor.person(stranger.id()), shopRef(),
                keyId))).isEqualTo(new DeleteIngestKey.Outcome.ApplicationNotFound(shopRef()));
        assertThat(setEnabled.setIngestKeyEnabled(new SetIngestKeyEnabled.Command(Actor.person(member.id()),
                shopRef(), keyId, false))).isEqualTo(new SetIngestKeyEnabled.Outcome.NotAnOwner(shopRef()));
        assertThat(setup(owner).keys().get(0).key().enabled()).isTrue();
    }

    @Test
    void an_actor_without_the_permission_is_refused_before_anything_is_looked_at() {
        Actor readOnly = new Actor(owner.id(), Set.of(Permission.READ));
        assertThat(createKey.createIngestKey(new CreateIngestKey.Command(readOnly, shopRef(), "ci",
                OptionalInt.empty()))).isEqualTo(new CreateIngestKey.Outcome.NotPermitted(Permission.WRITE));
        assertThat(getSetup.getIngestSetup(new GetIngestSetup.Command(new Actor(owner.id(), Set.of()), shopRef())))
                .isEqualTo(new GetIngestSetup.Outcome.NotPermitted(Permission.READ));
    }

    @Test
    void owners_create_keys_up_to_the_limit() {
        Actor ada = Actor.person(owner.id());
        clock.advance(Duration.ofSeconds(1));
        CreateIngestKey.Outcome created = createKey.createIngestKey(new CreateIngestKey.Command(ada, shopRef(),
                "Staging", OptionalInt.of(60)));
        IngestKey staging = created.fold(r -> null, c -> c.key(), n -> null, o -> null, t -> null);
        assertThat(staging.eventsPerMinute()).hasValue(60);
        clock.advance(Duration.ofSeconds(1));
        createKey.createIngestKey(new CreateIngestKey.Command(ada, shopRef(), "Third", OptionalInt.empty()));
        assertThat(createKey.createIngestKey(new CreateIngestKey.Command(ada, shopRef(), "Fourth",
                OptionalInt.empty()))).isEqualTo(new CreateIngestKey.Outcome.TooManyKeys(shopRef(), MAX_KEYS));
        assertThat(setup(owner).keys()).extracting(k -> k.key().label()).containsExactly("Default", "Staging", "Third");
    }

    @Test
    void authentication_names_the_application_and_refuses_each_wrong_case() {
        IngestKey key = setup(owner).keys().get(0).key();
        AuthenticateIngestKey.Outcome ok = authenticate.authenticate(ingestId(), key.key().value(), clock.instant());
        assertThat(ok).isEqualTo(new AuthenticateIngestKey.Outcome.Authenticated(new AuthenticateIngestKey.IngestSource(
                shop.id(), key.id(), new Platform("node"), OptionalInt.empty())));
        assertThat(authenticate.authenticate(new IngestId(ingestId().value() + 100), key.key().value(),
                clock.instant())).isEqualTo(new AuthenticateIngestKey.Outcome.UnknownProject(
                        new IngestId(ingestId().value() + 100)));
        assertThat(authenticate.authenticate(ingestId(), "not-a-key", clock.instant()))
                .isEqualTo(new AuthenticateIngestKey.Outcome.UnknownKey(ingestId()));
        Application blog = application(owner, "blog", "python");
        String blogKey = storage.ingestKeys().listByApplication(blog.id()).get(0).key().value();
        assertThat(authenticate.authenticate(ingestId(), blogKey, clock.instant()))
                .isEqualTo(new AuthenticateIngestKey.Outcome.UnknownKey(ingestId()));
        setEnabled.setIngestKeyEnabled(new SetIngestKeyEnabled.Command(Actor.person(owner.id()), shopRef(), key.id(),
                false));
        assertThat(authenticate.authenticate(ingestId(), key.key().value(), clock.instant()))
                .isEqualTo(new AuthenticateIngestKey.Outcome.KeyDisabled(key.id(), Optional.of("Default")));
        setEnabled.setIngestKeyEnabled(new SetIngestKeyEnabled.Command(Actor.person(owner.id()), shopRef(), key.id(),
                true));
        assertThat(authenticate.authenticate(ingestId(), key.key().value(), clock.instant()))
                .isInstanceOf(AuthenticateIngestKey.Outcome.Authenticated.class);
        assertThat(deleteKey.deleteIngestKey(new DeleteIngestKey.Command(Actor.person(owner.id()), shopRef(),
                key.id()))).isEqualTo(new DeleteIngestKey.Outcome.Deleted(key.id()));
        assertThat(authenticate.authenticate(ingestId(), key.key().value(), clock.instant()))
                .isEqualTo(new AuthenticateIngestKey.Outcome.UnknownKey(ingestId()));
    }

    @Test
    void the_operator_manages_any_applications_keys_without_being_a_member() {
        CreateIngestKey.Outcome created = createKey.createIngestKey(new CreateIngestKey.Command(
                Requester.operator(), shopRef(), "From the shell", OptionalInt.empty()));
        IngestKey key = created.fold(r -> null, c -> c.key(), n -> null, o -> null, t -> null);
        assertThat(key.applicationId()).isEqualTo(shop.id());
        assertThat(getSetup.getIngestSetup(new GetIngestSetup.Command(Requester.operator(),
                ApplicationReference.to(shop.id()))).fold(r -> null, f -> f.setup(), n -> null).keys()).hasSize(2);
        assertThat(getSetup.getIngestSetup(new GetIngestSetup.Command(Requester.operator(),
                ApplicationReference.parse("missing")))).isEqualTo(new GetIngestSetup.Outcome.ApplicationNotFound(
                        ApplicationReference.parse("missing")));
    }

    @Test
    void a_key_of_another_application_is_not_found_through_this_one() {
        Application blog = application(owner, "blog", "python");
        IngestKeyId blogKey = storage.ingestKeys().listByApplication(blog.id()).get(0).id();
        assertThat(deleteKey.deleteIngestKey(new DeleteIngestKey.Command(Actor.person(owner.id()), shopRef(),
                blogKey))).isEqualTo(new DeleteIngestKey.Outcome.KeyNotFound(blogKey));
        assertThat(storage.ingestKeys().findById(blogKey)).isPresent();
    }

    @Test
    void last_use_is_written_at_most_once_a_minute() {
        IngestKey key = setup(owner).keys().get(0).key();
        var first = clock.instant();
        authenticate.authenticate(ingestId(), key.key().value(), first);
        clock.advance(Duration.ofSeconds(59));
        authenticate.authenticate(ingestId(), key.key().value(), clock.instant());
        assertThat(storage.ingestKeys().findById(key.id()).orElseThrow().lastUsedAt()).contains(first);
        clock.advance(Duration.ofSeconds(1));
        authenticate.authenticate(ingestId(), key.key().value(), clock.instant());
        assertThat(storage.ingestKeys().findById(key.id()).orElseThrow().lastUsedAt()).contains(clock.instant());
    }
}
