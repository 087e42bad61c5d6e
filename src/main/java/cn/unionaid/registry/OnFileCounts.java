package cn.unionaid.registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people on file counted by day (在档人数, V32), kept as archives are opened, closed and transferred, by
 * {@link OnFile}'s definition. The nightly check evaluates every archive again from its events and compares.
 */
@Service
public class OnFileCounts {

    private final JdbcClient jdbc;

    OnFileCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Compares every archive's kept span with its events; answers how many archives differed (and were corrected). */
    @Transactional
    public long check() {
        return jdbc.sql("select registry.on_file_check()").query(Long.class).single();
    }
}
