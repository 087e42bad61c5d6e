/**
 * Disbursement (发放): payment batches from runs or by hand, through review, the collective decision and public
 * notice, to the bank's payment file, the bank statement, reconciliation, returns, re-issues and refunds.
 */
package cn.unionaid.disbursement;
