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

    private static void check(Score s) {
        assertThat(s.score()).isBetween(BigDecimal.ZERO, s.weight());
        if (!s.children().isEmpty()) {
            assertThat(s.children().stream().map(Score::score).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(s.score());
            s.children().forEach(ScorerProperties::check);
        }
    }
}
