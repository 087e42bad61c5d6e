package cn.unionaid.registry;

import java.util.Map;

import cn.unionaid.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people on file counted by day (在档人数, V32), kept as archives are opened, closed and transferred, by {@link
 * OnFile}'s definition. Each night (KeptFiguresCheck) every archive is evaluated again from its events and compared
 * with what is kept; a difference (which should never happen) is corrected and recorded in the audit log.
 */
@Service
public class OnFileCounts {

    private static final Logger log = LoggerFactory.getLogger(OnFileCounts.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;

    OnFileCounts(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Compares every archive's kept span with its events; answers how many archives differed (and were corrected). */
    @Transactional
    public long check() {
        long differed = 0;
        for (SubjectType type : SubjectType.values()) {
            String table = type == SubjectType.MODEL_WORKER ? "registry.model_worker" : "registry.household";
            long n = jdbc.sql("select registry.on_file_refresh(?, array(select id from " + table + "))").param(type.name())
                    .query(Long.class).single();
            if (n > 0) {
                log.error("On-file counts of {} archives ({}) differed from their events; corrected", n, type);
                audit.record("registry.onFileCorrected", "register", type.name(), Map.of("rows", n));
                differed += n;
            }
        }
        return differed;
    }
}
