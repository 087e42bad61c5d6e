package cn.unionaid.evaluation;

import cn.unionaid.shared.Labelled;

/**
 * Where a leaf's actual comes from when the system can compute it from the year's data (see {@link YearActuals});
 * a leaf without a metric takes a manual entry with its evidence. The accuracy metrics count the findings of the
 * latest control run (nightly, or run on demand), so they are as fresh as that run.
 */
public enum Metric implements Labelled {
    /** Distinct model workers paid in the year (帮扶劳模人数). */
    MODEL_WORKERS_HELPED("帮扶劳模人数", "人"),
    /** Distinct households paid in the year (帮扶困难职工户数). */
    HOUSEHOLDS_HELPED("帮扶困难职工户数", "户"),
    /** Payments made, counted per program (帮扶人次). */
    PERSON_TIMES("帮扶人次", "人次"),
    /** Paid less returned, in 万元 (发放金额). */
    AMOUNT_PAID("发放金额", "万元"),
    /** Received / budget (资金到位率). */
    FUNDING_RATE("资金到位率", "%"),
    /** Spent / budget as of 31 December (预算执行率). */
    EXECUTION_RATE("预算执行率", "%"),
    /** People paid / people on file (覆盖率). */
    COVERAGE("受益覆盖率", "%"),
    /** Paid items with no eligibility finding / paid items (发放对象界定准确率). */
    ELIGIBILITY_ACCURACY("发放对象界定准确率", "%"),
    /** Paid items with no off-standard finding / paid items (补助标准执行准确率). */
    STANDARD_ACCURACY("补助标准执行准确率", "%"),
    /** Paid amount by real-name bank transfer to a person / all payments (发放方式合规率). */
    PAYMENT_METHOD_COMPLIANCE("发放方式合规率", "%"),
    /** Paid items paid within their program's window / paid items (资金发放及时率). */
    TIMELINESS("资金发放及时率", "%"),
    /** Control findings of the year not closed (合规检查发现问题数). */
    FINDINGS("合规检查发现问题数", "个"),
    /** Satisfied / valid answers of the year's surveys (满意度). */
    SATISFACTION("服务对象满意度", "%");

    private final String label;
    private final String unit;

    Metric(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    @Override
    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
