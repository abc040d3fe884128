package dev.faultline.bootstrap.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import dev.faultline.adapters.inmemory.InMemoryExclusiveJobs;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PurgeJobTest {
    private final MetricRegistry metrics = new MetricRegistry();
    private final InMemoryExclusiveJobs jobs = new InMemoryExclusiveJobs();

    @Test
    void adds_up_the_steps_and_counts_them_in_metrics() {
        PurgeJob job = new PurgeJob(jobs, List.of(
                () -> Map.of("codes", 3L, "clients", 1L),
                () -> Map.of("codes", 2L, "personal_tokens", 4L)), metrics, Clock.systemUTC());

        assertThat(job.runOnce()).contains(Map.of("codes", 5L, "clients", 1L, "personal_tokens", 4L));
        job.runOnce();

        assertThat(metrics.counter("purge.codes").getCount()).isEqualTo(10);
        assertThat(new PurgeHealthCheck(job).execute().isHealthy()).isTrue();
    }

    @Test
    void skips_its_turn_while_another_runner_purges() {
        PurgeJob job = new PurgeJob(jobs, List.of(() -> Map.of("codes", 1L)), metrics, Clock.systemUTC());

        Optional<Optional<Map<String, Long>>> nested = jobs.runIfFree(PurgeJob.JOB_NAME, job::runOnce);

        assertThat(nested).contains(Optional.empty());
        assertThat(metrics.counter("purge.codes").getCount()).isZero();
    }

    @Test
    void a_failed_run_makes_the_purge_unhealthy_until_the_next_success() {
        boolean[] fail = {true};
        PurgeJob job = new PurgeJob(jobs, List.of(() -> {
            if (fail[0]) {
                throw new IllegalStateException("database gone");
            }
            return Map.of("codes", 0L);
        }), metrics, Clock.systemUTC());
        PurgeHealthCheck health = new PurgeHealthCheck(job);

        assertThatThrownBy(job::runOnce).hasMessage("database gone");
        assertThat(health.execute().isHealthy()).isFalse();
        assertThat(health.execute().getMessage()).contains("database gone");

        fail[0] = false;
        job.runOnce();
        assertThat(health.execute().isHealthy()).isTrue();
    }
}
