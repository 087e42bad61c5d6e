package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The built-in indicator systems: the self-evaluation frame (预算执行率 10, 产出 50, 效益 30, 满意度 10) and the
 * third-party frame of seed 002 (决策 20, 过程 18, 产出 32, 效益 30). Weights are data a union may change.
 */
public final class IndicatorTemplates {

    private IndicatorTemplates() {
    }

    public static Indicator selfEvaluation() {
        return Indicator.group("SELF", "项目支出绩效自评", 0, 100, List.of(
                Indicator.group("EXEC", "预算执行率", 1, 10, List.of(
                        Indicator.leaf("EXEC.RATE", "预算执行率", 10, BigDecimal.valueOf(100), "%", ScoringMethod.FORWARD))),
                Indicator.group("OUTPUT", "产出指标", 1, 50, List.of(
                        Indicator.leaf("OUTPUT.PEOPLE", "帮扶人数", 20, BigDecimal.ONE, "人", ScoringMethod.FORWARD),
                        Indicator.leaf("OUTPUT.ACCURACY", "发放对象界定准确率", 10, BigDecimal.valueOf(100), "%", ScoringMethod.FORWARD),
                        Indicator.leaf("OUTPUT.STANDARD", "补助标准执行准确率", 10, BigDecimal.valueOf(100), "%", ScoringMethod.FORWARD),
                        Indicator.leaf("OUTPUT.TIMELY", "资金发放及时率", 10, BigDecimal.valueOf(100), "%", ScoringMethod.FORWARD))),
                Indicator.group("EFFECT", "效益指标", 1, 30, List.of(
                        Indicator.leaf("EFFECT.SOCIAL", "社会效益", 30, null, null, ScoringMethod.QUALITATIVE))),
                Indicator.group("SATISFACTION", "满意度指标", 1, 10, List.of(
                        Indicator.leaf("SATISFACTION.RATE", "服务对象满意度", 10, BigDecimal.valueOf(95), "%", ScoringMethod.FORWARD)))));
    }

    public static Indicator thirdParty() {
        return Indicator.group("TP", "项目绩效评价", 0, 100, List.of(
                Indicator.group("DECISION", "项目决策", 1, 20, List.of(
                        Indicator.leaf("DECISION.PROJECT", "项目立项", 10, null, null, ScoringMethod.DEDUCTIONS),
                        Indicator.leaf("DECISION.TARGETS", "绩效目标", 10, null, null, ScoringMethod.DEDUCTIONS))),
                Indicator.group("PROCESS", "项目过程", 1, 18, List.of(
                        Indicator.leaf("PROCESS.FUNDING", "资金到位率", 6, null, null, ScoringMethod.DEDUCTIONS),
                        Indicator.leaf("PROCESS.USE", "资金使用合规性", 6, null, null, ScoringMethod.DEDUCTIONS),
                        Indicator.leaf("PROCESS.MANAGEMENT", "组织实施与制度执行", 6, null, null, ScoringMethod.DEDUCTIONS))),
                Indicator.group("OUTPUT", "项目产出", 1, 32, List.of(
                        Indicator.leaf("OUTPUT.QUANTITY", "产出数量", 16, null, null, ScoringMethod.DEDUCTIONS),
                        Indicator.leaf("OUTPUT.QUALITY", "产出质量与时效", 16, null, null, ScoringMethod.DEDUCTIONS))),
                Indicator.group("EFFECT", "项目效益", 1, 30, List.of(
                        Indicator.leaf("EFFECT.WORKERS", "困难职工生活改善", 15, null, null, ScoringMethod.DEDUCTIONS),
                        Indicator.leaf("EFFECT.MODELS", "劳模生活改善", 15, null, null, ScoringMethod.DEDUCTIONS)))));
    }
}
