package dev.faultline.application.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.inmemory.account.InMemoryAddressSignInFailures;
import dev.faultline.adapters.inmemory.account.InMemorySignInAttempts;
import dev.faultline.adapters.inmemory.account.InMemoryUsers;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.application.account.port.in.SignIn;
import dev.faultline.application.testing.FakePasswordCheckPermits;
import dev.faultline.application.testing.FakePasswordHasher;
import dev.faultline.application.testing.MutableClock;
import dev.faultline.domain.account.DisplayName;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.RemoteAddress;
import dev.faultline.domain.account.AddressSignInLimit;
import dev.faultline.domain.account.SignInThrottle;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountUseCasesTest {
    private static final String PASSWORD = "correct horse battery";
    private final MutableClock clock = MutableClock.startingAt("2026-11-23T10:00:00Z");
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemorySignInAttempts attempts = new InMemorySignInAttempts();
    private final InMemoryAddressSignInFailures addressFailures = new InMemoryAddressSignInFailures();
    private final AddressSignInLimit addressLimit = new AddressSignInLimit(1000, Duration.ofMinutes(15));
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final FakePasswordCheckPermits permits = new FakePasswordCheckPermits();
    private final CreateUser createUser = new CreateUserService(users, hasher, clock);
    private final SignIn signIn = new SignInService(users, attempts, addressFailures, permits, hasher, SignInThrottle.defaults(),
            addressLimit, clock);

    private CreateUser.Outcome.Created ada() {
        return (CreateUser.Outcome.Created) createUser.createUser(
                CreateUser.Command.of("Ada@Example.org", "Ada Lovelace", PASSWORD));
    }

    @Nested
    class Creating {
        @Test
        void creates_a_user_with_a_hashed_password() {
            CreateUser.Outcome.Created created = ada();
            User stored = users.findById(created.userId()).orElseThrow();
            assertThat(stored.email().value()).isEqualTo("ada@example.org");
            assertThat(stored.passwordHash().encoded()).doesNotContain(PASSWORD);
            assertThat(stored.createdAt()).isEqualTo(clock.instant());
        }

        @Test
        void refuses_a_taken_address_whatever_its_case() {
            ada();
            int hashesBefore = hasher.hashes.get();
            assertThat(createUser.createUser(CreateUser.Command.of("ADA@example.ORG", "Other Ada", PASSWORD)))
                    .isEqualTo(new CreateUser.Outcome.EmailTaken(EmailAddress.of("ada@example.org")));
            assertThat(hasher.hashes.get()).isEqualTo(hashesBefore);
        }

        @Test
        void password_rules() {
            assertThatThrownBy(() -> CreateUser.Command.of("a@example.org", "A", "eleven char"))
                    .isInstanceOf(InvalidValue.class).hasMessageContaining("at least 12");
            assertThatThrownBy(() -> CreateUser.Command.of("a@example.org", "A", "x".repeat(1025)))
                    .isInstanceOf(InvalidValue.class).hasMessageContaining("at most 1024");
            assertThat(CreateUser.Command.of("a@example.org", "A", "x".repeat(1024)).password()).hasSize(1024);
            // 12 code points, 24 UTF-16 chars: emoji count once each.
            assertThat(CreateUser.Command.of("a@example.org", "A", "\uD83D\uDD12".repeat(12))).isNotNull();
            assertThatThrownBy(() -> CreateUser.Command.of("a@example.org", "A", "\uD83D\uDD12".repeat(11)))
                    .isInstanceOf(InvalidValue.class);
            assertThatThrownBy(() -> CreateUser.Command.of("not-an-address", "A", PASSWORD))
                    .isInstanceOf(InvalidValue.class).extracting(e -> ((InvalidValue) e).field()).isEqualTo("email");
        }

        @Test
        void never_prints_the_password() {
            assertThat(CreateUser.Command.of("a@example.org", "A", PASSWORD).toString()).doesNotContain(PASSWORD);
            assertThat(SignIn.Command.of("a@example.org", PASSWORD).toString()).doesNotContain(PASSWORD);
        }
    }

    @Nested
    class SigningIn {
        @Test
        void signs_in_with_the_right_password_whatever_the_address_case() {
            CreateUser.Outcome.Created created = ada();
            SignIn.Outcome outcome = signIn.signIn(SignIn.Command.of(" ADA@example.org", PASSWORD));
            assertThat(outcome).isInstanceOf(SignIn.Outcome.SignedIn.class);
            assertThat(((SignIn.Outcome.SignedIn) outcome).userId()).isEqualTo(created.userId());
        }

        @Test
        void a_wrong_password_and_an_unknown_address_look_the_same_and_both_cost_a_verification() {
            ada();
            assertThat(signIn.signIn(SignIn.Command.of("ada@example.org", "wrong password!")))
                    .isEqualTo(new SignIn.Outcome.InvalidCredentials());
            assertThat(hasher.verifications.get()).isEqualTo(1);
            assertThat(signIn.signIn(SignIn.Command.of("nobody@example.org", PASSWORD)))
                    .isEqualTo(new SignIn.Outcome.InvalidCredentials());
            assertThat(hasher.dummyVerifications.get()).isEqualTo(1);
            assertThat(attempts.find(EmailAddress.of("nobody@example.org")).orElseThrow().failures()).isEqualTo(1);
        }

        @Test
        void five_failures_lock_the_address_out_even_for_the_right_password() {
            ada();
            for (int i = 0; i < 5; i++) {
                signIn.signIn(SignIn.Command.of("ada@example.org", "wrong password " + i));
            }
            int verificationsBefore = hasher.verifications.get();
            clock.advance(Duration.ofSeconds(20));
            SignIn.Outcome outcome = signIn.signIn(SignIn.Command.of("ada@example.org", PASSWORD));
            assertThat(outcome).isEqualTo(new SignIn.Outcome.Throttled(
                    clock.instant().plusSeconds(40), Duration.ofSeconds(40)));
            assertThat(hasher.verifications.get()).isEqualTo(verificationsBefore);

            clock.advance(Duration.ofSeconds(40));
            assertThat(signIn.signIn(SignIn.Command.of("ada@example.org", PASSWORD)))
                    .isInstanceOf(SignIn.Outcome.SignedIn.class);
            assertThat(attempts.find(EmailAddress.of("ada@example.org"))).isEmpty();
        }

        @Test
        void unknown_addresses_are_throttled_too() {
            for (int i = 0; i < 5; i++) {
                signIn.signIn(SignIn.Command.of("ghost@example.org", PASSWORD));
            }
            assertThat(signIn.signIn(SignIn.Command.of("ghost@example.org", PASSWORD)))
                    .isInstanceOf(SignIn.Outcome.Throttled.class);
        }

        @Test
        void success_resets_the_streak() {
            ada();
            for (int i = 0; i < 4; i++) {
                signIn.signIn(SignIn.Command.of("ada@example.org", "wrong password " + i));
            }
            signIn.signIn(SignIn.Command.of("ada@example.org", PASSWORD));
            for (int i = 0; i < 4; i++) {
                assertThat(signIn.signIn(SignIn.Command.of("ada@example.org", "wrong again " + i)))
                        .isInstanceOf(SignIn.Outcome.InvalidCredentials.class);
            }
            assertThat(signIn.signIn(SignIn.Command.of("ada@example.org", PASSWORD)))
                    .isInstanceOf(SignIn.Outcome.SignedIn.class);
        }

        @Test
        void rehashes_a_weak_hash_on_success_only() {
            CreateUser.Outcome.Created created = ada();
            hasher.setCurrentVersion(3);
            signIn.signIn(SignIn.Command.of("ada@example.org", "wrong password!"));
            assertThat(users.findById(created.userId()).orElseThrow().passwordHash().encoded()).startsWith("$fake$v2$");
            signIn.signIn(SignIn.Command.of("ada@example.org", PASSWORD));
            assertThat(users.findById(created.userId()).orElseThrow().passwordHash().encoded()).startsWith("$fake$v3$");
            assertThat(signIn.signIn(SignIn.Command.of("ada@example.org", PASSWORD)))
                    .isInstanceOf(SignIn.Outcome.SignedIn.class);
        }

        @Test
        void with_no_free_password_check_slot_it_is_busy_checks_nothing_and_counts_nothing() {
            ada();
            permits.busy(true);
            assertThat(signIn.signIn(SignIn.Command.of("ada@example.org", "wrong password!")))
                    .isEqualTo(new SignIn.Outcome.Busy(Duration.ofSeconds(1)));
            assertThat(hasher.verifications.get() + hasher.dummyVerifications.get()).isZero();
            assertThat(attempts.find(EmailAddress.of("ada@example.org"))).isEmpty();

            permits.busy(false);
            assertThat(signIn.signIn(SignIn.Command.of("ada@example.org", PASSWORD)))
                    .isInstanceOf(SignIn.Outcome.SignedIn.class);
            assertThat(permits.held.get()).as("every permit given back").isZero();
        }

        @Test
        void spraying_one_address_across_accounts_is_refused_at_the_limit_and_only_wrong_passwords_count_towards_it() {
            ada();
            InMemoryAddressSignInFailures fromAddresses = new InMemoryAddressSignInFailures();
            SignIn limited = new SignInService(users, attempts, fromAddresses, permits, hasher,
                    SignInThrottle.defaults(), new AddressSignInLimit(3, Duration.ofMinutes(15)), clock);
            RemoteAddress sprayer = new RemoteAddress("203.0.113.9");
            RemoteAddress office = new RemoteAddress("198.51.100.1");

            assertThat(limited.signIn(SignIn.Command.of("ada@example.org", PASSWORD, sprayer)))
                    .as("a success gives its reservation back").isInstanceOf(SignIn.Outcome.SignedIn.class);
            for (int i = 0; i < 3; i++) {
                assertThat(limited.signIn(SignIn.Command.of("victim" + i + "@example.org", PASSWORD, sprayer)))
                        .isEqualTo(new SignIn.Outcome.InvalidCredentials());
            }
            int checks = hasher.verifications.get() + hasher.dummyVerifications.get();
            clock.advance(Duration.ofMinutes(5));
            assertThat(limited.signIn(SignIn.Command.of("victim9@example.org", PASSWORD, sprayer)))
                    .isEqualTo(new SignIn.Outcome.TooManyFromAddress(clock.instant().plus(Duration.ofMinutes(10)),
                            Duration.ofMinutes(10)));
            assertThat(limited.signIn(SignIn.Command.of("ada@example.org", PASSWORD, sprayer)))
                    .as("even the right password, from there").isInstanceOf(SignIn.Outcome.TooManyFromAddress.class);
            assertThat(hasher.verifications.get() + hasher.dummyVerifications.get()).isEqualTo(checks);
            assertThat(limited.signIn(SignIn.Command.of("ada@example.org", PASSWORD, office)))
                    .as("another address").isInstanceOf(SignIn.Outcome.SignedIn.class);

            clock.advance(Duration.ofMinutes(10));
            assertThat(limited.signIn(SignIn.Command.of("ada@example.org", PASSWORD, sprayer)))
                    .as("a new window").isInstanceOf(SignIn.Outcome.SignedIn.class);
        }

        @Test
        void refuses_an_overlong_password_before_hashing() {
            assertThatThrownBy(() -> SignIn.Command.of("ada@example.org", "x".repeat(1025)))
                    .isInstanceOf(InvalidValue.class).hasMessageContaining("at most 1024");
        }

        @Test
        void refuses_an_empty_password() {
            assertThatThrownBy(() -> SignIn.Command.of("ada@example.org", ""))
                    .isInstanceOf(InvalidValue.class).extracting(e -> ((InvalidValue) e).field()).isEqualTo("password");
        }
    }

    @Test
    void display_names_are_looked_up_for_existing_users_only() {
        CreateUser.Outcome.Created ada = (CreateUser.Outcome.Created) createUser.createUser(
                CreateUser.Command.of("ada@example.org", "Ada Lovelace", "correct horse battery staple"));
        UserId gone = UserId.random();

        Map<UserId, DisplayName> names = new LookUpDisplayNamesService(users).displayNamesOf(Set.of(ada.userId(), gone));

        assertThat(names).hasSize(1);
        assertThat(names.get(ada.userId()).value()).isEqualTo("Ada Lovelace");
    }
}
