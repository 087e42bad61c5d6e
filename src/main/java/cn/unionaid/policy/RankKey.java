package cn.unionaid.policy;

import cn.unionaid.shared.Labelled;

/** Orders candidates when a coverage or budget limit binds. The final tie-break is always the archive id. */
public enum RankKey implements Labelled {
    COST_DESC("自付费用高者优先", "e.cost_fen desc nulls last"),
    INCOME_ASC("收入低者优先", "e.income_fen asc nulls last"),
    AGE_DESC("年长者优先", "e.birth_date asc nulls last"),
    AMOUNT_DESC("核定金额高者优先", "e.amount_fen desc");

    private final String label;
    private final String orderBy;

    RankKey(String label, String orderBy) {
        this.label = label;
        this.orderBy = orderBy;
    }

    @Override
    public String label() {
        return label;
    }

    /** The SQL ORDER BY term over the entitlement table aliased {@code e}. */
    public String orderBy() {
        return orderBy;
    }
}
