package dev.faultline.bootstrap.database;

import com.codahale.metrics.health.HealthCheck;
import org.jdbi.v3.core.Jdbi;

/** Healthy when a query round-trips to PostgreSQL within two seconds. */
public final class DatabaseHealthCheck extends HealthCheck {
    private final Jdbi jdbi;

    public DatabaseHealthCheck(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    protected Result check() {
        String version = jdbi.withHandle(handle -> handle.createQuery("SELECT current_setting('server_version')")
                .setQueryTimeout(2)
                .mapTo(String.class)
                .one());
        return Result.healthy("PostgreSQL " + version);
    }
}
