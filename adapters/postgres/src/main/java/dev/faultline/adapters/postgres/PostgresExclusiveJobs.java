package dev.faultline.adapters.postgres;

import dev.faultline.application.shared.ExclusiveJobs;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Exclusive jobs across every instance sharing the database, with a session-level PostgreSQL advisory lock
 * keyed by the job name. The lock lives on the connection that runs the job (repository calls inside the job
 * join it), so a crashed instance releases it when its connection closes.
 */
public final class PostgresExclusiveJobs implements ExclusiveJobs {
    private static final String NAMESPACE = "faultline.jobs";
    private final Jdbi jdbi;

    public PostgresExclusiveJobs(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> Optional<T> runIfFree(String jobName, Supplier<T> work) {
        return jdbi.withHandle(handle -> {
            if (!lock(handle, "pg_try_advisory_lock", jobName)) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(work.get());
            } finally {
                lock(handle, "pg_advisory_unlock", jobName);
            }
        });
    }

    private static boolean lock(Handle handle, String function, String jobName) {
        return handle.createQuery("SELECT " + function + "(hashtext(:namespace), hashtext(:job))")
                .bind("namespace", NAMESPACE)
                .bind("job", jobName)
                .mapTo(Boolean.class)
                .one();
    }
}
