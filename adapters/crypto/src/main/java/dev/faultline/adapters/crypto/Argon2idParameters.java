package dev.faultline.adapters.crypto;

/**
 * The cost of one Argon2id hash: memory in KiB, passes over that memory, and lanes. {@link #OWASP} is the
 * OWASP Password Storage Cheat Sheet's minimum (19 MiB, 2 passes, 1 lane); raise it, never lower it, and
 * existing hashes are upgraded at the next sign-in ({@code needsRehash}).
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism) {
    public static final Argon2idParameters OWASP = new Argon2idParameters(19_456, 2, 1);

    /** Upper bounds that refuse absurd costs read from a stored hash (a hash could otherwise be a DoS). */
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 64;

    public Argon2idParameters {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2id parallelism must be 1.." + MAX_PARALLELISM + ", was " + parallelism);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2id iterations must be 1.." + MAX_ITERATIONS + ", was " + iterations);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2id memory must be " + 8 * parallelism + ".." + MAX_MEMORY_KIB
                    + " KiB (at least 8 KiB per lane), was " + memoryKiB);
        }
    }

    /** The PHC parameter segment, e.g. {@code m=19456,t=2,p=1}. */
    String phcSegment() {
        return "m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism;
    }
}
