package dev.faultline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {
    @Test
    void normalises_case_and_surrounding_space() {
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
    void refuses_null_and_overlong_addresses() {
        assertThatThrownBy(() -> EmailAddress.of(null)).isInstanceOf(InvalidValue.class);
        String local64 = "a".repeat(64);
        String longDomain = ("b".repeat(60) + ".").repeat(5) + "org";
        assertThatThrownBy(() -> EmailAddress.of(local64 + "@" + longDomain))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("at most 320");
        assertThatThrownBy(() -> EmailAddress.of("a".repeat(65) + "@example.org")).isInstanceOf(InvalidValue.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada\u0000@example.org", "ada@example.org\u0000", "\u0000ada@example.org",
            "ada\u0007@example.org", "ada@exa\u007Fmple.org", "ada@example.org\n", "\tada@example.org",
            "ada\u001F@example.org", "ada@example.org\u0085"})
    void refusesControlCharactersRatherThanStrippingThem(String text) {
        assertThatThrownBy(() -> EmailAddress.of(text)).isInstanceOf(InvalidValue.class)
                .hasMessage("an e-mail address must not contain control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada\uD800@example.org", "ada@example.org\uDC00", "\uDFFF\uD800ada@example.org",
            "ada\uFFFD@example.org"})
    void refusesLoneSurrogatesAndReplacementCharacters(String text) {
        assertThatThrownBy(() -> EmailAddress.of(text)).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("well-formed Unicode");
    }

    @Test
    void accepts_characters_outside_the_basic_plane() {
        assertThat(EmailAddress.of("\uD83D\uDD12ada@example.org").value()).isEqualTo("\uD83D\uDD12ada@example.org");
    }
}
