package cn.unionaid.policy;

import java.util.List;

/** Two runs side by side: who gained, who lost, by how much, and the totals. */
public record RunComparison(long runA, long runB, String totalA, String totalB, long gained, String gainedYuan,
        long lost, String lostYuan, List<Change> changes) {

    public record Change(long subjectId, String name, String regionCode, String amountA, String amountB,
            String decisionA, String decisionB) {
    }
}
