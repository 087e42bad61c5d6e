package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The built-in indicator systems a union's own system starts from: the self-evaluation frame (预算执行率 10, 产出 50,
 * 效益 30, 满意度 10, 财预〔2020〕10号 practice) and the third-party frame of seed 002 (决策 20, 过程 18, 产出 32,
 * 效益 30). Weights, targets, methods and sources are data the union changes in its copy.
 */
public final class IndicatorTemplates {

    private static final BigDecimal FULL = BigDecimal.valueOf(100);

    private IndicatorTemplates() {
    }

    public static Indicator of(Frame frame) {
        return switch (frame) {
            case SELF -> selfEvaluation();
            case THIRD_PARTY -> thirdParty();
        };
    }

    public static Indicator selfEvaluation() {
        return levelled(Indicator.group("SELF", "项目支出绩效自评", 0, 100, List.of(
                Indicator.group("EXEC", "预算执行率", 1, 10, List.of(
                        Indicator.leaf("EXEC.RATE", "预算执行率", 10, FULL, "%", ScoringMethod.FORWARD, Metric.EXECUTION_RATE))),
                Indicator.group("OUTPUT", "产出指标", 1, 50, List.of(
                        Indicator.group("OUTPUT.QUANTITY", "数量指标", 2, 20, List.of(
                                Indicator.leaf("OUTPUT.PEOPLE", "帮扶人次", 20, null, "人次", ScoringMethod.FORWARD,
                                        Metric.PERSON_TIMES))),
                        Indicator.group("OUTPUT.QUALITY", "质量指标", 2, 20, List.of(
                                Indicator.leaf("OUTPUT.ACCURACY", "发放对象界定准确率", 7, FULL, "%", ScoringMethod.FORWARD,
                                        Metric.ELIGIBILITY_ACCURACY),
                                Indicator.leaf("OUTPUT.STANDARD", "补助标准执行准确率", 7, FULL, "%", ScoringMethod.FORWARD,
                                        Metric.STANDARD_ACCURACY),
                                Indicator.leaf("OUTPUT.METHOD", "发放方式合规率", 6, FULL, "%", ScoringMethod.FORWARD,
                                        Metric.PAYMENT_METHOD_COMPLIANCE))),
                        Indicator.group("OUTPUT.TIME", "时效指标", 2, 10, List.of(
                                Indicator.leaf("OUTPUT.TIMELY", "资金发放及时率", 10, FULL, "%", ScoringMethod.FORWARD,
                                        Metric.TIMELINESS))))),
                Indicator.group("EFFECT", "效益指标", 1, 30, List.of(
                        Indicator.leaf("EFFECT.SOCIAL", "社会效益：困难职工和劳模生活改善", 30, null, null,
                                ScoringMethod.QUALITATIVE, null))),
                Indicator.group("SATISFACTION", "满意度指标", 1, 10, List.of(
                        Indicator.leaf("SATISFACTION.RATE", "服务对象满意度", 10, BigDecimal.valueOf(95), "%",
                                ScoringMethod.FORWARD, Metric.SATISFACTION))))), 0);
    }

    public static Indicator thirdParty() {
        return levelled(Indicator.group("TP", "项目绩效评价", 0, 100, List.of(
                Indicator.group("DECISION", "项目决策", 1, 20, List.of(
                        Indicator.deductions("DECISION.PROJECT", "项目立项", 10, null, null),
                        Indicator.deductions("DECISION.TARGETS", "绩效目标", 10, null, null))),
                Indicator.group("PROCESS", "项目过程", 1, 18, List.of(
                        Indicator.deductions("PROCESS.FUNDING", "资金到位率", 6, Metric.FUNDING_RATE, "60:4,80:2,100:1"),
                        Indicator.deductions("PROCESS.USE", "资金使用合规性", 6, null, null),
                        Indicator.deductions("PROCESS.MANAGEMENT", "组织实施与制度执行", 6, null, null))),
                Indicator.group("OUTPUT", "项目产出", 1, 32, List.of(
                        Indicator.deductions("OUTPUT.QUANTITY", "产出数量", 16, Metric.HOUSEHOLDS_HELPED, "80:4"),
                        Indicator.deductions("OUTPUT.QUALITY", "产出质量与时效", 16, null, null))),
                Indicator.group("EFFECT", "项目效益", 1, 30, List.of(
                        Indicator.deductions("EFFECT.WORKERS", "困难职工生活改善", 15, null, null),
                        Indicator.deductions("EFFECT.MODELS", "劳模生活改善", 15, null, null))))), 0);
    }

    /** The same tree with each node's level its depth. */
    static Indicator levelled(Indicator node, int depth) {
        List<Indicator> children = node.children().stream().map(c -> levelled(c, depth + 1)).toList();
        return new Indicator(node.code(), node.name(), depth, node.weight(), node.target(), node.unit(), node.direction(),
                node.method(), node.metric(), node.bands(), children);
    }
}
