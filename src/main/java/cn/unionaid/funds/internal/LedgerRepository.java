package cn.unionaid.funds.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import cn.unionaid.funds.LedgerEntry;
import cn.unionaid.funds.LedgerKind;
import cn.unionaid.funds.SourceBalance;
import cn.unionaid.shared.FundSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Ledger entries, and the balances read with one aggregate query over the ledger's day sums ({@code funds.ledger_day},
 * kept by the ledger's own trigger in the same transaction as each entry: V28), not over the entries themselves.
 */
@Repository
public class LedgerRepository {

    private static final String BALANCES = """
            with budget as (
                select source, sum(amount_fen) as fen from funds.budget_line where org_id = :org and year = :year
                   and (:program::bigint is null or program_id = :program) group by source
                union all
                select source, sum(case when to_program_id = :program or :program::bigint is null then amount_fen else 0 end)
                             - sum(case when from_program_id = :program then amount_fen else 0 end)
                  from funds.reallocation where org_id = :org and year = :year and status = 'APPROVED'
                   and :program::bigint is not null group by source
            ), ledger as (
                select source,
                       sum(case when entry_date > :asOf then 0
                                when kind in ('RECEIPT', 'ALLOCATION_IN', 'CARRY_OVER') then amount_fen
                                when kind in ('ALLOCATION_OUT', 'REFUND') then -amount_fen else 0 end) as received,
                       -- reservations are a present state: what approved batches still hold, whatever the date asked
                       sum(case kind when 'RESERVE' then amount_fen when 'RELEASE' then -amount_fen else 0 end) as reserved,
                       sum(case when entry_date > :asOf then 0 when kind = 'PAYMENT' then amount_fen
                                when kind = 'RETURN' then -amount_fen else 0 end) as spent
                  from funds.ledger_day where org_id = :org and year = :year
                   and (:program::bigint is null or program_id = :program or kind in ('RECEIPT', 'ALLOCATION_IN', 'CARRY_OVER', 'ALLOCATION_OUT', 'REFUND'))
                 group by source
            ), sources as (select source from budget union select source from ledger)
            select s.source, coalesce((select sum(fen) from budget b where b.source = s.source), 0) as budget,
                   coalesce(l.received, 0) as received, coalesce(l.reserved, 0) as reserved, coalesce(l.spent, 0) as spent
              from sources s left join ledger l on l.source = s.source
             order by s.source
            """;

    private final JdbcClient jdbc;
    private final cn.unionaid.platform.db.LargeQueries largeQueries;

    LedgerRepository(JdbcClient jdbc, cn.unionaid.platform.db.LargeQueries largeQueries) {
        this.largeQueries = largeQueries;
        this.jdbc = jdbc;
    }

    public void append(long orgId, int year, FundSource source, Long programId, LedgerKind kind, LocalDate date,
            long amountFen, String voucher, Long batchId, Long itemId, String note, String by) {
        jdbc.sql("""
                insert into funds.ledger_entry (org_id, year, source, program_id, kind, entry_date, amount_fen, voucher, batch_id,
                                          item_id, note, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).param(orgId).param(year).param(source.name()).param(programId).param(kind.name())
                .param(Date.valueOf(date)).param(amountFen).param(voucher).param(batchId).param(itemId).param(note)
                .param(by).update();
    }

    /** Balances per source; with a program, budget, reservations and spending of that program only. */
    public List<SourceBalance> balances(long orgId, int year, Long programId, LocalDate asOf) {
        return jdbc.sql(BALANCES).param("org", orgId).param("year", year).param("program", programId)
                .param("asOf", Date.valueOf(asOf)).query((rs, n) -> {
                    long received = rs.getLong("received");
                    long reserved = rs.getLong("reserved");
                    long spent = rs.getLong("spent");
                    return new SourceBalance(FundSource.valueOf(rs.getString("source")), rs.getLong("budget"), received,
                            reserved, spent, received - reserved - spent);
                }).list();
    }

    /**
     * The ledger of one source in its order (date, then entry), streamed: a province's year holds millions of
     * entries (a release and a payment for each of its payments).
     */
    public void forEachEntry(long orgId, int year, FundSource source, java.util.function.Consumer<LedgerEntry> each) {
        largeQueries.streaming().query("""
                select e.*, p.name as program_name from funds.ledger_entry e left join policy.v_program p on p.id = e.program_id
                 where e.org_id = ? and e.year = ? and e.source = ? order by e.entry_date, e.id
                """, (java.sql.ResultSet rs) -> {
                    long program = rs.getLong("program_id");
                    Long programId = rs.wasNull() ? null : program;
                    long batch = rs.getLong("batch_id");
                    Long batchId = rs.wasNull() ? null : batch;
                    each.accept(new LedgerEntry(rs.getLong("id"), FundSource.valueOf(rs.getString("source")), programId,
                            rs.getString("program_name"), LedgerKind.valueOf(rs.getString("kind")),
                            rs.getDate("entry_date").toLocalDate(), rs.getLong("amount_fen"), rs.getString("voucher"),
                            batchId, rs.getString("note"), rs.getString("created_by")));
                }, orgId, year, source.name());
    }
}
