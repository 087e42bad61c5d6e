package cn.unionaid.platform.db;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Chunks of rows passed from the thread that makes them to the thread that writes them, a few ahead at most so
 * that memory stays flat. Either side can stop the other: the maker by handing over its failure (or the end), the
 * writer by {@link #stop()}, after which the maker's next hand-over throws {@link CancellationException}.
 */
final class Handover {

    private static final Object END = new Object();

    private final BlockingQueue<Object> chunks;
    private volatile boolean stopped;

    Handover(int ahead) {
        this.chunks = new ArrayBlockingQueue<>(ahead);
    }

    /** Hands a chunk (or the maker's failure) over; waits while the writer is {@code ahead} chunks behind. */
    void put(Object chunk) {
        try {
            while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    throw new CancellationException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
        }
    }

    /** Tells the writer that no chunk follows. */
    void end() {
        put(END);
    }

    /** The next chunk, or null at the end; the maker's failure is thrown here, in the writer's thread. */
    Object next() {
        Object next;
        try {
            next = chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for rows", e);
        }
        if (next == END) {
            return null;
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        if (next instanceof Error e) {
            throw e;
        }
        if (next instanceof Throwable t) {
            throw new IllegalStateException("making rows failed", t);
        }
        return next;
    }

    /** The writer gives up: the maker stops at its next hand-over. */
    void stop() {
        stopped = true;
        chunks.clear();
    }

    boolean stopped() {
        return stopped;
    }
}
