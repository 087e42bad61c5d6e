package cn.unionaid.funds;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's day sums (台账日汇总, V28) that balances and the year's figures read: kept by the ledger's own trigger in
 * each booking's transaction and unwritable by the application. The nightly check compares them with the entries.
 */
@Service
public class LedgerDaySums {

    private final JdbcClient jdbc;

    LedgerDaySums(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Compares the day sums with the entries in one snapshot; answers how many days differed (and were corrected). */
    @Transactional
    public long check() {
        return jdbc.sql("select funds.ledger_day_check()").query(Long.class).single();
    }
}
