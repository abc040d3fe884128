package dev.faultline.adapters.inmemory.account;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.account.port.out.SignInAttempts;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.FailedSignIns;
import dev.faultline.domain.account.SignInThrottle;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Failure streaks in a concurrent map; {@code compute} makes each read-decide-write atomic per address. */
public final class InMemorySignInAttempts implements SignInAttempts {
    private final ConcurrentHashMap<EmailAddress, FailedSignIns> streaks = new ConcurrentHashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(streaks));

    @Override
    public Optional<FailedSignIns> find(EmailAddress email) {
        return table.read(() -> Optional.ofNullable(streaks.get(email)));
    }

    @Override
    public SignInThrottle.Reservation reserve(EmailAddress email,
            Function<Optional<FailedSignIns>, SignInThrottle.Reservation> decide) {
        return table.write(() -> {
            SignInThrottle.Reservation[] decided = new SignInThrottle.Reservation[1];
            streaks.compute(email, (key, current) -> {
                decided[0] = decide.apply(Optional.ofNullable(current));
                return decided[0].fold(
                        granted -> {
                            if (!granted.streak().email().equals(email)) {
                                throw new IllegalArgumentException(
                                        "a streak for " + email + " must stay with that address");
                            }
                            return granted.streak();
                        },
                        refused -> current);
            });
            return decided[0];
        });
    }

    @Override
    public void clear(EmailAddress email) {
        table.write(() -> {
            streaks.remove(email);
        });
    }

    @Override
    public int purgeQuietSince(Instant cutoff) {
        return table.write(() -> {
            int before = streaks.size();
            streaks.values().removeIf(streak -> quietSince(streak).isBefore(cutoff));
            return before - streaks.size();
        });
    }

    private static Instant quietSince(FailedSignIns streak) {
        return streak.lockedUntil().filter(l -> l.isAfter(streak.lastFailureAt())).orElse(streak.lastFailureAt());
    }
}
