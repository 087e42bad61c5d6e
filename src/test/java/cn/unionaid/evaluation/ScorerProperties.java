package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class ScorerProperties {

    @Property
    void everyScoreStaysWithinItsWeightAndGroupsAddUp(@ForAll @IntRange(min = 0, max = 300) int rate,
            @ForAll @IntRange(min = 0, max = 200) int satisfaction, @ForAll @IntRange(min = 0, max = 30) int penalty) {
        Map<String, BigDecimal> actuals = new HashMap<>();
        actuals.put("EXEC.RATE", BigDecimal.valueOf(rate));
        actuals.put("SATISFACTION.RATE", BigDecimal.valueOf(satisfaction));
        actuals.put("EFFECT.SOCIAL", BigDecimal.valueOf(Math.min(rate, 100)));
        Score total = new Scorer().score(IndicatorTemplates.selfEvaluation(), new Scorer.Inputs(actuals,
                List.of(new Deduction("OUTPUT.ACCURACY", BigDecimal.valueOf(penalty), "测试"))));
        check(total);
    }

    @Property
    void bandsRoundTripAndTheLowestThresholdAboveTheValueDecides(@ForAll @IntRange(min = 1, max = 200) int a,
            @ForAll @IntRange(min = 1, max = 200) int b, @ForAll @IntRange(min = 1, max = 9) int pa,
            @ForAll @IntRange(min = 1, max = 9) int pb, @ForAll @IntRange(min = 0, max = 250) int value) {
        DeductionBands bands = DeductionBands.parse(a + ":" + pa + "，" + b + "：" + pb);
        assertThat(DeductionBands.parse(bands.toString())).isEqualTo(bands);
        var match = bands.match(BigDecimal.valueOf(value));
        int lowest = a <= b ? a : b;
        int highest = a <= b ? b : a;
        if (value < lowest) {
            assertThat(match).map(DeductionBands.Band::below).contains(BigDecimal.valueOf(lowest));
        } else if (value < highest) {
            assertThat(match).map(DeductionBands.Band::below).contains(BigDecimal.valueOf(highest));
        } else {
            assertThat(match).isEmpty();
        }
    }

    @Property
    void thirdPartyScoresStayWithinWeights(@ForAll @IntRange(min = 0, max = 150) int funding,
            @ForAll @IntRange(min = 0, max = 10000) int households, @ForAll @IntRange(min = 0, max = 40) int judged) {
        Score total = new Scorer().score(IndicatorTemplates.thirdParty(), new Scorer.Inputs(Map.of("PROCESS.FUNDING",
                BigDecimal.valueOf(funding), "OUTPUT.QUANTITY", BigDecimal.valueOf(households)),
                List.of(Deductions.judged("PROCESS.USE", "测试", BigDecimal.valueOf(judged))), Map.of(),
                Map.of("OUTPUT.QUANTITY", BigDecimal.valueOf(4850))));
        check(total);
    }

    private static void check(Score s) {
        assertThat(s.score()).isBetween(BigDecimal.ZERO, s.weight());
        if (!s.children().isEmpty()) {
            assertThat(s.children().stream().map(Score::score).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(s.score());
            s.children().forEach(ScorerProperties::check);
        }
    }
}
