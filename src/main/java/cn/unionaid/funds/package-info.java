/**
 * Funds (专款专用, 专账核算): budgets by program and fund source, receipts (到位), reallocations (调剂), and the
 * append-only ledger per source from which reservations, payments, returns and execution rates are read.
 * <p>
 * Its tables live in the database schema {@code funds}; other modules read them only through its published views
 * (its SQL interface, docs/architecture.md): {@code funds.v_ledger_entry}, {@code funds.v_ledger_day} (the
 * ledger's day sums, kept by its own trigger) and {@code funds.v_budget_line}.
 */
package cn.unionaid.funds;
