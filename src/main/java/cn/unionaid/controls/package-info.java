/**
 * Controls (经审监督): compliance checks, each one set-based SQL over the payments, runs and ledgers, whose hits
 * become findings worked through to closure; and the evidence pack an auditor takes away for a batch.
 * <p>
 * Its tables live in the database schema {@code controls}; other modules read them only through its published views
 * (its SQL interface, docs/architecture.md): {@code controls.v_finding}.
 */
package cn.unionaid.controls;
