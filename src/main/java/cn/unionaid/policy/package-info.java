/**
 * Programs (帮扶项目) and their standards (标准) as data: parameters versioned by region and date with a
 * second person's approval, typed eligibility and amount rules, example cases, and entitlement runs that give
 * every person an amount and the reason for it.
 * <p>
 * Its tables live in the database schema {@code policy}; other modules read them only through its published views
 * (its SQL interface, docs/architecture.md): {@code policy.v_program}, {@code policy.v_entitlement_run}, {@code policy.v_entitlement}.
 */
package cn.unionaid.policy;
