package cn.unionaid.evaluation;

import java.util.Map;
import java.util.function.LongSupplier;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.disbursement.PaidFigures;
import cn.unionaid.funds.LedgerDaySums;
import cn.unionaid.registry.OnFileCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every night, by whichever instance takes the lock first: the sums the year's figures read (the ledger's day sums,
 * the paid items and their counts with the batches' sums, the people on file by day) compared with the rows they sum,
 * each by the module that keeps it. Nothing should differ: triggers keep them in the writing transaction. A difference
 * (a row written around the application, a fault) is corrected by the module and recorded here in the audit log, so
 * the kept figures never drift silently (docs/metrics.md).
 */
@Service
class KeptFiguresCheck {

    private static final Logger log = LoggerFactory.getLogger(KeptFiguresCheck.class);
    private static final long LOCK = 0x4B455054L;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final LedgerDaySums ledgerDaySums;
    private final PaidFigures paidFigures;
    private final OnFileCounts onFileCounts;

    KeptFiguresCheck(JdbcClient jdbc, AuditLog audit, LedgerDaySums ledgerDaySums, PaidFigures paidFigures,
            OnFileCounts onFileCounts) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.ledgerDaySums = ledgerDaySums;
        this.paidFigures = paidFigures;
        this.onFileCounts = onFileCounts;
    }

    @Scheduled(cron = "${unionaid.kept-figures.cron:0 10 3 * * *}")
    @Transactional
    public void nightly() {
        if (jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
            check("台账日汇总", ledgerDaySums::check);
            check("已支付口径统计", paidFigures::check);
            check("在档人数统计", onFileCounts::check);
        }
    }

    private void check(String figures, LongSupplier comparison) {
        long corrected = comparison.getAsLong();
        if (corrected > 0) {
            log.error("Kept figures {} differed from their rows in {} places; corrected", figures, corrected);
            audit.record("keptFigures.corrected", "kept_figures", figures, Map.of("rows", corrected));
        }
    }
}
