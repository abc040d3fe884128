package dev.faultline.application.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.application.testing.Fixtures;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationReference;
import dev.faultline.domain.tracker.Membership;
import dev.faultline.domain.tracker.Role;
import org.junit.jupiter.api.Test;

/** One rule for "which application does this person mean", used by list_issues and the issues page alike. */
class ApplicationResolverTest {
    private final TinyTracker tracker = new TinyTracker();
    private final ApplicationResolver resolver = new ApplicationResolver(tracker.applicationPort,
            tracker.membershipPort);
    private final UserId ada = UserId.random();
    private final UserId bob = UserId.random();
    private final Application shop = application(ada);
    private final Application secret = application(bob);

    private Application application(UserId owner) {
        Application application = Fixtures.application();
        tracker.applicationPort.add(application);
        tracker.membershipPort.add(new Membership(application.id(), owner, Role.OWNER, Fixtures.T0));
        return application;
    }

    @Test
    void finds_ones_own_application_by_slug_and_by_id_in_any_case_and_spacing() {
        assertThat(resolver.resolve(ada, ApplicationReference.parse(shop.slug().value()))).contains(shop);
        assertThat(resolver.resolve(ada, ApplicationReference.parse(" " + shop.slug().value().toUpperCase() + " ")))
                .contains(shop);
        assertThat(resolver.resolve(ada, ApplicationReference.parse(shop.id().toString()))).contains(shop);
        assertThat(resolver.resolve(ada, ApplicationReference.parse(shop.id().toString().toUpperCase())))
                .contains(shop);
    }

    @Test
    void someone_elses_application_is_absent_exactly_like_one_that_does_not_exist() {
        assertThat(resolver.resolve(ada, ApplicationReference.parse(secret.slug().value()))).isEmpty();
        assertThat(resolver.resolve(ada, ApplicationReference.to(secret.id()))).isEmpty();
        assertThat(resolver.resolve(ada, ApplicationReference.parse("no-such-app"))).isEmpty();
        assertThat(resolver.resolve(ada, ApplicationReference.to(ApplicationId.random()))).isEmpty();
        assertThat(resolver.resolve(bob, ApplicationReference.to(secret.id()))).contains(secret);
    }

    @Test
    void text_that_can_name_no_application_is_refused_precisely() {
        assertThatThrownBy(() -> ApplicationReference.parse("<script>")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("neither an application id (a UUID) nor a slug")
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("application");
        assertThatThrownBy(() -> ApplicationReference.parse("a".repeat(65))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> ApplicationReference.parse(" ")).isInstanceOf(InvalidValue.class);
    }
}
