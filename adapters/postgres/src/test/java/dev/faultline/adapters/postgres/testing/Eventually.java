package dev.faultline.adapters.postgres.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what a PostgreSQL notice makes true: polls, with a generous overall limit, never a fixed sleep. */
public final class Eventually {
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Eventually() {
    }

    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE + " for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
