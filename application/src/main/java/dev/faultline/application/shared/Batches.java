package dev.faultline.application.shared;

import java.util.function.IntUnaryOperator;

/** Batched deletes: short statements, so a purge never holds many rows locked while the product runs. */
public final class Batches {
    private Batches() {
    }

    /**
     * Calls {@code deleteBatch} with {@code batchSize} until it deletes fewer rows than that; returns the total.
     */
    public static long drain(int batchSize, IntUnaryOperator deleteBatch) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, not " + batchSize);
        }
        long total = 0;
        int deleted;
        do {
            deleted = deleteBatch.applyAsInt(batchSize);
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
