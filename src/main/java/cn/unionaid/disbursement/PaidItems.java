package cn.unionaid.disbursement;

/**
 * The one definition of a payment that counts as paid as of a cut-off date (截至某日已支付): the bank paid it on or
 * before that date (a PAYMENT on its fund source's ledger) and had not returned it by then (no RETURN on or before
 * it). It is read from the dated ledger, never from the payment's status today, so a later return, re-issue or import
 * never changes what a past date shows. Every figure of people, 人次 and amounts paid (metrics, report, dashboard)
 * uses it; see docs/metrics.md.
 */
public final class PaidItems {

    private PaidItems() {
    }

    /**
     * The same definition for a query that groups each item with its ledger entries (those of kinds PAYMENT and RETURN
     * dated on or before {@code :cutOff}, aliased {@code entry}): the {@code having} condition that keeps the paid ones.
     * It reads the ledger once for all items (hash join and aggregate) where {@link #asOf} probes it per item.
     */
    public static String groupedAsOf(String entry) {
        return "bool_or(%1$s.kind = 'PAYMENT') and not bool_or(%1$s.kind = 'RETURN')".formatted(entry);
    }

    /** The ledger entries {@link #groupedAsOf} groups: PAYMENT and RETURN, dated on or before {@code :cutOff}. */
    public static String groupedEntries(String entry) {
        return "%1$s.kind in ('PAYMENT', 'RETURN') and %1$s.entry_date <= :cutOff".formatted(entry);
    }

    /** The SQL condition on a {@code batch_item} aliased {@code item}, with the named parameter {@code :cutOff}. */
    public static String asOf(String item) {
        return """
                exists (select 1 from funds.v_ledger_entry pay where pay.item_id = %1$s.id and pay.kind = 'PAYMENT'
                           and pay.entry_date <= :cutOff)
                and not exists (select 1 from funds.v_ledger_entry ret where ret.item_id = %1$s.id and ret.kind = 'RETURN'
                           and ret.entry_date <= :cutOff)""".formatted(item);
    }
}
