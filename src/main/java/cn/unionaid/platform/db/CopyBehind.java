package cn.unionaid.platform.db;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * COPYs chunks of rows on the transaction's connection from a thread of its own, while the caller reads, checks and
 * seals the next rows (a roster import): PostgreSQL takes in one chunk while Java makes the next, where one after the
 * other each waited for the other. Until {@link #finish()} the caller must not use the connection itself. A failed
 * COPY stops the caller at its next chunk and is thrown from there or from {@link #finish()}; {@link #close()} after
 * a failure of the caller's own stops the writer and waits for it.
 */
public final class CopyBehind implements AutoCloseable {

    private static final int CHUNKS_AHEAD = 2;

    /** A chunk of CSV rows and the COPY that takes them. */
    private record Chunk(String copySql, String rows) {
    }

    private final Handover chunks = new Handover(CHUNKS_AHEAD);
    private final Thread writer;
    private volatile Throwable failure;
    private boolean finished;

    public CopyBehind(Connection connection) {
        this.writer = new Thread(() -> write(connection), "copy-behind");
        writer.setDaemon(true);
        writer.start();
    }

    /** Rows for {@code table}, written behind the caller. */
    public CsvCopy into(String table, List<String> columns) {
        String copySql = CsvCopy.copySql(table, columns);
        return new CsvCopy((rows, count) -> {
            try {
                chunks.put(new Chunk(copySql, rows));
            } catch (CancellationException e) {
                throw failed();
            }
            return count;
        });
    }

    /** Waits until every chunk handed over is written; throws what failed on the way. */
    public void finish() {
        finished = true;
        try {
            chunks.end();
        } catch (CancellationException e) {
            throw failed();
        }
        join();
        if (failure != null) {
            throw failed();
        }
    }

    @Override
    public void close() {
        if (!finished) {
            try {
                chunks.put(new IllegalStateException("the rows' maker gave up"));
            } catch (CancellationException e) {
                // the writer has failed and stopped already
            }
            join();
        }
    }

    private void write(Connection connection) {
        try {
            for (Object next = chunks.next(); next != null; next = chunks.next()) {
                Chunk chunk = (Chunk) next;
                CsvCopy.copyIn(connection, chunk.copySql(), chunk.rows());
            }
        } catch (Throwable t) {
            failure = t;
            chunks.stop();
        }
    }

    private RuntimeException failed() {
        join();
        return failure instanceof RuntimeException r ? r : new IllegalStateException("COPY failed", failure);
    }

    private void join() {
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
