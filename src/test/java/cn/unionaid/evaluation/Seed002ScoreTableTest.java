package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 002's score table comes out of the third-party frame from the facts the evaluators recorded. */
class Seed002ScoreTableTest {

    @Test
    void decision19Process10Output28Effect28Is85Good() {
        List<Deduction> facts = List.of(
                Deductions.judged("DECISION.TARGETS", "“救助市直单位困难职工”目标值的设定不够合理", BigDecimal.ONE),
                Deductions.judged("PROCESS.USE", "拨付了劳模协会工作经费10万元", BigDecimal.valueOf(2)),
                Deductions.judged("PROCESS.MANAGEMENT", "财务制度执行不够规范、公示资料未收录影像文件，归档工作有待完善", BigDecimal.valueOf(2)),
                Deductions.judged("EFFECT.WORKERS", "问卷调查结果显示，部分困难职工反映生活情况改善一般", BigDecimal.ONE),
                Deductions.judged("EFFECT.MODELS", "问卷调查结果显示，部分劳模反映生活情况改善一般", BigDecimal.ONE));
        // 资金到位率 1499.9 / 3400 万 = 44.11 %; 救助市直单位困难职工 3500 of a declared 4850
        Score total = new Scorer().score(IndicatorTemplates.thirdParty(), new Scorer.Inputs(Map.of("PROCESS.FUNDING",
                new BigDecimal("44.11"), "OUTPUT.QUANTITY", BigDecimal.valueOf(3500)), facts, Map.of(),
                Map.of("OUTPUT.QUANTITY", BigDecimal.valueOf(4850))));

        assertThat(total.children()).extracting(s -> s.name() + " " + s.score().stripTrailingZeros().toPlainString() + "/"
                + s.weight().toPlainString())
                .containsExactly("项目决策 19/20", "项目过程 10/18", "项目产出 28/32", "项目效益 28/30");
        assertThat(total.score()).isEqualByComparingTo("85");
        assertThat(GradeBands.DEFAULT.grade(total.score())).isEqualTo("良");
        assertThat(total.deductions()).extracting(Deduction::reason).contains("资金到位率44.11%，扣4分",
                "拨付了劳模协会工作经费10万元，扣2分", "“产出数量”3500户，低于绩效目标设定数80%，扣4分");
    }

    @Test
    void forwardIndicatorsLoseProportionallyAndSayBy() {
        Score s = new Scorer().score(IndicatorTemplates.selfEvaluation(), new Scorer.Inputs(Map.of("EXEC.RATE",
                new BigDecimal("74.0"), "OUTPUT.PEOPLE", BigDecimal.ONE, "OUTPUT.ACCURACY", BigDecimal.valueOf(100),
                "OUTPUT.STANDARD", BigDecimal.valueOf(100), "OUTPUT.METHOD", BigDecimal.valueOf(100), "OUTPUT.TIMELY",
                BigDecimal.valueOf(100), "EFFECT.SOCIAL", BigDecimal.valueOf(90), "SATISFACTION.RATE", BigDecimal.valueOf(96)),
                List.of(), Map.of(), Map.of("OUTPUT.PEOPLE", BigDecimal.ONE)));
        assertThat(s.children().get(0).score()).isEqualByComparingTo("7.40");
        assertThat(s.deductions().get(0).reason()).isEqualTo("预算执行率74%，目标≥100%，扣2.6分");
        assertThat(s.score()).isEqualByComparingTo("94.40");
        assertThat(GradeBands.DEFAULT.grade(s.score())).isEqualTo("优");
    }

    @Test
    void aLeafWithoutActualOrTargetLosesItsWeightAndSaysWhy() {
        Score s = new Scorer().score(IndicatorTemplates.selfEvaluation(), new Scorer.Inputs(Map.of("OUTPUT.PEOPLE",
                BigDecimal.TEN), List.of()));
        assertThat(s.deductions()).extracting(Deduction::reason).contains("预算执行率无实际值（无数据或未填报），不得分（扣10分）",
                "帮扶人次未设定目标值，不得分（扣20分）");
        assertThat(s.score()).isEqualByComparingTo("0");
    }

    @Test
    void aCountWithoutItsTargetScoresNothingAndTheFrameCannotShowFullMarks() {
        Score s = new Scorer().score(IndicatorTemplates.thirdParty(), new Scorer.Inputs(Map.of("OUTPUT.QUANTITY",
                BigDecimal.ZERO, "PROCESS.FUNDING", BigDecimal.valueOf(100)), List.of()));
        assertThat(s.score()).isLessThan(BigDecimal.valueOf(100));
        assertThat(s.unscoredLeaves()).extracting(Score::code).contains("OUTPUT.QUANTITY");
        assertThat(s.deductions()).filteredOn(d -> d.indicatorCode().equals("OUTPUT.QUANTITY")).extracting(Deduction::reason)
                .singleElement().asString().contains("未设定目标值，不得分");
    }

    @Test
    void aDeductionsPointsAreSaidOnce() {
        assertThat(Deductions.judged("PROCESS.USE", "拨付了劳模协会工作经费10万元，扣2分", BigDecimal.valueOf(2)).reason())
                .isEqualTo("拨付了劳模协会工作经费10万元，扣2分");
        assertThat(Deductions.judged("PROCESS.USE", "台账不全 扣 1.5 分。", new BigDecimal("1.5")).reason())
                .isEqualTo("台账不全，扣1.5分");
    }

    @Test
    void equalDirectionLosesBothWays() {
        Indicator leaf = new Indicator("X", "按期完成", 1, BigDecimal.TEN, BigDecimal.valueOf(50), "人", Direction.EQUAL,
                ScoringMethod.FORWARD, null, null, List.of());
        Indicator root = Indicator.group("R", "R", 0, 10, List.of(leaf));
        assertThat(new Scorer().score(root, new Scorer.Inputs(Map.of("X", BigDecimal.valueOf(40)), List.of())).score())
                .isEqualByComparingTo("8.00");
        assertThat(new Scorer().score(root, new Scorer.Inputs(Map.of("X", BigDecimal.valueOf(62.5)), List.of())).score())
                .isEqualByComparingTo("8.00");
    }
}
