package dev.faultline.application.shared;

import java.util.function.Supplier;

/**
 * Runs a unit of work atomically across several repositories: either every write inside {@code work} is
 * kept, or none is. Nested calls join the outer unit of work. A {@link RuntimeException} thrown by the work
 * rolls everything back and propagates unchanged.
 *
 * <p>Use cases reach for this only where one intent writes to more than one aggregate (exchanging a code
 * redeems the code and creates a chain). Races on a single aggregate are settled by the repositories' own
 * atomic operations (compare-and-set), which hold with or without a surrounding transaction.
 *
 * <p>Reads that gather several aggregates for one answer (an issue with its application, events and notes) also
 * run as one unit of work: one connection for all their statements instead of one per repository call, and one
 * consistent view of what they gather.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
