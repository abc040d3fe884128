package dev.faultline.domain.shared;

import java.util.UUID;

/**
 * Orders UUIDs as unsigned 128-bit numbers, which is how PostgreSQL compares {@code uuid} values. (Java's own
 * {@link UUID#compareTo} compares signed halves and disagrees for ids whose top bit is set.)
 */
public final class Uuids {
    private Uuids() {
    }

    public static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
