package dev.faultline.application.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.account.FindUserByEmailService;
import dev.faultline.application.tracker.port.in.GrantMembership;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.User;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Role;
import org.junit.jupiter.api.Test;

class GrantMembershipTest {
    private final TrackerWorld world = new TrackerWorld();

    @Test
    void grants_by_application_slug_and_email_without_an_acting_owner() {
        Application shop = world.application(world.user(), "Shop");
        User grace = world.userRecord();

        GrantMembership.Outcome outcome = world.grantMembership.grantMembership(
                new GrantMembership.Command(shop.slug(), grace.email(), Role.MEMBER));

        assertThat(outcome).isInstanceOf(GrantMembership.Outcome.Granted.class);
        assertThat(world.memberships.find(shop.id(), grace.id()).orElseThrow().role()).isEqualTo(Role.MEMBER);
    }

    @Test
    void refuses_unknown_applications_unknown_people_and_repeats_without_writing() {
        Application shop = world.application(world.user(), "Shop");
        User grace = world.userRecord();
        EmailAddress nobody = EmailAddress.of("nobody@example.com");

        assertThat(world.grantMembership.grantMembership(new GrantMembership.Command(
                new ApplicationSlug("missing"), grace.email(), Role.MEMBER)))
                .isEqualTo(new GrantMembership.Outcome.ApplicationNotFound(new ApplicationSlug("missing")));
        assertThat(world.grantMembership.grantMembership(new GrantMembership.Command(
                shop.slug(), nobody, Role.MEMBER)))
                .isEqualTo(new GrantMembership.Outcome.UserNotFound(nobody));
        assertThat(world.memberships.listByApplication(shop.id())).hasSize(1);

        world.grantMembership.grantMembership(new GrantMembership.Command(shop.slug(), grace.email(), Role.MEMBER));
        assertThat(world.grantMembership.grantMembership(new GrantMembership.Command(
                shop.slug(), grace.email(), Role.OWNER)))
                .isEqualTo(new GrantMembership.Outcome.AlreadyMember(shop, grace.email()));
        assertThat(world.memberships.find(shop.id(), grace.id()).orElseThrow().role()).isEqualTo(Role.MEMBER);
    }

    @Test
    void finds_people_by_email_regardless_of_case() {
        User grace = world.userRecord();
        FindUserByEmailService find = new FindUserByEmailService(world.users);

        assertThat(find.findUserByEmail(EmailAddress.of(grace.email().value().toUpperCase())))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(grace.id()));
        assertThat(find.findUserByEmail(EmailAddress.of("nobody@example.com"))).isEmpty();
    }
}
