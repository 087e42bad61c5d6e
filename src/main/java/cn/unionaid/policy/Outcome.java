package cn.unionaid.policy;

/** One person's result: the decision, the amount in fen, a stable reason code and the explanation in Chinese. */
public record Outcome(Decision decision, long amountFen, String reasonCode, String explanation) {

    public Outcome {
        if (amountFen < 0) {
            throw new IllegalArgumentException("an amount is never negative");
        }
        if (!decision.pays() && amountFen != 0) {
            throw new IllegalArgumentException("only a paying decision has an amount");
        }
    }
}
