/**
 * Disbursement (发放): payment batches from runs or by hand, through review, the collective decision and public
 * notice, to the bank's payment file, the bank statement, reconciliation, returns, re-issues and refunds.
 * <p>
 * Its tables live in the database schema {@code disbursement}; other modules read them only through its published views
 * (its SQL interface, docs/architecture.md): {@code disbursement.v_batch}, {@code disbursement.v_batch_item}, {@code disbursement.v_objection}, {@code disbursement.v_statement_line},
 * and the year-end paid figures kept as bookings arrive ({@link cn.unionaid.disbursement.PaidItems}):
 * {@code disbursement.v_paid_item}, {@code disbursement.v_paid_program}, {@code disbursement.v_paid_year}; and each batch's
 * payments summed by status, {@code disbursement.v_batch_item_sum}.
 */
package cn.unionaid.disbursement;
