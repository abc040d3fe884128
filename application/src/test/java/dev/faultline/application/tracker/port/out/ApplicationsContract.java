package dev.faultline.application.tracker.port.out;

import static dev.faultline.application.testing.Fixtures.application;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Platform;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link Applications} adapter must do. */
public abstract class ApplicationsContract {
    protected abstract Applications applications();

    @Test
    void finds_an_added_application_by_id_and_slug() {
        Application shop = application();
        assertThat(applications().add(shop)).isEqualTo(Applications.Insertion.ADDED);
        assertThat(applications().findById(shop.id())).contains(shop);
        assertThat(applications().findBySlug(shop.slug())).contains(shop);
        assertThat(applications().findById(ApplicationId.random())).isEmpty();
        assertThat(applications().findBySlug(new ApplicationSlug("no-such-" + UUID.randomUUID()))).isEmpty();
    }

    @Test
    void a_slug_names_one_application() {
        Application shop = application();
        applications().add(shop);
        Application copy = new Application(ApplicationId.random(), "Other", shop.slug(), new Platform("go"),
                shop.createdAt());
        assertThat(applications().add(copy)).isEqualTo(Applications.Insertion.SLUG_TAKEN);
        assertThat(applications().findById(copy.id())).isEmpty();
        assertThat(applications().findBySlug(shop.slug())).contains(shop);
    }

    @Test
    void finds_many_by_id_ordered_by_name_then_id_ignoring_unknown_ones() {
        Application b = application("Beta " + UUID.randomUUID());
        Application a = application("Alpha " + UUID.randomUUID());
        Application sameNameLow = new Application(new ApplicationId(UUID.fromString(
                "00000000-0000-4000-8000-000000000001")), "Gamma", application().slug(), new Platform("go"),
                a.createdAt());
        Application sameNameHigh = new Application(new ApplicationId(UUID.fromString(
                "f0000000-0000-4000-8000-000000000001")), "Gamma", application().slug(), new Platform("go"),
                a.createdAt());
        List.of(b, a, sameNameHigh, sameNameLow).forEach(applications()::add);
        assertThat(applications().findAll(List.of(sameNameHigh.id(), b.id(), ApplicationId.random(), a.id(),
                sameNameLow.id()))).containsExactly(a, b, sameNameLow, sameNameHigh);
        assertThat(applications().findAll(List.of())).isEmpty();
    }
}
