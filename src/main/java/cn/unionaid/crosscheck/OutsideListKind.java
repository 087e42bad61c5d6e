package cn.unionaid.crosscheck;

import cn.unionaid.shared.Labelled;

/** The registers a list may come from, each with the rule a hit on it bears on. */
public enum OutsideListKind implements Labelled {
    DEATH("死亡/注销户籍", "已死亡或注销户籍：不得发放，档案应登记死亡或注销"),
    SUBSISTENCE("低保/特困", "已享受低保或特困供养：核实收入认定，防止重复救助"),
    BUSINESS_OWNER("工商登记", "登记为企业法人或个体工商户：须重新核定家庭困难资格"),
    VEHICLE("机动车", "名下登记机动车：须重新核定家庭困难资格"),
    REAL_ESTATE("不动产", "名下登记不动产：须核实是否超出困难认定标准"),
    PUBLIC_PAYROLL("财政供养人员", "财政供养人员：须核实是否符合帮扶条件");

    private final String label;
    private final String rule;

    OutsideListKind(String label, String rule) {
        this.label = label;
        this.rule = rule;
    }

    @Override
    public String label() {
        return label;
    }

    /** What a hit means and what must happen (规则). */
    public String rule() {
        return rule;
    }
}
