package cn.unionaid.disbursement;

/** One payee of a batch as lists show them: card masked. */
public record BatchItemView(long id, String subjectType, long subjectId, String name, String orgName, String bankName,
        String cardMasked, long amountFen, String amountYuan, String reference, String status, String statusNote,
        Long reissueOf) {
}
