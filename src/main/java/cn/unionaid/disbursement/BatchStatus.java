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

    private final String label;

    BatchStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
