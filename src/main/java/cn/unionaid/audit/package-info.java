/**
 * The tamper-evident audit log: who changed or viewed what, when and from where, in an append-only table
 * whose rows are chained by SM3 hashes so that any alteration is found.
 * <p>
 * Its tables live in the database schema {@code audit}; it publishes no views: no other module reads its data in SQL.
 */
package cn.unionaid.audit;
