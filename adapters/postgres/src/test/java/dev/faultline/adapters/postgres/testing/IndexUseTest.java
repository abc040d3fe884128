package dev.faultline.adapters.postgres.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndexUseTest {
    static final TestDatabase db = TestDatabases.fresh();

    @Test
    void a_query_the_kept_index_cannot_serve_fails_the_assertion() {
        assertThatThrownBy(() -> IndexUse.assertServedBy(db, "token_chains",
                "SELECT id FROM token_chains WHERE client_id = 'c'", "token_chains_by_user_client"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("must constrain user_id");
    }

    @Test
    void a_query_no_kept_index_can_serve_shows_a_sequential_scan_and_fails() {
        assertThatThrownBy(() -> IndexUse.assertServedBy(db, "oauth_clients",
                "SELECT id FROM oauth_clients WHERE name = 'n'", "oauth_clients_never_authorized"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void a_query_served_only_by_a_competing_index_fails_the_assertion() {
        assertThatThrownBy(() -> IndexUse.assertServedBy(db, "token_chains",
                "SELECT id FROM token_chains WHERE client_id = 'c'", "token_chains_by_client", "token_chains_pkey"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void every_dropped_index_and_constraint_is_back_afterwards() {
        String indexes = "SELECT count(*) FROM pg_indexes WHERE tablename = 'token_chains'";
        String constraints = "SELECT count(*) FROM pg_constraint";
        int indexesBefore = count(indexes);
        int constraintsBefore = count(constraints);

        IndexUse.assertServedBy(db, "token_chains", "SELECT id FROM token_chains WHERE client_id = 'c'",
                "token_chains_by_client");

        assertThat(count(indexes)).isEqualTo(indexesBefore);
        assertThat(count(constraints)).isEqualTo(constraintsBefore);
    }

    private static int count(String sql) {
        return db.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }
}
