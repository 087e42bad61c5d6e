package cn.unionaid.disbursement;

/** What the bank says happened to one payment on its statement. */
enum StatementOutcome {
    PAID, FAILED, RETURNED
}
