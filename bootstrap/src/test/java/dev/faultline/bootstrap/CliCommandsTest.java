package dev.faultline.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands, run as {@code java -jar} would run them, against a real database. */
class CliCommandsTest {
    @TempDir
    Path directory;
    private TestDatabase database;
    private String config;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabases.freshEmpty();
        config = TestFaultline.configFile(directory, database).toString();
    }

    @Test
    void creates_a_user_with_a_generated_password_shown_once() {
        CommandLine.Result result = CommandLine.run("user", "create", "--email", "Ops@Example.com", "--name", "Olive", config);

        assertThat(result.succeeded()).as(result.err()).isTrue();
        assertThat(result.out()).contains("Created user ops@example.com")
                .containsPattern("Password \\(shown once\\): [A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}");
        assertThat(count("SELECT count(*) FROM users WHERE email = 'ops@example.com'")).isEqualTo(1);
        assertThat(text("SELECT password_hash FROM users")).startsWith("$argon2id$v=19$");
    }

    @Test
    void refuses_bad_or_duplicate_users_and_writes_nothing() {
        CommandLine.run("user", "create", "--email", "ops@example.com", "--name", "Olive", config);

        CommandLine.Result duplicate = CommandLine.run("user", "create", "--email", "OPS@example.com", "--name", "Other", config);
        CommandLine.Result badEmail = CommandLine.run("user", "create", "--email", "not-an-email", "--name", "X", config);
        CommandLine.Result noName = CommandLine.run("user", "create", "--email", "x@example.com", config);

        assertThat(duplicate.succeeded()).isFalse();
        assertThat(duplicate.err()).contains("error: a user with e-mail ops@example.com exists already");
        assertThat(badEmail.succeeded()).isFalse();
        assertThat(badEmail.err()).contains("is not an e-mail address");
        assertThat(noName.succeeded()).isFalse();
        assertThat(noName.err()).contains("argument --name is required");
        assertThat(count("SELECT count(*) FROM users")).isEqualTo(1);
    }

    @Test
    void creates_applications_for_an_owner_and_adds_members() {
        CommandLine.run("user", "create", "--email", "owner@example.com", "--name", "Owner", config);
        CommandLine.run("user", "create", "--email", "dev@example.com", "--name", "Dev", config);

        CommandLine.Result created = CommandLine.run("application", "create", "--name", "Billing", "--slug", "billing",
                "--platform", "python", "--owner", "owner@example.com", config);
        CommandLine.Result added = CommandLine.run("member", "add", "--application", "billing", "--email",
                "dev@example.com", config);

        assertThat(created.succeeded()).as(created.err()).isTrue();
        assertThat(created.out()).contains("Created application \"Billing\" (billing, python) owned by owner@example.com");
        assertThat(added.succeeded()).as(added.err()).isTrue();
        assertThat(added.out()).contains("dev@example.com is now a member of \"Billing\"");
        assertThat(text("SELECT string_agg(role, ',' ORDER BY role) FROM memberships")).isEqualTo("member,owner");
    }

    @Test
    void refuses_bad_applications_and_memberships_without_changing_anything() {
        CommandLine.run("user", "create", "--email", "owner@example.com", "--name", "Owner", config);
        CommandLine.run("application", "create", "--name", "Billing", "--slug", "billing", "--platform", "python",
                "--owner", "owner@example.com", config);

        assertFails(new String[] {"application", "create", "--name", "Again", "--slug", "billing", "--platform", "java",
                "--owner", "owner@example.com", config}, "the slug \"billing\" is taken");
        assertFails(new String[] {"application", "create", "--name", "X", "--slug", "Bad Slug", "--platform", "java",
                "--owner", "owner@example.com", config}, "slug \"Bad Slug\" must be");
        assertFails(new String[] {"application", "create", "--name", "X", "--slug", "x", "--platform", "java",
                "--owner", "ghost@example.com", config}, "no user with e-mail ghost@example.com");
        assertFails(new String[] {"member", "add", "--application", "missing", "--email", "owner@example.com", config},
                "no application with slug \"missing\"");
        assertFails(new String[] {"member", "add", "--application", "billing", "--email", "owner@example.com", config},
                "is a member of \"Billing\" already");
        assertFails(new String[] {"member", "add", "--application", "billing", "--email", "x@example.com",
                "--role", "admin", config}, "invalid choice: 'admin'");

        assertThat(count("SELECT count(*) FROM applications")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM memberships")).isEqualTo(1);
    }

    @Test
    void seeds_demo_data_once_and_keeps_the_login_for_the_banner() throws Exception {
        CommandLine.Result first = CommandLine.run("demo", config);
        CommandLine.Result second = CommandLine.run("demo", config);

        assertThat(first.succeeded()).as(first.err()).isTrue();
        assertThat(first.out()).contains("Seeded 2 applications with 50 issues").contains("Demo login: demo@faultline.dev / ");
        assertThat(second.out()).contains("Demo data is present already");
        assertThat(count("SELECT count(*) FROM issues")).isEqualTo(50);
        assertThat(count("SELECT count(*) FROM ingest_keys WHERE label = 'Default' AND enabled")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM events")).isGreaterThan(100);
        assertThat(count("SELECT count(*) FROM notes")).isGreaterThanOrEqualTo(5);
        assertThat(count("SELECT count(DISTINCT status) FROM issues")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM issues WHERE assignee_id IS NOT NULL")).isPositive();
        assertThat(count("SELECT count(*) FROM event_frames")).isGreaterThan(count("SELECT count(*) FROM events"));

        String login = java.nio.file.Files.readString(directory.resolve("data/demo-login.txt")).trim();
        assertThat(first.out()).contains("Demo login: " + login);
    }

    @Test
    void creates_a_personal_token_shown_once_and_stores_only_its_hash() {
        CommandLine.run("user", "create", "--email", "bot@example.com", "--name", "Bot", config);

        CommandLine.Result result = CommandLine.run("token", "create", "--email", "bot@example.com", "--title", "CI bot",
                "--scope", "mcp:read mcp:write", "--expires-in-days", "30", config);
        CommandLine.Result badScope = CommandLine.run("token", "create", "--email", "bot@example.com", "--title", "x",
                "--scope", "mcp:admin", config);
        CommandLine.Result nobody = CommandLine.run("token", "create", "--email", "ghost@example.com", "--title", "x", config);

        assertThat(result.succeeded()).as(result.err()).isTrue();
        assertThat(result.out()).contains("Created personal token \"CI bot\" for bot@example.com with mcp:read mcp:write")
                .containsPattern("Token \\(shown once\\): flt_pat_[0-9A-Za-z]{49}");
        String token = result.out().replaceAll("(?s).*Token \\(shown once\\): (\\S+).*", "$1");
        assertThat(dev.faultline.domain.access.PersonalTokenFormat.isWellFormed(token)).isTrue();
        assertThat(text("SELECT token_hash FROM personal_tokens"))
                .isEqualTo(dev.faultline.domain.access.TokenHash.of(token).hex());
        assertThat(badScope.succeeded()).isFalse();
        assertThat(badScope.err()).contains("unknown scope \"mcp:admin\"");
        assertThat(nobody.succeeded()).isFalse();
        assertThat(nobody.err()).contains("no user with e-mail ghost@example.com");
        assertThat(count("SELECT count(*) FROM personal_tokens")).isEqualTo(1);
    }

    @Test
    void purges_once_and_reports_what_it_removed() {
        CommandLine.Result result = CommandLine.run("purge", config);

        assertThat(result.succeeded()).as(result.err()).isTrue();
        assertThat(result.out()).contains("Purged:").contains("personal_tokens=0");
    }

    @Test
    void the_purge_applies_event_retention_keeping_turning_points_and_counters() throws Exception {
        CommandLine.Result seeded = CommandLine.run("demo", config);
        assertThat(seeded.succeeded()).as(seeded.err()).isTrue();
        Path file = Path.of(config);
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file)
                .replace("purge:\n  enabled: false", "purge:\n  enabled: false\n  maxEventsPerApplication: 1"));
        int before = count("SELECT count(*) FROM events");
        int counted = count("SELECT sum(event_count) FROM issues");
        String protectedEvents = """
                SELECT count(*) FROM events e WHERE
                  EXISTS (SELECT 1 FROM issue_activity a WHERE a.event_id = e.id)
                  OR NOT EXISTS (SELECT 1 FROM events o WHERE o.issue_id = e.issue_id
                                 AND (o.occurred_at, o.id) < (e.occurred_at, e.id))
                  OR NOT EXISTS (SELECT 1 FROM events n WHERE n.issue_id = e.issue_id
                                 AND (n.occurred_at, n.id) > (e.occurred_at, e.id))
                """;
        int kept = count(protectedEvents);
        assertThat(kept).isLessThan(before);

        CommandLine.Result result = CommandLine.run("purge", config);

        assertThat(result.succeeded()).as(result.err()).isTrue();
        assertThat(result.out()).contains("events=" + (before - kept));
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(kept);
        assertThat(count(protectedEvents)).isEqualTo(kept);
        assertThat(count("SELECT sum(event_count) FROM issues")).isEqualTo(counted);
        assertThat(count("SELECT count(*) FROM issues i WHERE NOT EXISTS "
                + "(SELECT 1 FROM events e WHERE e.issue_id = i.id)")).isZero();
    }

    @Test
    void manages_ingest_keys_and_prints_their_dsns() {
        CommandLine.run("user", "create", "--email", "owner@example.com", "--name", "Owner", config);
        CommandLine.run("application", "create", "--name", "Billing", "--slug", "billing", "--platform", "python",
                "--owner", "owner@example.com", config);
        String ingestId = text("SELECT ingest_id::text FROM applications WHERE slug = 'billing'");

        CommandLine.Result created = CommandLine.run("key", "create", "--application", "billing", "--label",
                "Production", "--rate-limit", "600", config);
        assertThat(created.succeeded()).as(created.err()).isTrue();
        String key = text("SELECT public_key FROM ingest_keys WHERE label = 'Production'");
        String id = text("SELECT id::text FROM ingest_keys WHERE label = 'Production'");
        assertThat(created.out()).contains("Created key " + id + " (\"Production\") for billing")
                .containsPattern("DSN: http://" + key + "@localhost(:[0-9]+)?/" + ingestId + "\n");

        CommandLine.Result listed = CommandLine.run("key", "list", "--application", "billing", config);
        assertThat(listed.succeeded()).as(listed.err()).isTrue();
        assertThat(listed.out()).contains("ingest id " + ingestId)
                .contains("\"Default\"  enabled  limit none")
                .contains(id + "  \"Production\"  enabled  limit 600/min").contains("last used never")
                .contains("DSN http://" + key + "@");
        assertThat(listed.out().indexOf("Default")).isLessThan(listed.out().indexOf("Production"));

        CommandLine.Result disabled = CommandLine.run("key", "disable", "--application", "billing", "--key", id, config);
        assertThat(disabled.out()).contains("Disabled key " + id + " (\"Production\") of billing.");
        assertThat(text("SELECT enabled::text FROM ingest_keys WHERE id = '" + id + "'")).isEqualTo("false");
        CommandLine.Result enabled = CommandLine.run("key", "enable", "--application", "billing", "--key", id, config);
        assertThat(enabled.out()).contains("Enabled key " + id);
        assertThat(text("SELECT enabled::text FROM ingest_keys WHERE id = '" + id + "'")).isEqualTo("true");
        CommandLine.Result deleted = CommandLine.run("key", "delete", "--application", "billing", "--key", id, config);
        assertThat(deleted.succeeded()).as(deleted.err()).isTrue();
        assertThat(count("SELECT count(*) FROM ingest_keys")).isEqualTo(1);
    }

    @Test
    void refuses_bad_key_commands_without_changing_anything() {
        CommandLine.run("user", "create", "--email", "owner@example.com", "--name", "Owner", config);
        CommandLine.run("application", "create", "--name", "Billing", "--slug", "billing", "--platform", "python",
                "--owner", "owner@example.com", config);
        String missingKey = "00000000-0000-0000-0000-000000000001";

        assertFails(new String[] {"key", "create", "--application", "missing", config}, "no application \"missing\"");
        assertFails(new String[] {"key", "create", "--application", "billing", "--rate-limit", "0", config},
                "rate limit is 1 to 1000000 events per minute, not 0");
        assertFails(new String[] {"key", "create", "--application", "billing", "--label", "x".repeat(101), config},
                "label is at most 100 characters");
        assertFails(new String[] {"key", "disable", "--application", "billing", config}, "needs --key ID");
        assertFails(new String[] {"key", "disable", "--application", "billing", "--key", "nope", config},
                "is not a key id");
        assertFails(new String[] {"key", "delete", "--application", "billing", "--key", missingKey, config},
                "billing has no key " + missingKey);
        assertFails(new String[] {"key", "rotate", "--application", "billing", config}, "invalid choice: 'rotate'");

        assertThat(count("SELECT count(*) FROM ingest_keys")).isEqualTo(1);
        assertThat(text("SELECT label FROM ingest_keys")).isEqualTo("Default");
    }

    private void assertFails(String[] arguments, String message) {
        CommandLine.Result result = CommandLine.run(arguments);
        assertThat(result.succeeded()).as(String.join(" ", arguments)).isFalse();
        assertThat(result.err()).contains(message);
    }

    private int count(String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private String text(String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }
}
