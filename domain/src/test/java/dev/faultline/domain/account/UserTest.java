package dev.faultline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.shared.InvalidValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void registers_with_a_fresh_id_and_keeps_only_the_hash() {
        PasswordHash hash = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
        User user = User.register(EmailAddress.of("Ada@Example.org"), DisplayName.of(" Ada "), hash, NOW);
        User other = User.register(EmailAddress.of("ada@example.org"), DisplayName.of("Ada"), hash, NOW);

        assertThat(user.id()).isNotEqualTo(other.id());
        assertThat(user.email().value()).isEqualTo("ada@example.org");
        assertThat(user.displayName().value()).isEqualTo("Ada");
        assertThat(user.toString()).doesNotContain("argon2id");
    }

    @Test
    void rehash_keeps_identity() {
        User user = User.register(EmailAddress.of("ada@example.org"), DisplayName.of("Ada"),
                new PasswordHash("$old"), NOW);
        User rehashed = user.withPasswordHash(new PasswordHash("$new"));
        assertThat(rehashed.id()).isEqualTo(user.id());
        assertThat(rehashed.passwordHash().encoded()).isEqualTo("$new");
        assertThat(rehashed.createdAt()).isEqualTo(NOW);
    }

    @Test
    void display_name_rules() {
        assertThatThrownBy(() -> DisplayName.of(" ")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> DisplayName.of("a".repeat(201))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> DisplayName.of("Ada\u0007")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("control");
        assertThat(DisplayName.of("a".repeat(200)).value()).hasSize(200);
    }

    @Test
    void a_stored_display_name_or_address_that_todays_rules_refuse_reads_back_as_stored() {
        String name = "Ada\u001b[31m\u202E" + "\uD83D\uDE00".repeat(200);
        User stored = new User(UserId.random(), new EmailAddress("ada\u0007@example.org"), new DisplayName(name),
                new PasswordHash("$argon2id$stored"), NOW);

        assertThat(stored.displayName().value()).isEqualTo(name);
        assertThat(stored.email().value()).isEqualTo("ada\u0007@example.org");
        assertThatThrownBy(() -> DisplayName.of(name)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> EmailAddress.of("ada\u0007@example.org")).isInstanceOf(InvalidValue.class);
    }
}
