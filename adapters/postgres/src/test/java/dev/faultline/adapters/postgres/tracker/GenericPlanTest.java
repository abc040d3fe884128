package dev.faultline.adapters.postgres.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/**
 * The setting, the query and the reset go as one statement text: the query runs under the setting, and the setting
 * never outlives the query's transaction, whether the list opened it or joined a unit of work, and whether the query
 * succeeded or failed.
 */
class GenericPlanTest {
    static final TestDatabase db = TestDatabases.freshEmpty();
    private static final String SETTING = "SELECT current_setting('plan_cache_mode') AS mode, :n::int AS n";

    private static List<String> modes(Handle handle) {
        return GenericPlan.list(handle, SETTING, Map.of("n", 7),
                (rs, ctx) -> rs.getString("mode") + " " + rs.getInt("n"));
    }

    private static String setting(Handle handle) {
        return handle.createQuery("SHOW plan_cache_mode").mapTo(String.class).one();
    }

    @Test
    void the_query_runs_under_the_setting_with_its_parameters_and_a_transaction_of_its_own_leaves_nothing_behind() {
        db.jdbi().useHandle(handle -> {
            assertThat(handle.isInTransaction()).isFalse();
            assertThat(modes(handle)).containsExactly("force_generic_plan 7");
            assertThat(handle.isInTransaction()).isFalse();
            assertThat(setting(handle)).isEqualTo("auto");
        });
    }

    @Test
    void inside_a_unit_of_work_the_rest_of_it_plans_as_usual() {
        db.jdbi().useTransaction(handle -> {
            assertThat(modes(handle)).containsExactly("force_generic_plan 7");
            assertThat(setting(handle)).isEqualTo("auto");
        });
    }

    @Test
    void a_failing_query_takes_the_setting_back_with_its_transaction() {
        db.jdbi().useHandle(handle -> {
            assertThatThrownBy(() -> GenericPlan.list(handle, "SELECT 1 / (:n::int - 7) AS never", Map.of("n", 7),
                    (rs, ctx) -> rs.getInt("never"))).isInstanceOf(UnableToExecuteStatementException.class)
                    .hasMessageContaining("division by zero");
            assertThat(handle.isInTransaction()).isFalse();
            assertThat(setting(handle)).isEqualTo("auto");
            assertThat(modes(handle)).as("the connection still serves lists").containsExactly("force_generic_plan 7");
        });
    }

    @Test
    void a_query_that_answers_no_rows_is_an_empty_list() {
        db.jdbi().useHandle(handle -> assertThat(GenericPlan.list(handle, "SELECT 1 AS one WHERE :n::int = 0",
                Map.of("n", 7), (rs, ctx) -> rs.getInt("one"))).isEmpty());
    }
}
