package dev.faultline.application.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the same task on several threads released at once by a start gate, for concurrency contracts. */
public final class Race {
    private Race() {
    }

    /** A task told which of the racing threads runs it; returns whether it won (e.g. its update applied). */
    @FunctionalInterface
    public interface IndexedTask {
        boolean run(int index);
    }

    public static List<Boolean> concurrently(int threads, IndexedTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<Boolean> call = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return task.run(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
