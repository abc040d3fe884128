package dev.faultline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {
    @Test
    void normalisesCaseAndSurroundingSpace() {
        assertThat(EmailAddress.of("  Ada.Lovelace@Example.ORG ").value()).isEqualTo("ada.lovelace@example.org");
        assertThat(EmailAddress.of("ADA@example.org")).isEqualTo(EmailAddress.of("ada@EXAMPLE.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ada", "ada@", "@example.org", "ada@example", "a da@example.org",
            "ada@@example.org", "ada@example..org", "ada@.org"})
    void refusesWhatIsNotAnAddress(String text) {
        assertThatThrownBy(() -> EmailAddress.of(text)).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("email");
    }

    @Test
    void refusesNullAndOverlongAddresses() {
        assertThatThrownBy(() -> new EmailAddress(null)).isInstanceOf(InvalidValue.class);
        String local64 = "a".repeat(64);
        String longDomain = ("b".repeat(60) + ".").repeat(5) + "org";
        assertThatThrownBy(() -> EmailAddress.of(local64 + "@" + longDomain))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("at most 320");
        assertThatThrownBy(() -> EmailAddress.of("a".repeat(65) + "@example.org")).isInstanceOf(InvalidValue.class);
    }
}
