package dev.faultline.application.tracker.port.out;

import static dev.faultline.application.testing.Fixtures.T0;
import static dev.faultline.application.testing.Fixtures.application;
import static dev.faultline.application.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Membership;
import dev.faultline.domain.tracker.Role;
import org.junit.jupiter.api.Test;

/** What every {@link Memberships} adapter must do. */
public abstract class MembershipsContract {
    protected abstract Memberships memberships();

    /** For the users and applications memberships refer to. */
    protected abstract Users users();

    protected abstract Applications applications();

    private User someone() {
        User user = user();
        users().add(user);
        return user;
    }

    private Application someApplication() {
        Application app = application();
        applications().add(app);
        return app;
    }

    @Test
    void finds_a_membership_by_application_and_user() {
        User ada = someone();
        Application shop = someApplication();
        Membership owner = new Membership(shop.id(), ada.id(), Role.OWNER, T0);
        assertThat(memberships().add(owner)).isEqualTo(Memberships.Insertion.ADDED);
        assertThat(memberships().find(shop.id(), ada.id())).contains(owner);
        assertThat(memberships().find(shop.id(), UserId.random())).isEmpty();
        assertThat(memberships().find(someApplication().id(), ada.id())).isEmpty();
    }

    @Test
    void a_user_is_a_member_once_and_keeps_the_first_role() {
        User ada = someone();
        Application shop = someApplication();
        memberships().add(new Membership(shop.id(), ada.id(), Role.MEMBER, T0));
        assertThat(memberships().add(new Membership(shop.id(), ada.id(), Role.OWNER, T0.plusSeconds(1))))
                .isEqualTo(Memberships.Insertion.ALREADY_MEMBER);
        assertThat(memberships().find(shop.id(), ada.id()).orElseThrow().role()).isEqualTo(Role.MEMBER);
    }

    @Test
    void lists_by_user_and_by_application() {
        User ada = someone();
        User grace = someone();
        Application shop = someApplication();
        Application blog = someApplication();
        Membership adaShop = new Membership(shop.id(), ada.id(), Role.OWNER, T0.plusSeconds(2));
        Membership graceShop = new Membership(shop.id(), grace.id(), Role.MEMBER, T0.plusSeconds(1));
        Membership adaBlog = new Membership(blog.id(), ada.id(), Role.MEMBER, T0);
        memberships().add(adaShop);
        memberships().add(graceShop);
        memberships().add(adaBlog);
        assertThat(memberships().listByUser(ada.id())).containsExactlyInAnyOrder(adaShop, adaBlog);
        assertThat(memberships().listByUser(UserId.random())).isEmpty();
        assertThat(memberships().listByApplication(shop.id())).containsExactly(graceShop, adaShop);
    }
}
