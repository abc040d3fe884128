package dev.faultline.bootstrap.wiring;

import dev.faultline.adapters.crypto.SigningKey;
import dev.faultline.application.access.port.out.SigningKeyStore;
import dev.faultline.application.access.port.out.SigningKeyStore.StoredKey;
import dev.faultline.application.shared.ExclusiveJobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the signing keys fresh: publishes a new key when the newest is older than the rotation period, and
 * forgets a retired key once every token it can have signed has expired (its successor has been signing for
 * longer than an access token lives, plus clock skew). One instance rotates at a time; every instance
 * reloads on each run, so it verifies new keys before they start signing.
 */
public final class SigningKeyRotation {
    public static final String JOB_NAME = "signing-key-rotation";
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyRotation.class);

    private final SigningKeyStore store;
    private final PersistentSigningKeys keys;
    private final ExclusiveJobs jobs;
    private final Duration rotationPeriod;
    private final Duration tokenLifetimeWithSkew;
    private final Clock clock;

    public SigningKeyRotation(SigningKeyStore store, PersistentSigningKeys keys, ExclusiveJobs jobs,
                              Duration rotationPeriod, Duration tokenLifetimeWithSkew, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.jobs = jobs;
        this.rotationPeriod = rotationPeriod;
        this.tokenLifetimeWithSkew = tokenLifetimeWithSkew;
        this.clock = clock;
    }

    /** Rotates and forgets what is due (unless another instance is doing it), then reloads. */
    public void runOnce() {
        jobs.runIfFree(JOB_NAME, () -> {
            rotateIfDue();
            forgetExpired();
            return null;
        });
        keys.reload();
    }

    private void rotateIfDue() {
        Instant now = clock.instant();
        List<StoredKey> stored = store.all();
        if (!stored.isEmpty() && stored.get(0).createdAt().isAfter(now.minus(rotationPeriod))) {
            return;
        }
        SigningKey next = SigningKey.generate(now);
        store.add(new StoredKey(next.keyId(), next.toPrivateJwkJson(), next.createdAt()));
        LOG.info("Published signing key {} ({}); it signs from {}", next.keyId(), next.algorithm(),
                now.plus(keys.activationDelay()));
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        List<StoredKey> stored = store.all();
        StoredKey active = PersistentSigningKeys.activeAmong(stored, now, keys.activationDelay());
        // Keep the active key, everything newer, and each older key whose successor started signing too
        // recently for all of the older key's tokens to have expired.
        int keep = stored.indexOf(active);
        while (keep + 1 < stored.size()) {
            Instant successorSignsFrom = stored.get(keep).createdAt().plus(keys.activationDelay());
            if (!successorSignsFrom.plus(tokenLifetimeWithSkew).isAfter(now)) {
                break;
            }
            keep++;
        }
        int forgotten = store.deleteCreatedBefore(stored.get(keep).createdAt());
        if (forgotten > 0) {
            LOG.info("Forgot {} retired signing key(s) whose tokens have all expired", forgotten);
        }
    }
}
