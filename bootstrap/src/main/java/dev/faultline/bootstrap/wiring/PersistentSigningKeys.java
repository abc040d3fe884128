package dev.faultline.bootstrap.wiring;

import dev.faultline.adapters.crypto.RsaSigningKey;
import dev.faultline.adapters.crypto.RsaVerificationKey;
import dev.faultline.adapters.crypto.SigningKeys;
import dev.faultline.application.access.port.out.SigningKeyStore;
import dev.faultline.application.access.port.out.SigningKeyStore.StoredKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The access-token keys, loaded from the shared store so that every instance and restart agrees.
 *
 * <p>A new key is published first and signs only once it is {@code activationDelay} old: by then every
 * instance has reloaded the store and can verify what it signs. Until then the newest key older than the
 * delay signs (on a fresh installation, with no such key, the oldest key does, so racing instances agree).
 * RS256 with 2048-bit keys: JDK 17 verifies RS256 ~17x faster than ES256 (see the crypto benchmark).
 */
public final class PersistentSigningKeys implements Supplier<SigningKeys> {
    static final int KEY_BITS = 2048;

    private final SigningKeyStore store;
    private final Clock clock;
    private final Duration activationDelay;
    private volatile SigningKeys current;

    public PersistentSigningKeys(SigningKeyStore store, Clock clock, Duration activationDelay) {
        this.store = store;
        this.clock = clock;
        this.activationDelay = activationDelay;
        this.current = load();
    }

    @Override
    public SigningKeys get() {
        return current;
    }

    /** Reads the store again (after this or another instance rotated). */
    public SigningKeys reload() {
        current = load();
        return current;
    }

    public Duration activationDelay() {
        return activationDelay;
    }

    private SigningKeys load() {
        List<StoredKey> stored = store.all();
        if (stored.isEmpty()) {
            RsaSigningKey generated = RsaSigningKey.generate(KEY_BITS, clock.instant());
            store.add(new StoredKey(generated.keyId(), generated.toPrivateJwkJson(), generated.createdAt()));
            stored = store.all();
        }
        StoredKey active = activeAmong(stored, clock.instant(), activationDelay);
        List<RsaVerificationKey> others = new ArrayList<>();
        for (StoredKey key : stored) {
            if (!key.keyId().equals(active.keyId())) {
                others.add(RsaSigningKey.fromPrivateJwkJson(key.privateDocument()).verificationKey());
            }
        }
        return new SigningKeys(RsaSigningKey.fromPrivateJwkJson(active.privateDocument()), others);
    }

    /** Newest first in, the key that signs now out. */
    static StoredKey activeAmong(List<StoredKey> newestFirst, Instant now, Duration activationDelay) {
        Instant matureBy = now.minus(activationDelay);
        return newestFirst.stream()
                .filter(key -> !key.createdAt().isAfter(matureBy))
                .findFirst()
                .orElse(newestFirst.get(newestFirst.size() - 1));
    }
}
