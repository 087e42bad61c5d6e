package cn.unionaid.disbursement;

import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's paid figures kept as payments are booked (已支付口径的维护, V29) and each batch's sums by status (V30): each
 * night (KeptFiguresCheck) every program's items are evaluated again by {@link PaidItems}' definition, and every
 * batch's payments summed again, and compared with what is kept. Nothing should differ: the ledger's trigger keeps
 * them in each booking's transaction. A difference (a row written around the application, a fault) is carried into
 * the kept figures and recorded in the audit log with the programs it touched, so it never drifts silently.
 */
@Service
public class PaidFigures {

    private static final Logger log = LoggerFactory.getLogger(PaidFigures.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;

    PaidFigures(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Compares every program's kept figures and every batch's sums with the payments; answers how many differed. */
    @Transactional
    public long check() {
        List<Long> programs = jdbc.sql("select distinct program_id from disbursement.batch_item order by 1").query(Long.class).list();
        long differed = 0;
        for (long program : programs) {
            long n = jdbc.sql("""
                    select disbursement.paid_figures_refresh(array(select id from disbursement.batch_item where program_id = ?))
                    """).param(program).query(Long.class).single();
            if (n > 0) {
                log.error("Paid figures of program {} differed from the ledger in {} items; corrected", program, n);
                audit.record("paidFigures.corrected", "program", program, Map.of("items", n));
                differed += n;
            }
        }
        long sums = jdbc.sql("select disbursement.batch_item_sum_check()").query(Long.class).single();
        if (sums > 0) {
            log.error("Batch sums differed from the payments in {} (batch, status) rows; corrected", sums);
            audit.record("paidFigures.corrected", "batch", "*", Map.of("rows", sums));
        }
        return differed + sums;
    }
}
