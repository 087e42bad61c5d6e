package cn.unionaid.bench;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The payments of a province's year, laid out in SQL (the harness's fixture, not a workload): one batch per
 * entitlement run with an item for every person the run pays, decided and publicised with evidence, paid (reserved,
 * released, paid on the ledger, completed). And the bank's statement for a batch whose file went out, in the
 * statement layout, written straight to disk.
 */
final class PaymentFixture {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    /** A stored file standing for each batch's minutes and publicity photo (the evidence pack reads them). */
    private final String evidenceKey;

    PaymentFixture(JdbcClient jdbc, DataSource dataSource, String evidenceKey) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.evidenceKey = evidenceKey;
    }

    /** A paid batch of the run's payable lines, complete with its ledger entries; answers its id. */
    long batch(long orgId, long programId, long runId, String title) {
        long id = jdbc.sql("""
                insert into disbursement.batch (org_id, program_id, run_id, source, title, status, prepared_by, submitted_by, reviewed_by,
                                   decided_by, minutes_no, decided_on, minutes_evidence, publicity_from, publicity_to,
                                   publicity_photo, file_sha256, file_layout)
                values (?, ?, ?, 'SAME_LEVEL', ?, ?, 'bench.clerk', 'bench.clerk', 'bench.reviewer', 'bench.leader',
                        '基准会议纪要', date '2025-01-20', ?, date '2025-01-21', date '2025-01-27', ?,
                        repeat('0', 64), 'GENERIC_CSV:fixture')
                returning id
                """).param(orgId).param(programId).param(runId).param(title).param("COMPLETED")
                .param(evidenceKey).param(evidenceKey)
                .query(Long.class).single();
        jdbc.sql("""
                insert into disbursement.batch_item (batch_id, subject_type, subject_id, name, org_name, bank_name, card_enc, card_bidx,
                                        card_masked, amount_fen, reference, status)
                select :batch, 'MODEL_WORKER', m.id, m.name, o.name, m.bank_name, m.bank_card_enc, m.bank_card_bidx,
                       m.bank_card_masked, e.amount_fen,
                       'B' || :batch || '-' || lpad((row_number() over (order by m.id))::text, 7, '0'), :status
                  from policy.entitlement e join registry.model_worker m on m.id = e.subject_id join org.organisation o on o.id = m.org_id
                 where e.run_id = :run and e.amount_fen > 0 and m.bank_card_enc is not null
                """).param("batch", id).param("run", runId).param("status", "PAID").update();
        jdbc.sql("update disbursement.batch set total_fen = (select coalesce(sum(amount_fen), 0) from disbursement.batch_item where batch_id = ?) "
                + "where id = ?").param(id).param(id).update();
        jdbc.sql("""
                insert into funds.ledger_entry (org_id, year, source, program_id, kind, entry_date, amount_fen, voucher, batch_id,
                                          note, created_by)
                select org_id, 2025, source, program_id, 'RESERVE', date '2025-01-28', total_fen, '批次' || id, id, null,
                       'bench.finance'
                  from disbursement.batch where id = ? and total_fen > 0
                """).param(id).update();
        jdbc.sql("""
                insert into funds.ledger_entry (org_id, year, source, program_id, kind, entry_date, amount_fen, voucher,
                                          batch_id, item_id, note, created_by)
                select b.org_id, 2025, b.source, b.program_id, k.kind, date '2025-02-10', i.amount_fen, i.reference,
                       b.id, i.id, case k.kind when 'PAYMENT' then i.name end, 'bench.finance'
                  from disbursement.batch b join disbursement.batch_item i on i.batch_id = b.id
                  cross join (values ('RELEASE'), ('PAYMENT')) k(kind)
                 where b.id = ?
                """).param(id).update();
        return id;
    }

    /**
     * The bank's statement for a batch whose file went out: every payment in the file succeeds except one in 200
     * returned and one in 500 failed; answers the number of lines.
     */
    long statement(long batchId, Path file) throws Exception {
        try (Connection c = dataSource.getConnection();
                Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return c.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                    copy (select reference as "业务参考号", name as "户名",
                                 (amount_fen / 100) || '.' || lpad(mod(amount_fen, 100)::text, 2, '0') as "金额",
                                 case when mod(id, 200) = 0 then '退回' when mod(id, 500) = 1 then '失败' else '成功' end as "交易结果",
                                 '2025-02-10' as "交易日期"
                            from disbursement.batch_item where batch_id = %d and status = 'PENDING' order by id)
                      to stdout with (format csv, header)
                    """.formatted(batchId), out);
        }
    }
}
