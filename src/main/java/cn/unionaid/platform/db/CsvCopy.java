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

    private final Connection connection;
    private final String copySql;
    private final StringBuilder buffer = new StringBuilder(1 << 20);
    private int buffered;
    private long total;

    public CsvCopy(Connection connection, String table, List<String> columns) {
        this.connection = connection;
        this.copySql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
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
        try {
            total += connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(buffer.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into staging failed", e);
        }
        buffer.setLength(0);
        buffered = 0;
    }
}
