/**
 * Controls (经审监督): compliance checks, each one set-based SQL over the payments, runs and ledgers, whose hits
 * become findings worked through to closure; and the evidence pack an auditor takes away for a batch.
 */
package cn.unionaid.controls;
