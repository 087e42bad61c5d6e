package cn.unionaid.disbursement;

import java.util.List;

/**
 * What holds a payment back before the money leaves (止付): another module (外部数据比对) answers, for a batch, the
 * payments named by an unresolved hit. Review refuses a batch while any stands; the payment file leaves such a payment
 * out and releases its money. Disbursement defines this and others implement it, so disbursement depends on no one.
 */
public interface ItemHolds {

    /** One payment held back, and why, in the user's words. */
    record Hold(long itemId, String payee, String reason) {
    }

    /** Matches the batch's pending payments again (against what is known now) and answers those held back. */
    List<Hold> unresolved(long batchId);

    /** The payment left its batch because of its holds: they are resolved by its removal. */
    void removed(long itemId, String by);
}
