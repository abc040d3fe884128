package dev.faultline.application.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link ExclusiveJobs} must do. Two runners stand for two instances sharing one store. */
public abstract class ExclusiveJobsContract {

    /** Two runners over the same store (for a database: two separate instances/connection pools). */
    protected abstract ExclusiveJobs firstRunner();

    protected abstract ExclusiveJobs secondRunner();

    @Test
    void a_free_job_runs_and_returns_its_result() {
        assertThat(firstRunner().runIfFree("purge", () -> 42)).contains(42);
    }

    @Test
    void a_busy_job_is_skipped_without_waiting_and_runs_again_once_free() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<String>> holder = CompletableFuture.supplyAsync(() ->
                firstRunner().runIfFree("purge", () -> {
                    started.countDown();
                    await(release);
                    return "first";
                }));
        try {
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();

            assertThat(secondRunner().runIfFree("purge", () -> "second")).isEmpty();
            assertThat(secondRunner().runIfFree("another-job", () -> "other")).contains("other");
        } finally {
            release.countDown();
        }
        assertThat(holder.get(60, TimeUnit.SECONDS)).contains("first");
        assertThat(secondRunner().runIfFree("purge", () -> "second")).contains("second");
    }

    @Test
    void a_job_that_fails_releases_its_lock() {
        try {
            firstRunner().runIfFree("purge", () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the failure propagates; what matters is that the job is free afterwards
        }
        assertThat(secondRunner().runIfFree("purge", () -> "ran")).contains("ran");
    }

    /**
     * The holder keeps the job until the test releases it (always, in a finally). The limit only stops a hung
     * test; were it short, a slow machine would release the job before the second runner looked and the
     * "skipped while busy" assertion would fail for the wrong reason.
     */
    private static void await(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
