package dev.faultline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.shared.InvalidValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressSignInLimitTest {
    private static final RemoteAddress HOME = new RemoteAddress("203.0.113.7");
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final AddressSignInLimit limit = new AddressSignInLimit(3, Duration.ofMinutes(15));

    private AddressFailures granted(Optional<AddressFailures> current, Instant now) {
        AddressSignInLimit.Reservation reservation = limit.reserve(HOME, current, now);
        assertThat(reservation).isInstanceOf(AddressSignInLimit.Reservation.Granted.class);
        return ((AddressSignInLimit.Reservation.Granted) reservation).failures();
    }

    @Test
    void the_limit_is_reached_at_max_failures_and_one_past_it_is_refused_until_the_window_ends() {
        AddressFailures first = granted(Optional.empty(), T0);
        AddressFailures second = granted(Optional.of(first), T0.plusSeconds(60));
        AddressFailures third = granted(Optional.of(second), T0.plusSeconds(120));
        assertThat(third).isEqualTo(new AddressFailures(HOME, 3, T0));

        assertThat(limit.reserve(HOME, Optional.of(third), T0.plusSeconds(300)))
                .isEqualTo(new AddressSignInLimit.Reservation.Refused(T0.plus(Duration.ofMinutes(15)),
                        Duration.ofMinutes(10)));
        assertThat(granted(Optional.of(third), T0.plus(Duration.ofMinutes(15))))
                .as("a new window").isEqualTo(new AddressFailures(HOME, 1, T0.plus(Duration.ofMinutes(15))));
    }

    @Test
    void a_refund_gives_back_one_failure_of_the_same_window_only() {
        AddressFailures reserved = granted(Optional.empty(), T0);
        AddressFailures two = granted(Optional.of(reserved), T0);
        assertThat(limit.refund(two, reserved)).isEqualTo(new AddressFailures(HOME, 1, T0));
        AddressFailures nextWindow = new AddressFailures(HOME, 2, T0.plus(Duration.ofMinutes(20)));
        assertThat(limit.refund(nextWindow, reserved)).isEqualTo(nextWindow);
        AddressFailures none = new AddressFailures(HOME, 0, T0);
        assertThat(limit.refund(none, reserved)).isEqualTo(none);
    }

    @Test
    void refuses_nonsense() {
        assertThatThrownBy(() -> new AddressSignInLimit(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressSignInLimit(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteAddress("")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new RemoteAddress("1.2.3.4\u0000")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new RemoteAddress("x".repeat(101))).isInstanceOf(InvalidValue.class);
        assertThat(new RemoteAddress("x".repeat(100)).value()).hasSize(100);
        assertThat(new RemoteAddress("2001:db8::1").value()).isEqualTo("2001:db8::1");
    }
}
