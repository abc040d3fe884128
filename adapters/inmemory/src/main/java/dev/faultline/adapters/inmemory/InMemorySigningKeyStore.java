package dev.faultline.adapters.inmemory;

import dev.faultline.application.access.port.out.SigningKeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Signing keys held in memory (lost at exit, which suits tests and ephemeral runs only). */
public final class InMemorySigningKeyStore implements SigningKeyStore {
    private static final Comparator<StoredKey> NEWEST_FIRST =
            Comparator.comparing(StoredKey::createdAt).thenComparing(StoredKey::keyId).reversed();
    private final Map<String, StoredKey> keys = new LinkedHashMap<>();

    @Override
    public synchronized List<StoredKey> all() {
        List<StoredKey> all = new ArrayList<>(keys.values());
        all.sort(NEWEST_FIRST);
        return all;
    }

    @Override
    public synchronized boolean add(StoredKey key) {
        return keys.putIfAbsent(key.keyId(), key) == null;
    }

    @Override
    public synchronized boolean replaceDocument(String keyId, String expected, String replacement) {
        StoredKey key = keys.get(keyId);
        if (key == null || !key.privateDocument().equals(expected)) {
            return false;
        }
        keys.put(keyId, new StoredKey(keyId, replacement, key.createdAt()));
        return true;
    }

    @Override
    public synchronized int deleteCreatedBefore(Instant cutoff) {
        List<StoredKey> all = all();
        int before = keys.size();
        all.stream().skip(1).filter(k -> k.createdAt().isBefore(cutoff)).forEach(k -> keys.remove(k.keyId()));
        return before - keys.size();
    }
}
