package cn.unionaid.disbursement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's paid figures kept as payments are booked (已支付口径的维护, V29) and each batch's sums by status (V30). The
 * nightly check evaluates every program's items again by {@link PaidItems}' definition, one program at a time, sums
 * every batch's payments again, and compares both with what is kept.
 */
@Service
public class PaidFigures {

    private final JdbcClient jdbc;

    PaidFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Compares every program's kept figures and every batch's sums with the payments; answers how many differed. */
    @Transactional
    public long check() {
        long items = jdbc.sql("""
                select coalesce(sum(disbursement.paid_figures_refresh(array(select i.id from disbursement.batch_item i
                                                                             where i.program_id = p.program_id))), 0)
                  from (select distinct program_id from disbursement.batch_item) p
                """).query(Long.class).single();
        return items + jdbc.sql("select disbursement.batch_item_sum_check()").query(Long.class).single();
    }
}
