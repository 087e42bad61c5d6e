package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.unionaid.platform.DataScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A union's year scored in one frame: its indicator system, the declared (and adjusted) targets, each leaf's
 * actual from its metric or its manual entry, the deductions recorded by the evaluators and their overrides.
 */
@Service
public class YearEvaluation {

    /** A leaf's actual and where it came from (系统计算 or 手工填报 with its evidence). */
    public record Actual(BigDecimal value, String source) {
    }

    /** One line of the indicator table (附表): the node, its target, actual, score and the reasons it lost points. */
    /** One row of the scored tree; {@code definition} is the metric's written definition (口径) when it has one. */
    public record Line(int level, String code, String name, BigDecimal weight, String target, String actual, String source,
            BigDecimal score, List<String> reasons, boolean leaf, String definition) {
    }

    public record Evaluated(int year, Frame frame, Indicator system, Score score, Map<String, Actual> actuals,
            Map<String, BigDecimal> targets, String grade, YearActuals.Measured measured) {

        /** The year's metrics at its cut-off, as measured. */
        public Map<Metric, BigDecimal> metrics() {
            return measured.metrics();
        }

        /** No budget, receipt or payment in the year: no score and no grade ({@link YearActuals.Measured#nothingToEvaluate}). */
        public boolean nothingToEvaluate() {
            return measured.nothingToEvaluate();
        }

        public List<Line> lines() {
            List<Line> lines = new ArrayList<>();
            walk(system, score, lines);
            return lines;
        }

        private void walk(Indicator node, Score s, List<Line> lines) {
            if (node.level() > 0) {
                Actual a = actuals.get(node.code());
                BigDecimal target = targets.getOrDefault(node.code(), node.target());
                String unit = node.unit() == null ? "" : node.unit();
                lines.add(new Line(node.level(), node.code(), node.name(), s.weight(), !node.isLeaf() || target == null ? ""
                        : (node.direction() == null ? "" : node.direction().label()) + Scorer.plain(target) + unit,
                        a == null ? "" : Scorer.plain(a.value()) + (node.method() == ScoringMethod.QUALITATIVE ? "%" : unit),
                        a == null ? "" : a.source(), s.score(), s.deductions().stream().map(Deduction::reason).toList(),
                        node.isLeaf(), node.metric() == null ? "" : node.metric().definition()));
            }
            for (int i = 0; i < node.children().size(); i++) {
                walk(node.children().get(i), s.children().get(i), lines);
            }
        }
    }

    private final IndicatorSystems systems;
    private final YearActuals actuals;
    private final Targets targets;
    private final Evaluations evaluations;
    private final GradeBands grades;

    YearEvaluation(IndicatorSystems systems, YearActuals actuals, Targets targets, Evaluations evaluations,
            @org.springframework.beans.factory.annotation.Value("${unionaid.evaluation.grade-bands:90,80,60}") String grades) {
        this.grades = GradeBands.parse(grades);
        this.systems = systems;
        this.actuals = actuals;
        this.targets = targets;
        this.evaluations = evaluations;
    }

    @PreAuthorize(EvaluationRoles.READERS)
    @Transactional(readOnly = true)
    public Evaluated evaluate(DataScope scope, int year, Frame frame) {
        Indicator system = systems.of(scope, year, frame);
        YearActuals.Measured measured = actuals.measure(scope, year);
        Map<Metric, BigDecimal> metrics = measured.metrics();
        Map<String, YearActuals.ManualActual> manual = actuals.manual(scope, year, frame);
        Map<String, Actual> leafActuals = new LinkedHashMap<>();
        collect(system, metrics, manual, leafActuals);
        Map<String, BigDecimal> declared = new HashMap<>();
        targets.of(scope, year).forEach((code, t) -> declared.put(code, t.current()));
        Map<String, BigDecimal> values = new HashMap<>();
        leafActuals.forEach((code, a) -> values.put(code, a.value()));
        Score score = new Scorer().score(system, new Scorer.Inputs(values, evaluations.deductions(scope, year, frame),
                evaluations.overrides(scope, year, frame), declared));
        String grade = measured.nothingToEvaluate() ? GradeBands.NOT_GRADED : grades.grade(score.score());
        return new Evaluated(year, frame, system, score, leafActuals, declared, grade, measured);
    }

    private static void collect(Indicator node, Map<Metric, BigDecimal> metrics, Map<String, YearActuals.ManualActual> manual,
            Map<String, Actual> out) {
        if (node.isLeaf()) {
            YearActuals.ManualActual m = manual.get(node.code());
            if (node.metric() != null) {
                if (metrics.containsKey(node.metric())) {
                    out.put(node.code(), new Actual(metrics.get(node.metric()), "系统计算：" + node.metric().label()));
                }
            } else if (m != null) {
                out.put(node.code(), new Actual(m.value(), "手工填报（" + m.evidenceName() + "）"));
            }
        }
        node.children().forEach(c -> collect(c, metrics, manual, out));
    }
}
