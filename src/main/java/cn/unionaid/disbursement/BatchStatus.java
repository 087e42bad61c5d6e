package cn.unionaid.disbursement;

import cn.unionaid.shared.Labelled;

/** The steps of a batch, in order (a draft may instead be cancelled). None can be skipped. */
public enum BatchStatus implements Labelled {
    DRAFT("草稿"),
    SUBMITTED("已提交"),
    REVIEWED("已审核"),
    DECIDED("已决策"),
    PUBLICIZING("公示中"),
    PUBLICITY_CLOSED("公示结束"),
    FILE_GENERATED("已生成支付文件"),
    RECONCILED("已对账"),
    COMPLETED("已完结"),
    /** A draft given up (作废): its lines no longer hold anyone. */
    CANCELLED("已作废");

    /**
     * Before the payment file: the batch's money has not left for the bank, so a payment can still be taken out of it
     * or held back (外部数据比对). One definition for the Java and, through {@link #notYetPaidSql()}, the SQL.
     */
    public static final java.util.Set<BatchStatus> NOT_YET_PAID = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(DRAFT, SUBMITTED, REVIEWED, DECIDED, PUBLICIZING, PUBLICITY_CLOSED));

    /** {@link #NOT_YET_PAID} as an SQL list: {@code ('DRAFT', 'SUBMITTED', …)}. */
    public static String notYetPaidSql() {
        return NOT_YET_PAID.stream().map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    private final String label;

    BatchStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
