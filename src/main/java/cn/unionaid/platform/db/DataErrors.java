package cn.unionaid.platform.db;

import java.sql.SQLException;
import java.util.Optional;

import org.springframework.dao.DataAccessException;

/**
 * Which of PostgreSQL's data exceptions (SQLSTATE class 22) a failed statement met: the value the caller sent
 * could not be stored, which is the caller's mistake rather than the server's.
 */
public final class DataErrors {

    /** The kinds of bad value. */
    public enum BadValue {
        /** A character the encoding has no place for, such as a NUL byte. */
        CHARACTER,
        /** A number beyond its column. */
        OUT_OF_RANGE,
        /** A text longer than its column. */
        TOO_LONG,
        /** Any other data exception (a bad date, a bad number format). */
        OTHER
    }

    private DataErrors() {
    }

    public static Optional<BadValue> badValue(DataAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        if (!(cause instanceof SQLException sql) || sql.getSQLState() == null || !sql.getSQLState().startsWith("22")) {
            return Optional.empty();
        }
        return Optional.of(switch (sql.getSQLState()) {
            case "22021", "22P05" -> BadValue.CHARACTER;
            case "22003" -> BadValue.OUT_OF_RANGE;
            case "22001" -> BadValue.TOO_LONG;
            default -> BadValue.OTHER;
        });
    }
}
