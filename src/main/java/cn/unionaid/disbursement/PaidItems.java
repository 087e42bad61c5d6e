package cn.unionaid.disbursement;

import java.time.LocalDate;

/**
 * The one definition of a payment that counts as paid as of a cut-off date (截至某日已支付): the bank paid it on or
 * before that date (a PAYMENT on its fund source's ledger) and had not returned it by then (no RETURN on or before
 * it). It is read from the dated ledger, never from the payment's status today, so a later return, re-issue or import
 * never changes what a past date shows. Every figure of people, 人次 and amounts paid (metrics, report, dashboard)
 * uses it; see docs/metrics.md.
 * <p>
 * A program year's figures are taken at its {@link #yearEnd 31 December}. At that cut-off the definition is kept as
 * payments and returns are booked (V29: {@code disbursement.paid_item} and its counts by program, person and
 * union-year, refreshed by {@code disbursement.paid_figures_refresh}, which evaluates exactly this definition for the
 * items a booking names), so the year's figures read a few hundred rows; {@link PaidFigures#check} compares everything
 * kept with this definition every night.
 */
public final class PaidItems {

    private PaidItems() {
    }

    /** The cut-off of a program year's figures: its 31 December (截至当年12月31日). */
    public static LocalDate yearEnd(int year) {
        return LocalDate.of(year, 12, 31);
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
