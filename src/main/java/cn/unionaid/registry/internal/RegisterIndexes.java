package cn.unionaid.registry.internal;

import java.util.List;
import java.util.function.Supplier;

import cn.unionaid.registry.RegistryProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A large load into the register (大批量建档, a province's first roster): when an import adds at least
 * {@link RegistryProperties#largeLoadRows()} archives and at least as many as the register already holds, its rows are
 * written with the register's search indexes set aside and each index is built once afterwards (V45), which costs
 * about half of maintaining a dozen indexes row by row. Keys and unique indexes stay, so every rule they enforce holds
 * during the load; the tables are the load's own until it commits (others' reads of them wait). A table that others are
 * using when the load begins keeps its indexes (the database waits two seconds for them, V45).
 */
@Component
public class RegisterIndexes {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RegisterIndexes.class);

    /** The register's tables whose search indexes a large load may set aside. */
    public enum Table {
        MODEL_WORKER("model_worker"), HOUSEHOLD("household"), HOUSEHOLD_MEMBER("household_member");

        private final String name;

        Table(String name) {
            this.name = name;
        }
    }

    private final JdbcClient jdbc;
    private final RegistryProperties properties;

    RegisterIndexes(JdbcClient jdbc, RegistryProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Runs {@code write}, which adds {@code adding} archives to {@code tables}' first table, with the tables' search
     * indexes set aside when the load is large, and builds them again before returning.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> T adding(long adding, List<Table> tables, Supplier<T> write) {
        if (adding < properties.largeLoadRows() || adding < held(tables.get(0))) {
            return write.get();
        }
        int setAside = 0;
        for (Table table : tables) {
            setAside += jdbc.sql("select registry.set_aside_indexes(?)").param(table.name).query(Integer.class).single();
        }
        T written = write.get();
        if (setAside == 0) {
            log.info("Large load of {} archives into {}: the tables were in use, their indexes kept up row by row", adding, tables);
            return written;
        }
        long t0 = System.nanoTime();
        int built = jdbc.sql("select registry.restore_indexes()").query(Integer.class).single();
        log.info("Large load of {} archives into {}: {} indexes built once afterwards in {} ms", adding, tables, built,
                (System.nanoTime() - t0) / 1_000_000);
        return written;
    }

    /** The archives the table holds, as PostgreSQL last estimated them (counting a province's register would read it). */
    private long held(Table table) {
        return jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = cast(? as regclass)")
                .param("registry." + table.name).query(Long.class).single();
    }
}
