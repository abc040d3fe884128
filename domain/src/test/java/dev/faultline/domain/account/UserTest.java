package dev.faultline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.shared.InvalidValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void registersWithAFreshIdAndKeepsOnlyTheHash() {
        PasswordHash hash = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
        User user = User.register(EmailAddress.of("Ada@Example.org"), new DisplayName(" Ada "), hash, NOW);
        User other = User.register(EmailAddress.of("ada@example.org"), new DisplayName("Ada"), hash, NOW);

        assertThat(user.id()).isNotEqualTo(other.id());
        assertThat(user.email().value()).isEqualTo("ada@example.org");
        assertThat(user.displayName().value()).isEqualTo("Ada");
        assertThat(user.toString()).doesNotContain("argon2id");
    }

    @Test
    void rehashKeepsIdentity() {
        User user = User.register(EmailAddress.of("ada@example.org"), new DisplayName("Ada"),
                new PasswordHash("$old"), NOW);
        User rehashed = user.withPasswordHash(new PasswordHash("$new"));
        assertThat(rehashed.id()).isEqualTo(user.id());
        assertThat(rehashed.passwordHash().encoded()).isEqualTo("$new");
        assertThat(rehashed.createdAt()).isEqualTo(NOW);
    }

    @Test
    void displayNameRules() {
        assertThatThrownBy(() -> new DisplayName(" ")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new DisplayName("a".repeat(201))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new DisplayName("Ada\u0007")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("control");
        assertThat(new DisplayName("a".repeat(200)).value()).hasSize(200);
    }
}
