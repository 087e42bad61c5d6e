package cn.unionaid.registry;

import cn.unionaid.shared.Labelled;

/** Kinds of evidence kept with an archive. */
public enum EvidenceKind implements Labelled {
    APPLICATION("申请报告"),
    STAMPED_CERTIFICATE("盖章证明"),
    INCOME_PROOF("收入证明"),
    MEDICAL_BILLS("医药费清单"),
    VISIT_RECORD("走访记录"),
    PHONE_DECLARATION("电话申报记录"),
    CARD_COPY("银行卡（存折）复印件");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
