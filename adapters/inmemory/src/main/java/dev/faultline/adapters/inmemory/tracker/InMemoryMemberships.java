package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.Uuids;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Membership;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Memberships keyed by (application, user). */
public final class InMemoryMemberships implements Memberships {
    private record Key(ApplicationId applicationId, UserId userId) {
    }

    private final Map<Key, Membership> memberships = new HashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(memberships));

    @Override
    public Insertion add(Membership membership) {
        return table.write(() -> memberships.putIfAbsent(new Key(membership.applicationId(), membership.userId()), membership) == null
                ? Insertion.ADDED
                : Insertion.ALREADY_MEMBER);
    }

    @Override
    public Optional<Membership> find(ApplicationId applicationId, UserId userId) {
        return table.read(() -> Optional.ofNullable(memberships.get(new Key(applicationId, userId))));
    }

    @Override
    public List<Membership> listByUser(UserId userId) {
        return table.read(() -> memberships.values().stream().filter(m -> m.userId().equals(userId)).toList());
    }

    @Override
    public List<Membership> listByApplication(ApplicationId applicationId) {
        return table.read(() -> memberships.values().stream().filter(m -> m.applicationId().equals(applicationId))
                .sorted(Comparator.comparing(Membership::joinedAt)
                        .thenComparing((a, b) -> Uuids.compareUnsigned(a.userId().value(), b.userId().value())))
                .toList());
    }
}
