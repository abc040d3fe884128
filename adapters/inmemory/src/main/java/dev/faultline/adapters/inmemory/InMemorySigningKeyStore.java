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
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(keys));

    @Override
    public List<StoredKey> all() {
        return table.read(() -> {
            List<StoredKey> all = new ArrayList<>(keys.values());
            all.sort(NEWEST_FIRST);
            return all;
        });
    }

    @Override
    public boolean add(StoredKey key) {
        return table.write(() -> keys.putIfAbsent(key.keyId(), key) == null);
    }

    @Override
    public boolean replaceDocument(String keyId, String expected, String replacement) {
        return table.write(() -> {
            StoredKey key = keys.get(keyId);
            if (key == null || !key.privateDocument().equals(expected)) {
                return false;
            }
            keys.put(keyId, new StoredKey(keyId, replacement, key.createdAt()));
            return true;
        });
    }

    @Override
    public int deleteCreatedBefore(Instant cutoff) {
        return table.write(() -> {
            List<StoredKey> all = all();
            int before = keys.size();
            all.stream().skip(1).filter(k -> k.createdAt().isBefore(cutoff)).forEach(k -> keys.remove(k.keyId()));
            return before - keys.size();
        });
    }
}
