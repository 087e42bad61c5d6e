/**
 * Cross-checks (外部数据比对): lists from other registers — deaths and cancelled residence, 低保/特困, business owners,
 * vehicles, property, public payroll — matched by the ID number's blind index against the archives and the payments
 * not yet made. A hit on a payment holds it back ({@link cn.unionaid.disbursement.ItemHolds}) until it is removed from
 * its batch or explained by one person and accepted by another.
 * <p>
 * Its tables live in the database schema {@code crosscheck}; other modules read them only through its published views
 * (its SQL interface, docs/architecture.md): {@code crosscheck.v_cross_check_hit}.
 */
package cn.unionaid.crosscheck;
