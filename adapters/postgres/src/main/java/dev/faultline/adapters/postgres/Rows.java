package dev.faultline.adapters.postgres;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Translations between rows and values shared by every repository. Instants travel as UTC
 * {@link OffsetDateTime} (what pgjdbc maps to timestamptz), independent of the JVM's and the session's zone.
 */
public final class Rows {
    private static final String UNIQUE_VIOLATION = "23505";

    private Rows() {
    }

    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static OffsetDateTime timestamp(Optional<Instant> instant) {
        return instant.map(Rows::timestamp).orElse(null);
    }

    /** A NOT NULL timestamptz column. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return optionalInstant(rs, column).orElseThrow(() -> new SQLException(column + " is null"));
    }

    /** A nullable timestamptz column, as null when empty (for records that model absence with null). */
    public static Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        return optionalInstant(rs, column).orElse(null);
    }

    public static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    public static boolean isUniqueViolation(UnableToExecuteStatementException e) {
        return e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
    }
}
