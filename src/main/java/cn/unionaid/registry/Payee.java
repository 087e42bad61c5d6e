package cn.unionaid.registry;

/**
 * Who receives a payment: the person (or a household's head) and their own card, sealed. {@code eligibleNow} is
 * false once the person died, lost the honour, moved out of the union or the archive was closed or lifted.
 */
public record Payee(SubjectType type, long subjectId, long orgId, String name, String orgName, String bankName,
        byte[] sealedCard, byte[] cardIndex, String cardMasked, boolean eligibleNow, String ineligibleReason) {
}
