package cn.unionaid.evaluation;

import cn.unionaid.disbursement.PaidFigures;
import cn.unionaid.funds.LedgerDaySums;
import cn.unionaid.registry.OnFileCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every night, by whichever instance takes the lock first: the sums the year's figures read (the ledger's day sums,
 * the paid items and their counts, the batches' sums, the people on file by day) compared with the rows they sum,
 * each by the module that keeps it; a difference is corrected there and audited (docs/metrics.md).
 */
@Service
class KeptFiguresCheck {

    private static final long LOCK = 0x4B455054L;

    private final JdbcClient jdbc;
    private final LedgerDaySums ledgerDaySums;
    private final PaidFigures paidFigures;
    private final OnFileCounts onFileCounts;

    KeptFiguresCheck(JdbcClient jdbc, LedgerDaySums ledgerDaySums, PaidFigures paidFigures, OnFileCounts onFileCounts) {
        this.jdbc = jdbc;
        this.ledgerDaySums = ledgerDaySums;
        this.paidFigures = paidFigures;
        this.onFileCounts = onFileCounts;
    }

    @Scheduled(cron = "${unionaid.kept-figures.cron:0 10 3 * * *}")
    @Transactional
    public void nightly() {
        if (jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
            ledgerDaySums.check();
            paidFigures.check();
            onFileCounts.check();
        }
    }
}
