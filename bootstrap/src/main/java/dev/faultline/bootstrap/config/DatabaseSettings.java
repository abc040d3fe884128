package dev.faultline.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Where Faultline keeps its data. {@code url: embedded} (the default) starts a PostgreSQL server inside
 * Faultline with its data in {@code embeddedDataDirectory}; any {@code jdbc:postgresql:} URL uses that
 * external database instead (it must be empty or already Faultline's: Flyway owns the schema).
 */
public class DatabaseSettings {
    public static final String EMBEDDED = "embedded";

    @NotEmpty
    private String url = EMBEDDED;
    private String user = "faultline";
    private String password = "";
    @NotEmpty
    private String embeddedDataDirectory = "data/postgres";
    @Min(0)
    @Max(65535)
    private int embeddedPort = 0;
    @Min(2)
    @Max(500)
    private int maxConnections = 16;
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.HOURS)
    private Duration unavailableRetryAfter = Duration.seconds(5);

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url;
    }

    @JsonProperty
    public String getUser() {
        return user;
    }

    @JsonProperty
    public void setUser(String user) {
        this.user = user;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password;
    }

    public String getPassword() {
        return password;
    }

    @JsonProperty
    public String getEmbeddedDataDirectory() {
        return embeddedDataDirectory;
    }

    @JsonProperty
    public void setEmbeddedDataDirectory(String embeddedDataDirectory) {
        this.embeddedDataDirectory = embeddedDataDirectory;
    }

    @JsonProperty
    public int getEmbeddedPort() {
        return embeddedPort;
    }

    @JsonProperty
    public void setEmbeddedPort(int embeddedPort) {
        this.embeddedPort = embeddedPort;
    }

    @JsonProperty
    public int getMaxConnections() {
        return maxConnections;
    }

    @JsonProperty
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** The {@code Retry-After} of the 503 every request gets while the database cannot be reached. */
    @JsonProperty
    public Duration getUnavailableRetryAfter() {
        return unavailableRetryAfter;
    }

    @JsonProperty
    public void setUnavailableRetryAfter(Duration unavailableRetryAfter) {
        this.unavailableRetryAfter = unavailableRetryAfter;
    }

    public boolean isEmbedded() {
        return EMBEDDED.equals(url);
    }

    @ValidationMethod(message = "database.url must be 'embedded' or a jdbc:postgresql: URL")
    public boolean isUrlUsable() {
        return isEmbedded() || url.startsWith("jdbc:postgresql:");
    }

    /** A pooled data source for the given connection (the embedded server's, or the configured one). */
    public DataSourceFactory pool(String jdbcUrl, String connectUser, String connectPassword) {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.postgresql.Driver");
        factory.setUrl(jdbcUrl);
        factory.setUser(connectUser);
        factory.setPassword(connectPassword);
        factory.setMinSize(1);
        factory.setInitialSize(1);
        factory.setMaxSize(maxConnections);
        factory.setValidationQuery("/* Faultline health check */ SELECT 1");
        factory.setMaxWaitForConnection(Duration.seconds(10));
        factory.setCheckConnectionOnBorrow(true);
        return factory;
    }
}
