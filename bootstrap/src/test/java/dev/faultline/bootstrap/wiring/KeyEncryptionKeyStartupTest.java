package dev.faultline.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.adapters.crypto.SigningKey;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.bootstrap.CommandLine;
import dev.faultline.bootstrap.TestFaultline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting Faultline (here through a CLI command, which opens it like the server does) with signing keys stored
 * in clear by an earlier version encrypts them; a missing or wrong key-encryption key refuses to start with one
 * line and changes nothing. (No server in this class: a running test server's config overrides are system
 * properties that a command would read too.)
 */
class KeyEncryptionKeyStartupTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void clear_keys_are_encrypted_at_start_and_a_missing_or_wrong_key_refuses_to_start_changing_nothing()
            throws Exception {
        TestDatabase database = TestDatabases.freshEmpty();
        String config = TestFaultline.configFile(directory, database).toString();
        Path kek = directory.resolve("data").resolve(KeyEncryptionKeySource.FILE_NAME);
        CommandLine.Result first = CommandLine.run("purge", config);
        assertThat(first.succeeded()).as(first.err()).isTrue();
        assertThat(Files.getPosixFilePermissions(kek)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        SigningKey old = SigningKey.generateRsa(2048, Instant.parse("2026-01-01T00:00:00Z"));
        database.jdbi().useHandle(handle -> handle.execute(
                "INSERT INTO signing_keys (key_id, private_document, created_at) VALUES (?, ?, ?)", old.keyId(),
                old.toPrivateJwkJson(), java.sql.Timestamp.from(old.createdAt())));

        assertThat(CommandLine.run("purge", config).succeeded()).isTrue();
        List<String> encrypted = rows(database.jdbi());
        assertThat(encrypted).hasSize(2).allSatisfy(row -> assertThat(row).contains("aes256gcm:v1:")
                .doesNotContain(privateExponentOf(old)));

        String rightKey = Files.readString(kek);
        Files.writeString(kek, dev.faultline.adapters.crypto.KeyEncryptionKey.generateBase64());
        CommandLine.Result wrong = CommandLine.run("purge", config);
        Files.delete(kek);
        CommandLine.Result missing = CommandLine.run("purge", config);

        assertThat(wrong.succeeded()).isFalse();
        assertThat(wrong.err().strip()).doesNotContain("\n").contains("cannot be decrypted")
                .contains(kek.toString()).contains("access.keyEncryptionKey");
        assertThat(missing.succeeded()).isFalse();
        assertThat(missing.err().strip()).doesNotContain("\n").contains(kek + " is missing");
        assertThat(Files.exists(kek)).as("no new key is made up").isFalse();
        assertThat(rows(database.jdbi())).as("nothing changed").isEqualTo(encrypted);
        Files.writeString(kek, rightKey);
        assertThat(CommandLine.run("purge", config).succeeded()).isTrue();
    }

    private static List<String> rows(org.jdbi.v3.core.Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT t::text FROM signing_keys t ORDER BY key_id")
                .mapTo(String.class).list());
    }

    private static String privateExponentOf(SigningKey key) throws Exception {
        JsonNode jwk = JSON.readTree(key.toPrivateJwkJson());
        String d = jwk.path("d").asText();
        assertThat(d).hasSizeGreaterThan(100);
        return d;
    }
}
