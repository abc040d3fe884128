package dev.faultline.application.intake.port.out;

import static dev.faultline.application.testing.Fixtures.T0;
import static dev.faultline.application.testing.Fixtures.application;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.domain.intake.IngestKey;
import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationId;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link IngestKeys} and {@link IngestIds} adapter must do. */
public abstract class IngestKeysContract {
    protected abstract IngestKeys keys();

    protected abstract IngestIds ingestIds();

    /** For the applications keys belong to. */
    protected abstract Applications applications();

    private Application someApplication() {
        Application app = application();
        applications().add(app);
        return app;
    }

    @Test
    void stores_a_key_exactly_and_finds_it_by_id() {
        Application shop = someApplication();
        IngestKey key = IngestKey.create(shop.id(), "Production", OptionalInt.of(600), T0.plusNanos(1500));
        assertThat(keys().add(key)).isEqualTo(IngestKeys.Insertion.ADDED);
        assertThat(keys().findById(key.id())).contains(key);
        assertThat(keys().findById(IngestKeyId.random())).isEmpty();
        IngestKey unlimited = IngestKey.create(shop.id(), "Staging", OptionalInt.empty(), T0);
        keys().add(unlimited);
        assertThat(keys().findById(unlimited.id()).orElseThrow().eventsPerMinute()).isEmpty();
    }

    @Test
    void a_public_key_or_id_is_taken_once_across_applications() {
        Application shop = someApplication();
        Application blog = someApplication();
        IngestKey key = IngestKey.create(shop.id(), "a", OptionalInt.empty(), T0);
        keys().add(key);
        IngestKey sameKey = new IngestKey(IngestKeyId.random(), blog.id(), key.key(), "b", true, OptionalInt.empty(),
                T0, Optional.empty());
        assertThat(keys().add(sameKey)).isEqualTo(IngestKeys.Insertion.KEY_TAKEN);
        IngestKey sameId = new IngestKey(key.id(), blog.id(), IngestKey.create(blog.id(), "c", OptionalInt.empty(),
                T0).key(), "c", true, OptionalInt.empty(), T0, Optional.empty());
        assertThat(keys().add(sameId)).isEqualTo(IngestKeys.Insertion.KEY_TAKEN);
        assertThat(keys().listByApplication(blog.id())).isEmpty();
    }

    @Test
    void lists_an_applications_keys_in_creation_order_and_counts_them() {
        Application shop = someApplication();
        Application blog = someApplication();
        IngestKey later = IngestKey.create(shop.id(), "later", OptionalInt.empty(), T0.plusSeconds(1));
        IngestKey low = new IngestKey(new IngestKeyId(new UUID(1, 0)), shop.id(),
                IngestKey.create(shop.id(), "x", OptionalInt.empty(), T0).key(), "low", true, OptionalInt.empty(), T0,
                Optional.empty());
        IngestKey high = new IngestKey(new IngestKeyId(new UUID(-1, 0)), shop.id(),
                IngestKey.create(shop.id(), "x", OptionalInt.empty(), T0).key(), "high", true, OptionalInt.empty(), T0,
                Optional.empty());
        keys().add(later);
        keys().add(high);
        keys().add(low);
        keys().add(IngestKey.create(blog.id(), "blog", OptionalInt.empty(), T0));
        assertThat(keys().listByApplication(shop.id())).containsExactly(low, high, later);
        assertThat(keys().countByApplication(shop.id())).isEqualTo(3);
        assertThat(keys().countByApplication(new ApplicationId(UUID.randomUUID()))).isZero();
    }

    @Test
    void enables_disables_and_deletes_a_key() {
        IngestKey key = IngestKey.create(someApplication().id(), "a", OptionalInt.empty(), T0);
        keys().add(key);
        assertThat(keys().updateEnabled(key.id(), false)).isTrue();
        assertThat(keys().findById(key.id())).contains(key.disabled());
        assertThat(keys().updateEnabled(key.id(), true)).isTrue();
        assertThat(keys().findById(key.id())).contains(key);
        assertThat(keys().delete(key.id())).isTrue();
        assertThat(keys().findById(key.id())).isEmpty();
        assertThat(keys().delete(key.id())).isFalse();
        assertThat(keys().updateEnabled(key.id(), false)).isFalse();
        assertThat(keys().recordUse(key.id(), T0)).isFalse();
    }

    @Test
    void a_recorded_use_never_moves_back() {
        IngestKey key = IngestKey.create(someApplication().id(), "a", OptionalInt.empty(), T0);
        keys().add(key);
        assertThat(keys().recordUse(key.id(), T0.plusSeconds(120))).isTrue();
        keys().recordUse(key.id(), T0.plusSeconds(60));
        assertThat(keys().findById(key.id()).orElseThrow().lastUsedAt()).contains(T0.plusSeconds(120));
    }

    @Test
    void every_application_gets_its_own_ingest_id_found_both_ways() {
        Application shop = someApplication();
        Application blog = someApplication();
        var shopId = ingestIds().ingestIdOf(shop.id()).orElseThrow();
        var blogId = ingestIds().ingestIdOf(blog.id()).orElseThrow();
        assertThat(shopId).isNotEqualTo(blogId);
        assertThat(ingestIds().ingestIdOf(shop.id())).contains(shopId);
        assertThat(ingestIds().findByIngestId(shopId))
                .contains(new IngestIds.IngestTarget(shop.id(), shopId, shop.platform()));
        assertThat(ingestIds().ingestIdOf(new ApplicationId(UUID.randomUUID()))).isEmpty();
        assertThat(ingestIds().findByIngestId(new dev.faultline.domain.intake.IngestId(Long.MAX_VALUE))).isEmpty();
    }
}
