package dev.faultline.adapters.inmemory.account;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.account.port.out.AddressSignInFailures;
import dev.faultline.domain.account.AddressFailures;
import dev.faultline.domain.account.AddressSignInLimit;
import dev.faultline.domain.account.RemoteAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Counts per address in a concurrent map; {@code compute} makes each read-decide-write atomic per address. */
public final class InMemoryAddressSignInFailures implements AddressSignInFailures {
    private final ConcurrentHashMap<RemoteAddress, AddressFailures> counts = new ConcurrentHashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(counts));

    @Override
    public Optional<AddressFailures> find(RemoteAddress address) {
        return table.read(() -> Optional.ofNullable(counts.get(address)));
    }

    @Override
    public AddressSignInLimit.Reservation reserve(RemoteAddress address,
            Function<Optional<AddressFailures>, AddressSignInLimit.Reservation> decide) {
        return table.write(() -> {
            AddressSignInLimit.Reservation[] decided = new AddressSignInLimit.Reservation[1];
            counts.compute(address, (key, current) -> {
                decided[0] = decide.apply(Optional.ofNullable(current));
                return decided[0].fold(
                        granted -> sameAddress(address, granted.failures()),
                        refused -> current);
            });
            return decided[0];
        });
    }

    @Override
    public void refund(RemoteAddress address, UnaryOperator<AddressFailures> refund) {
        table.write(() -> {
            counts.computeIfPresent(address, (key, current) -> sameAddress(address, refund.apply(current)));
        });
    }

    @Override
    public int purgeWindowsStartedBefore(Instant cutoff) {
        return table.write(() -> {
            int before = counts.size();
            counts.values().removeIf(count -> count.windowStartedAt().isBefore(cutoff));
            return before - counts.size();
        });
    }

    private static AddressFailures sameAddress(RemoteAddress address, AddressFailures failures) {
        if (!failures.address().equals(address)) {
            throw new IllegalArgumentException("a count for " + address + " must stay with that address");
        }
        return failures;
    }
}
