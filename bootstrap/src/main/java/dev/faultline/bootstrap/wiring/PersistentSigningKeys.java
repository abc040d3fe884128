package dev.faultline.bootstrap.wiring;

import dev.faultline.adapters.crypto.SigningKey;
import dev.faultline.adapters.crypto.VerificationKey;
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
 * New keys are P-256 keys for ES256 ({@link SigningKey}); an installation upgraded from a version that made RSA keys
 * keeps signing RS256 with its key until the next regular rotation, and trusts it until its tokens have expired.
 */
public final class PersistentSigningKeys implements Supplier<SigningKeys> {
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

    /**
     * Reads the store again (after this or another instance rotated). An unchanged key set stays the very same
     * instance: the codec's prepared signers and its remembered verified tokens belong to that instance, and would
     * otherwise be made again after every reload, once a minute.
     */
    public SigningKeys reload() {
        SigningKeys loaded = load();
        if (!loaded.sameKeysAs(current)) {
            current = loaded;
        }
        return current;
    }

    public Duration activationDelay() {
        return activationDelay;
    }

    private SigningKeys load() {
        List<StoredKey> stored = store.all();
        if (stored.isEmpty()) {
            SigningKey generated = SigningKey.generate(clock.instant());
            store.add(new StoredKey(generated.keyId(), generated.toPrivateJwkJson(), generated.createdAt()));
            stored = store.all();
        }
        StoredKey active = activeAmong(stored, clock.instant(), activationDelay);
        List<VerificationKey> others = new ArrayList<>();
        for (StoredKey key : stored) {
            if (!key.keyId().equals(active.keyId())) {
                others.add(SigningKey.fromPrivateJwkJson(key.privateDocument()).verificationKey());
            }
        }
        return new SigningKeys(SigningKey.fromPrivateJwkJson(active.privateDocument()), others);
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
