package dev.faultline.bootstrap.wiring;

import dev.faultline.adapters.crypto.RsaSigningKey;
import dev.faultline.adapters.crypto.RsaVerificationKey;
import dev.faultline.adapters.crypto.SigningKeys;
import dev.faultline.application.access.port.out.SigningKeyStore;
import dev.faultline.application.access.port.out.SigningKeyStore.StoredKey;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The access-token keys, loaded from the shared store so that every instance and restart agrees. The first
 * start generates a key (RS256, 2048 bits: JDK 17 verifies RS256 ~17x faster than ES256, see the crypto
 * benchmark); if two instances race to do so, both keys are kept and the newest signs.
 */
public final class PersistentSigningKeys implements Supplier<SigningKeys> {
    static final int KEY_BITS = 2048;

    private final SigningKeyStore store;
    private final Clock clock;
    private volatile SigningKeys current;

    public PersistentSigningKeys(SigningKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.current = load();
    }

    @Override
    public SigningKeys get() {
        return current;
    }

    /** Reads the store again (after another instance rotated, for example). */
    public SigningKeys reload() {
        current = load();
        return current;
    }

    private SigningKeys load() {
        List<StoredKey> stored = store.all();
        if (stored.isEmpty()) {
            RsaSigningKey generated = RsaSigningKey.generate(KEY_BITS, clock.instant());
            store.add(new StoredKey(generated.keyId(), generated.toPrivateJwkJson(), generated.createdAt()));
            stored = store.all();
        }
        RsaSigningKey active = RsaSigningKey.fromPrivateJwkJson(stored.get(0).privateDocument());
        List<RsaVerificationKey> older = stored.stream().skip(1)
                .map(key -> RsaSigningKey.fromPrivateJwkJson(key.privateDocument()).verificationKey())
                .toList();
        return new SigningKeys(active, older);
    }
}
