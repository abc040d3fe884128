package dev.faultline.application.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.application.tracker.port.in.AddMember;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.application.tracker.port.in.ListApplications;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Platform;
import dev.faultline.domain.tracker.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationUseCasesTest {
    private final TrackerWorld world = new TrackerWorld();

    @Test
    void the_creator_owns_a_new_application() {
        UserId ada = world.user();
        CreateApplication.Outcome outcome = world.createApplication.createApplication(new CreateApplication.Command(
                Actor.person(ada), "  Shop Android ", new ApplicationSlug("shop-android"), new Platform("android")));
        Application shop = ((CreateApplication.Outcome.Created) outcome).application();
        assertThat(shop.name()).isEqualTo("Shop Android");
        assertThat(shop.createdAt()).isEqualTo(world.clock.instant());
        assertThat(world.memberships.find(shop.id(), ada).orElseThrow().role()).isEqualTo(Role.OWNER);
    }

    @Test
    void a_taken_slug_is_refused_and_nothing_is_written() {
        UserId ada = world.user();
        UserId grace = world.user();
        world.createApplication.createApplication(new CreateApplication.Command(Actor.person(ada), "Shop",
                new ApplicationSlug("shop"), new Platform("java")));
        assertThat(world.createApplication.createApplication(new CreateApplication.Command(Actor.person(grace), "Other shop",
                new ApplicationSlug("shop"), new Platform("java"))))
                .isEqualTo(new CreateApplication.Outcome.SlugTaken(new ApplicationSlug("shop")));
        assertThat(world.memberships.listByUser(grace)).isEmpty();
    }

    @Test
    void an_unknown_actor_cannot_create_applications() {
        UserId ghost = UserId.random();
        assertThat(world.createApplication.createApplication(new CreateApplication.Command(Actor.person(ghost), "Shop",
                new ApplicationSlug("shop"), new Platform("java"))))
                .isEqualTo(new CreateApplication.Outcome.UnknownActor(ghost));
        assertThat(world.applications.findBySlug(new ApplicationSlug("shop"))).isEmpty();
    }

    @Test
    void bad_application_input_is_refused_precisely() {
        assertThatThrownBy(() -> new CreateApplication.Command(Actor.person(UserId.random()), " ", new ApplicationSlug("a"),
                new Platform("java"))).isInstanceOf(InvalidValue.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new CreateApplication.Command(Actor.person(UserId.random()), "x".repeat(101),
                new ApplicationSlug("a"), new Platform("java"))).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("100");
    }

    @Test
    void owners_add_members_by_email() {
        UserId ada = world.user();
        User grace = world.userRecord();
        Application shop = world.application(ada, "Shop");
        AddMember.Outcome added = world.addMember.addMember(
                new AddMember.Command(Actor.person(ada), shop.id(), grace.email(), Role.MEMBER));
        assertThat(added).isInstanceOf(AddMember.Outcome.Added.class);
        assertThat(world.memberships.find(shop.id(), grace.id()).orElseThrow().role()).isEqualTo(Role.MEMBER);
        assertThat(world.addMember.addMember(new AddMember.Command(Actor.person(ada), shop.id(), grace.email(), Role.OWNER)))
                .isEqualTo(new AddMember.Outcome.AlreadyMember(grace.id()));
    }

    @Test
    void only_owners_add_members_and_strangers_see_no_application() {
        UserId ada = world.user();
        User grace = world.userRecord();
        User mallory = world.userRecord();
        Application shop = world.application(ada, "Shop");
        world.join(shop, ada, grace, Role.MEMBER);
        assertThat(world.addMember.addMember(new AddMember.Command(Actor.person(grace.id()), shop.id(), mallory.email(),
                Role.MEMBER))).isEqualTo(new AddMember.Outcome.NotAnOwner(shop.id()));
        assertThat(world.addMember.addMember(new AddMember.Command(Actor.person(mallory.id()), shop.id(), mallory.email(),
                Role.OWNER))).isEqualTo(new AddMember.Outcome.ApplicationNotFound(shop.id()));
        ApplicationId unknown = ApplicationId.random();
        assertThat(world.addMember.addMember(new AddMember.Command(Actor.person(ada), unknown, mallory.email(), Role.MEMBER)))
                .isEqualTo(new AddMember.Outcome.ApplicationNotFound(unknown));
        assertThat(world.memberships.find(shop.id(), mallory.id())).isEmpty();
    }

    @Test
    void adding_an_unknown_address_says_so() {
        UserId ada = world.user();
        Application shop = world.application(ada, "Shop");
        EmailAddress nobody = EmailAddress.of("nobody@example.org");
        assertThat(world.addMember.addMember(new AddMember.Command(Actor.person(ada), shop.id(), nobody, Role.MEMBER)))
                .isEqualTo(new AddMember.Outcome.UserNotFound(nobody));
    }

    @Test
    void lists_only_the_callers_applications_by_name_with_roles() {
        UserId ada = world.user();
        User grace = world.userRecord();
        Application zeta = world.application(ada, "Zeta");
        Application alpha = world.application(grace.id(), "Alpha");
        world.application(grace.id(), "Hidden");
        world.join(alpha, grace.id(), world.users.findById(ada).orElseThrow(), Role.MEMBER);

        assertThat(world.listApplications.listApplications(new ListApplications.Command(Actor.person(ada))))
                .isEqualTo(new ListApplications.Outcome.Listed(List.of(
                        new ListApplications.Entry(alpha, Role.MEMBER), new ListApplications.Entry(zeta, Role.OWNER))));
        assertThat(world.listApplications.listApplications(new ListApplications.Command(Actor.person(world.user()))))
                .isEqualTo(new ListApplications.Outcome.Listed(List.of()));
    }
}
