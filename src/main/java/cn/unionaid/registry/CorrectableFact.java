package cn.unionaid.registry;

import java.util.Set;

import cn.unionaid.shared.Labelled;

/** A basic fact of an archive that may be corrected on its page (更正), with the archives that hold it. */
public enum CorrectableFact implements Labelled {
    BANK_CARD("银行卡号", Set.of(SubjectType.MODEL_WORKER, SubjectType.HOUSEHOLD)),
    PHONE("联系电话", Set.of(SubjectType.MODEL_WORKER)),
    EMPLOYER("工作单位", Set.of(SubjectType.MODEL_WORKER)),
    MONTHLY_INCOME("月收入(元)", Set.of(SubjectType.MODEL_WORKER));

    private final String label;
    private final Set<SubjectType> heldBy;

    CorrectableFact(String label, Set<SubjectType> heldBy) {
        this.label = label;
        this.heldBy = heldBy;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean heldBy(SubjectType type) {
        return heldBy.contains(type);
    }
}
