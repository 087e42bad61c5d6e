package cn.unionaid.disbursement;

/** What importing a bank statement did. Importing the same statement again adds nothing. */
public record StatementResult(int lines, int alreadyImported, int paid, int failed, int returned, int unmatched,
        String batchStatus) {
}
