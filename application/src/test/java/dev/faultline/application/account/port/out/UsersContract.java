package dev.faultline.application.account.port.out;

import static dev.faultline.application.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.faultline.application.testing.Fixtures;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.PasswordHash;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link Users} adapter must do. */
public abstract class UsersContract {
    protected abstract Users users();

    @Test
    void finds_an_added_user_by_id_and_by_email() {
        User ada = user();
        assertThat(users().add(ada)).isEqualTo(Users.Insertion.ADDED);
        assertThat(users().findById(ada.id())).contains(ada);
        assertThat(users().findByEmail(ada.email())).contains(ada);
    }

    @Test
    void unknown_users_are_absent() {
        assertThat(users().findById(UserId.random())).isEmpty();
        assertThat(users().findByEmail(EmailAddress.of("nobody-" + Fixtures.unique() + "@example.org"))).isEmpty();
    }

    @Test
    void finds_many_users_in_one_look_up_leaving_out_unknown_ids() {
        User ada = user();
        User grace = user();
        User bystander = user();
        users().add(ada);
        users().add(grace);
        users().add(bystander);
        UserId unknown = UserId.random();

        assertThat(users().findAll(List.of(ada.id(), unknown, grace.id(), ada.id())))
                .containsOnly(entry(ada.id(), ada), entry(grace.id(), grace));
        assertThat(users().findAll(List.of())).isEmpty();
        assertThat(users().findAll(List.of(unknown))).isEmpty();
    }

    @Test
    void an_email_address_belongs_to_one_user() {
        String local = "ada-" + Fixtures.unique();
        User ada = user(local + "@example.org");
        User impostor = user(local.toUpperCase() + "@EXAMPLE.org");
        users().add(ada);
        assertThat(users().add(impostor)).isEqualTo(Users.Insertion.EMAIL_TAKEN);
        assertThat(users().findByEmail(ada.email())).contains(ada);
        assertThat(users().findById(impostor.id())).isEmpty();
    }

    @Test
    void replaces_the_password_hash_only() {
        User ada = user();
        users().add(ada);
        users().updatePasswordHash(ada.id(), new PasswordHash("$fake$v3$stronger"));
        User stored = users().findById(ada.id()).orElseThrow();
        assertThat(stored.passwordHash().encoded()).isEqualTo("$fake$v3$stronger");
        assertThat(stored.email()).isEqualTo(ada.email());
        assertThat(stored.createdAt()).isEqualTo(ada.createdAt());
        users().updatePasswordHash(UserId.random(), new PasswordHash("$ignored"));
    }

    @Test
    void concurrent_sign_ups_for_one_address_end_in_exactly_one_user() throws Exception {
        String email = "race-" + Fixtures.unique() + "@example.org";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Users.Insertion>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> users().add(user(email)));
            }
            List<Users.Insertion> results = new ArrayList<>();
            for (Future<Users.Insertion> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            assertThat(results).containsOnlyOnce(Users.Insertion.ADDED);
        } finally {
            pool.shutdownNow();
        }
    }
}
