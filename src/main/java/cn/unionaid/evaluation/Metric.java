package cn.unionaid.evaluation;

import cn.unionaid.shared.Labelled;

/**
 * Where a leaf's actual comes from when the system can compute it from the year's data (see {@link YearActuals});
 * a leaf without a metric takes a manual entry with its evidence. Each is computed as of its year's cut-off date
 * from dated facts (ledger dates, archive events), so later imports and returns never move a past year; its
 * definition is written here, in docs/metrics.md and beside the figure on the indicator page. The accuracy metrics
 * count the findings of the latest control run (nightly, or run on demand), so they are as fresh as that run.
 */
public enum Metric implements Labelled {
    MODEL_WORKERS_HELPED("帮扶劳模人数", "人",
            "本单位当年度各项目截至年末已支付（支付日期不晚于12月31日且此前未退回）的劳模人数，同一人只计一次"),
    HOUSEHOLDS_HELPED("帮扶困难职工户数", "户",
            "本单位当年度各项目截至年末已支付的困难职工户数，同一户只计一次"),
    PERSON_TIMES("帮扶人次", "人次",
            "本单位当年度截至年末已支付的人次：同一人在每个项目中计一次"),
    AMOUNT_PAID("发放金额", "万元",
            "台账中当年度资金支付金额减退回金额，记账日期不晚于12月31日，以万元计（精确到分，不舍入）"),
    FUNDING_RATE("资金到位率", "%",
            "分子：截至12月31日到位资金（含上级下拨）；分母：当年度预算；保留两位小数"),
    EXECUTION_RATE("预算执行率", "%",
            "分子：截至12月31日支付减退回；分母：当年度预算；保留两位小数"),
    COVERAGE("受益覆盖率", "%",
            "分子：截至年末已支付的人数（劳模与困难职工户）；分母：12月31日在档人数（建档日期不晚于当日、当日前未死亡、撤销、脱困或注销）"),
    ELIGIBILITY_ACCURACY("发放对象界定准确率", "%",
            "分子：截至年末已支付的发放记录中没有对象类问题（冒领、虚列、扩大范围）的笔数；分母：截至年末已支付笔数；问题以最近一次合规检查为准"),
    STANDARD_ACCURACY("补助标准执行准确率", "%",
            "分子：截至年末已支付的发放记录中没有“不按标准发放”问题的笔数；分母：截至年末已支付笔数；问题以最近一次合规检查为准"),
    PAYMENT_METHOD_COMPLIANCE("发放方式合规率", "%",
            "分子：记账日期不晚于12月31日、经银行代发实名支付给个人的金额；分母：同期全部支付金额"),
    TIMELINESS("资金发放及时率", "%",
            "分子：截至年末已支付且支付日期在项目发放期间内的笔数；分母：截至年末已支付笔数"),
    CROSS_CHECK_STOPPED("外部比对剔除笔数", "笔",
            "本单位当年度项目的发放记录中，因外部数据比对命中（死亡、低保、工商登记等）在支付前剔除的笔数，剔除日期不晚于12月31日"),
    CROSS_CHECK_ACCEPTED("外部比对说明认可笔数", "笔",
            "本单位当年度项目的发放记录中，外部数据比对命中经说明并由另一人认可后照常发放的笔数，认可日期不晚于12月31日"),
    FINDINGS("合规检查发现问题数", "个",
            "当年度未关闭的合规检查问题数，以最近一次合规检查为准"),
    SATISFACTION("服务对象满意度", "%",
            "分子：当年度满意度调查中满意（含基本满意）的有效问卷数；分母：有效问卷数；保留一位小数");

    private final String label;
    private final String unit;
    private final String definition;

    Metric(String label, String unit, String definition) {
        this.label = label;
        this.unit = unit;
        this.definition = definition;
    }

    @Override
    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** The figure's written definition (口径): numerator, denominator and cut-off date, as docs/metrics.md states it. */
    public String definition() {
        return definition;
    }

    /** The cut-off date of a year's figures: 31 December of the year (年末). */
    public static java.time.LocalDate cutOff(int year) {
        return cn.unionaid.disbursement.PaidItems.yearEnd(year);
    }
}
