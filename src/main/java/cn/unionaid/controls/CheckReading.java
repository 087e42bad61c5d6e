package cn.unionaid.controls;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a {@link ControlCheck} reads (受检数据). Several checks look at the same millions of rows joined the same way;
 * a control run reads such rows once and tests every condition of those checks on each row, instead of joining
 * every payment item with the ledger once per check. A check with {@link #OWN} brings its whole query.
 */
enum CheckReading {

    /**
     * Every payment and return booked against a payment item (支付流水), with its item {@code i}, batch {@code b},
     * program {@code p}, the ledger entry {@code l}, and {@code o.opened}: the first day the payee was put on file
     * (建档; null when never), as the register keeps it for every archive and checks against its events nightly; and
     * {@code g}: the payee's first death, revoked honour, move out, lifting out of hardship or closing (its
     * {@code kind} and {@code event_date}; null when none), so that a payment on or after it stands out.
     */
    BOOKED_PAYMENTS("""
            from funds.v_ledger_entry l join disbursement.v_batch_item i on i.id = l.item_id
            join disbursement.v_batch b on b.id = i.batch_id join policy.v_program p on p.id = b.program_id
            left join registry.v_on_file_span o on o.subject_type = i.subject_type and o.subject_id = i.subject_id
            left join (select distinct on (subject_type, subject_id) subject_type, subject_id, kind, event_date
                         from registry.v_registry_event
                        where kind in ('DECEASED', 'HONOUR_REVOKED', 'MOVED_OUT', 'CLOSED', 'LIFTED')
                        order by subject_type, subject_id, event_date, id) g
                   on g.subject_type = i.subject_type and g.subject_id = i.subject_id
            """, "l.kind in ('PAYMENT', 'RETURN') and l.item_id is not null"),

    /**
     * Every payment item paid or returned (已支付或已退回的明细) {@code i}, with its batch {@code b}, program {@code p}
     * and {@code e}: the entitlement its batch's run found for the payee as payable (应发), null when none.
     */
    SETTLED_ITEMS("""
            from disbursement.v_batch_item i join disbursement.v_batch b on b.id = i.batch_id
            join policy.v_program p on p.id = b.program_id
            left join policy.v_entitlement e on e.run_id = b.run_id and e.subject_id = i.subject_id
                  and e.decision in ('ELIGIBLE', 'CAPPED')
            """, "i.status in ('PAID', 'RETURNED')"),

    /** The check's own query. */
    OWN(null, null);

    private final String from;
    private final String rows;

    CheckReading(String from, String rows) {
        this.from = from;
        this.rows = rows;
    }

    /**
     * One query returning {@code check_code, org_id, subject_key, year, detail, amount_fen, batch_id} for the hits of
     * all the given checks: the rows are read once, only those breaking some check's condition leave the scan, and
     * each of those yields one hit per check it breaks.
     */
    String hitsOf(List<ControlCheck> checks) {
        if (this == OWN) {
            if (checks.size() != 1) {
                throw new IllegalArgumentException("a check with its own query runs alone");
            }
            ControlCheck check = checks.get(0);
            return "select '" + check.name() + "', h.* from (" + check.sql() + ") as h";
        }
        String perRow = checks.stream()
                .map(c -> "select '" + c.name() + "', " + c.hit() + " where " + c.condition())
                .collect(Collectors.joining("\n union all\n"));
        String anyBroken = checks.stream().map(c -> "(" + c.condition() + ")").collect(Collectors.joining("\n or "));
        return "select h.* " + from + " cross join lateral (" + perRow
                + ") as h(check_code, org_id, subject_key, year, detail, amount_fen, batch_id)\n where " + rows
                + " and (" + anyBroken + ")";
    }
}
