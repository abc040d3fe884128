package dev.faultline.adapters.inmemory.account;

import dev.faultline.application.account.port.out.SignInAttempts;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.FailedSignIns;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Failure streaks in a concurrent map; {@code compute} makes each read-modify-write atomic per address. */
public final class InMemorySignInAttempts implements SignInAttempts {
    private final ConcurrentHashMap<EmailAddress, FailedSignIns> streaks = new ConcurrentHashMap<>();

    @Override
    public Optional<FailedSignIns> find(EmailAddress email) {
        return Optional.ofNullable(streaks.get(email));
    }

    @Override
    public FailedSignIns recordFailure(EmailAddress email, Function<Optional<FailedSignIns>, FailedSignIns> next) {
        return streaks.compute(email, (key, current) -> {
            FailedSignIns updated = next.apply(Optional.ofNullable(current));
            if (!updated.email().equals(email)) {
                throw new IllegalArgumentException("a streak for " + email + " must stay with that address");
            }
            return updated;
        });
    }

    @Override
    public void clear(EmailAddress email) {
        streaks.remove(email);
    }

    @Override
    public int purgeQuietSince(Instant cutoff) {
        int before = streaks.size();
        streaks.values().removeIf(streak -> quietSince(streak).isBefore(cutoff));
        return before - streaks.size();
    }

    private static Instant quietSince(FailedSignIns streak) {
        return streak.lockedUntil().filter(l -> l.isAfter(streak.lastFailureAt())).orElse(streak.lastFailureAt());
    }
}
