/**
 * The tamper-evident audit log: who changed or viewed what, when and from where, in an append-only table
 * whose rows are chained by SM3 hashes so that any alteration is found.
 */
package cn.unionaid.audit;
