package cn.unionaid.platform.db;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * Bulk-loads rows into a (temporary) table with PostgreSQL's COPY in CSV form, a chunk at a time so that
 * memory stays flat. null is written as an unquoted empty field (NULL), byte arrays as bytea hex.
 */
public final class CsvCopy {

    private static final int CHUNK_ROWS = 5_000;
    private static final HexFormat HEX = HexFormat.of();

    /** Where each chunk of rows goes: a COPY on a connection, or a hand-over to the thread that writes. */
    interface Sink {
        /** Takes a chunk of CSV rows and returns how many were written (or handed over). */
        long accept(String chunk, int rows);
    }

    private final Sink sink;
    private final StringBuilder buffer = new StringBuilder(1 << 20);
    private int buffered;
    private long total;

    public CsvCopy(Connection connection, String table, List<String> columns) {
        String copySql = copySql(table, columns);
        this.sink = (chunk, rows) -> copyIn(connection, copySql, chunk);
    }

    CsvCopy(Sink sink) {
        this.sink = sink;
    }

    static String copySql(String table, List<String> columns) {
        return "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
    }

    /** One COPY of a chunk of CSV rows; returns the rows written. */
    static long copyIn(Connection connection, String copySql, String chunk) {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(chunk));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into staging failed", e);
        }
    }

    public void row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append(',');
            }
            append(values[i]);
        }
        buffer.append('\n');
        if (++buffered >= CHUNK_ROWS) {
            flush();
        }
    }

    private void append(Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof byte[] bytes) {
            buffer.append("\\x").append(HEX.formatHex(bytes));
        } else if (value instanceof Boolean b) {
            buffer.append(b ? 't' : 'f');
        } else if (value instanceof Number || value instanceof java.time.temporal.Temporal) {
            buffer.append(value);
        } else {
            buffer.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
        }
    }

    public long finish() {
        flush();
        return total;
    }

    private void flush() {
        if (buffered == 0) {
            return;
        }
        total += sink.accept(buffer.toString(), buffered);
        buffer.setLength(0);
        buffered = 0;
    }
}
