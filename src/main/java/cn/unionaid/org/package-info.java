/**
 * The union tree (全总 → 省总 → 市总 → 县区总工会/产业工会 → 基层工会), GB/T 2260 regions with their
 * minimum-living standards, user accounts, roles and the data scope every query is bounded by.
 * <p>
 * Its tables live in the database schema {@code org}; other modules read them only through its published views
 * (its SQL interface, docs/architecture.md): {@code org.v_organisation}, {@code org.v_region}.
 */
package cn.unionaid.org;
