package cn.unionaid.funds;

import java.util.Map;

import cn.unionaid.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's day sums (台账日汇总, V28) that balances and the year's figures read: kept by the ledger's own trigger in
 * each booking's transaction and unwritable by the application. Each night (KeptFiguresCheck) they are compared
 * with the entries in one snapshot; a difference (which should never happen) is corrected and recorded in the audit
 * log.
 */
@Service
public class LedgerDaySums {

    private static final Logger log = LoggerFactory.getLogger(LedgerDaySums.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;

    LedgerDaySums(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Compares the day sums with the entries; answers the number of days that differed (and were corrected). */
    @Transactional
    public long check() {
        long differed = jdbc.sql("select funds.ledger_day_check()").query(Long.class).single();
        if (differed > 0) {
            log.error("Ledger day sums differed from the entries on {} days; corrected", differed);
            audit.record("ledger.daySumsCorrected", "ledger", "*", Map.of("rows", differed));
        }
        return differed;
    }
}
