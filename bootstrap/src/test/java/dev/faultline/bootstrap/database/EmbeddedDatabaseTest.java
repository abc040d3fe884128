package dev.faultline.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {
    @TempDir
    Path home;

    @Test
    void keeps_data_across_restarts_and_runs_durably() throws Exception {
        Path data = home.resolve("postgres");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0)) {
            execute(db, "CREATE TABLE kept (value text)");
            execute(db, "INSERT INTO kept VALUES ('still here')");
            assertThat(query(db, "SHOW fsync")).isEqualTo("on");
            assertThat(query(db, "SHOW synchronous_commit")).isEqualTo("on");
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(data, 0)) {
            assertThat(query(again, "SELECT value FROM kept")).isEqualTo("still here");
        }
    }

    @Test
    void requires_its_generated_password_kept_owner_only() throws Exception {
        Path data = home.resolve("postgres");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0)) {
            Path passwordFile = home.resolve("postgres.password");
            assertThat(Files.readString(passwordFile)).isEqualTo(db.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(Files.getPosixFilePermissions(passwordFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "not-the-password").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "").close())
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void stops_a_server_orphaned_by_a_killed_run_before_starting() throws Exception {
        Path data = home.resolve("postgres");
        Process faultline = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                StartAndHang.class.getName(), data.toString())
                .redirectErrorStream(true)
                .start();
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(faultline.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals("ready")) {
                // skip start-up noise
            }
        }
        long orphanPid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        faultline.destroyForcibly().waitFor(); // kill -9: no shutdown hook stops PostgreSQL
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedDatabase next = EmbeddedDatabase.start(data, 0)) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(query(next, "SELECT 'back'")).isEqualTo("back");
        }
    }

    private static void execute(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

}
