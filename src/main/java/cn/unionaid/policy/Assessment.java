package cn.unionaid.policy;

import java.util.Optional;

import cn.unionaid.platform.Messages;
import cn.unionaid.shared.Money;

/**
 * What a program's rules allow one person as of its reference date (核定), for a line put in a batch by hand: the
 * decision with its explanation, the amount, and whether that amount is the standard to pay exactly or a cap
 * (a claim-based program: 特殊困难帮扶 ≤ 6000 元) that a line may stay under.
 */
public record Assessment(long subjectId, Decision decision, long allowedFen, boolean cap, String explanation) {

    /** Why a line of {@code amountFen} breaks the rules, in the user's words, or empty when the rules allow it. */
    public Optional<String> refusal(long amountFen, Messages messages) {
        if (!decision.pays()) {
            return Optional.of(messages.get("batch.refused.ineligible", explanation));
        }
        if (cap && amountFen > allowedFen) {
            return Optional.of(messages.get("batch.refused.overCap", yuan(amountFen), yuan(allowedFen), explanation));
        }
        if (!cap && amountFen != allowedFen) {
            return Optional.of(messages.get("batch.refused.offStandard", yuan(amountFen), yuan(allowedFen), explanation));
        }
        return Optional.empty();
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }
}
