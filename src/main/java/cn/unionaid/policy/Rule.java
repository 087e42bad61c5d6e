package cn.unionaid.policy;

import java.util.List;

/**
 * A program's rule: who is eligible, how much, the caps, and the limits on the whole population.
 *
 * @param conditions      all must hold
 * @param amount          the amount before caps
 * @param personCap       parameter key of the most one person may get from this program (optional)
 * @param yearCap         parameter key of the most one person may get in the year across programs (optional)
 * @param coveragePercent parameter key: recipients at most this share of the people in the register (optional)
 * @param budget          parameter key: the total may not exceed it (optional)
 * @param ranking         who comes first when a limit binds; ties fall to the lower archive id
 */
public record Rule(List<Condition> conditions, AmountRule amount, String personCap, String yearCap,
        String coveragePercent, String budget, List<RankKey> ranking) {

    public Rule {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        ranking = ranking == null ? List.of() : List.copyOf(ranking);
    }
}
