/**
 * Funds (专款专用, 专账核算): budgets by program and fund source, receipts (到位), reallocations (调剂), and the
 * append-only ledger per source from which reservations, payments, returns and execution rates are read.
 */
package cn.unionaid.funds;
