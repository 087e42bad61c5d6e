package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.unionaid.disbursement.Payments;
import cn.unionaid.funds.Funds;
import cn.unionaid.funds.Milestone;
import cn.unionaid.funds.SourceBalance;
import cn.unionaid.org.Organisations;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.documents.Documents;
import cn.unionaid.shared.Money;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The self-evaluation report (绩效自评报告) of a union's year, in the outline the seeds share, every figure taken
 * from that year's data: budget and receipts from the ledger, people and amounts per program from the paid
 * batches, completion from the execution as of 31 December, the score from the self-evaluation frame.
 */
@Service
public class SelfEvaluationReport {

    private final Funds funds;
    private final Payments payments;
    private final Organisations organisations;
    private final SatisfactionSurveys surveys;
    private final Evaluations evaluations;
    private final Targets targets;

    SelfEvaluationReport(Funds funds, Payments payments, Organisations organisations, SatisfactionSurveys surveys,
            Evaluations evaluations, Targets targets) {
        this.targets = targets;
        this.funds = funds;
        this.payments = payments;
        this.organisations = organisations;
        this.surveys = surveys;
        this.evaluations = evaluations;
    }

    /** The year's self-evaluation score, from the same data as the report. */
    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER', 'LEADER', 'FINANCE', 'AUDITOR')")
    @Transactional(readOnly = true)
    public Score score(DataScope scope, int year) {
        List<SourceBalance> balances = funds.balances(scope, year, null, LocalDate.of(year, 12, 31));
        List<SurveyView> yearSurveys = surveys.ofYear(scope, year);
        long answered = yearSurveys.stream().mapToLong(SurveyView::answered).sum();
        long satisfied = yearSurveys.stream().mapToLong(SurveyView::satisfiedCount).sum();
        Map<String, BigDecimal> declared = new HashMap<>();
        targets.of(scope, year).forEach((code, t) -> declared.put(code, t.current()));
        return score(balances.stream().mapToLong(SourceBalance::budgetFen).sum(),
                balances.stream().mapToLong(SourceBalance::spentFen).sum(), payments.paidByProgram(scope, year),
                answered == 0 ? null : BigDecimal.valueOf(satisfied * 1000 / answered, 1), evaluations.overrides(scope, year),
                declared);
    }

    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER', 'LEADER', 'FINANCE', 'AUDITOR')")
    @Transactional(readOnly = true)
    public Documents.Simple build(DataScope scope, int year) {
        String union = organisations.find(scope, scope.orgId()).map(o -> o.name()).orElse("");
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        List<SourceBalance> balances = funds.balances(scope, year, null, yearEnd);
        long budget = balances.stream().mapToLong(SourceBalance::budgetFen).sum();
        long received = balances.stream().mapToLong(SourceBalance::receivedFen).sum();
        long spent = balances.stream().mapToLong(SourceBalance::spentFen).sum();
        List<Payments.ProgramPaid> programs = payments.paidByProgram(scope, year);
        List<Milestone> milestones = funds.milestones(scope, year);
        String completion = percent(spent, budget);

        List<String> text = new ArrayList<>();
        text.add("一、基本情况");
        text.add("（一）项目概况。" + year + "年度" + union + "共安排帮扶专项资金" + wan(budget) + "万元，实际到位"
                + wan(received) + "万元，资金到位率" + percent(received, budget) + "。");
        StringBuilder uses = new StringBuilder("（二）资金使用情况。截至" + yearEnd + "共发放" + wan(spent) + "万元，其中");
        List<String> parts = new ArrayList<>();
        for (Payments.ProgramPaid p : programs) {
            if (p.amountFen() > 0) {
                parts.add(p.programName() + p.people() + "人，" + wan(p.amountFen()) + "万元");
            }
        }
        uses.append(String.join("；", parts)).append("。预算执行率").append(completion).append("。");
        text.add(uses.toString());
        Map<String, Targets.Target> declaredTargets = targets.of(scope, year);
        if (!declaredTargets.isEmpty()) {
            text.add("（三）绩效目标。年初申报：" + String.join("；", declaredTargets.values().stream().map(t -> t.indicatorCode()
                    + " " + Scorer.plain(t.declared()) + (t.unit() == null ? "" : t.unit())
                    + (t.adjustments().isEmpty() ? "" : "，调整为" + String.join("、", t.adjustments()))).toList()) + "。");
        }
        text.add("二、绩效评价工作开展情况");
        text.add("本报告依据本系统记录的" + year + "年度预算、资金到位、发放批次、银行对账及合规检查数据生成，数据截至"
                + yearEnd + "。");
        text.add("三、综合评价情况及结论");
        List<SurveyView> yearSurveys = surveys.ofYear(scope, year);
        long answered = yearSurveys.stream().mapToLong(SurveyView::answered).sum();
        long satisfied = yearSurveys.stream().mapToLong(SurveyView::satisfiedCount).sum();
        BigDecimal satisfaction = answered == 0 ? null : BigDecimal.valueOf(satisfied * 1000 / answered, 1);
        Score score = score(scope, year);
        Map<Evaluations.Section, String> narrative = new HashMap<>();
        evaluations.narratives(scope, year).forEach(n -> narrative.put(n.section(), n.text()));
        text.add("按自评指标体系（预算执行率10分、产出50分、效益30分、满意度10分）计算，自评得分"
                + Scorer.plain(score.score()) + "分，等级“" + GradeBands.DEFAULT.grade(score.score()) + "”。");
        if (satisfaction != null) {
            text.add("满意度调查：随机抽取受益对象" + yearSurveys.stream().mapToInt(SurveyView::sampleSize).sum()
                    + "人，有效问卷" + answered + "份，满意（含基本满意）" + satisfied + "份，满意度" + satisfaction.toPlainString() + "%。");
        }
        text.add("四、绩效评价指标分析");
        for (Milestone m : milestones) {
            text.add("截至" + m.date() + "（" + m.name() + "）执行率" + m.rate() + (m.targetPercent() > 0
                    ? "，目标" + m.targetPercent() + "%，" + (m.met() ? "已达到" : "未达到") : "") + "。");
        }
        score.deductions().forEach(d -> text.add("扣分：" + d.reason() + "。"));
        text.add("五、主要经验做法、存在的问题及原因");
        text.add(narrative.getOrDefault(Evaluations.Section.EXPERIENCE, "（主要经验做法待填写）"));
        text.add(narrative.getOrDefault(Evaluations.Section.PROBLEMS,
                score.deductions().isEmpty() ? "本年度未发现扣分事项。" : "存在的问题见上述扣分事项。"));
        text.add("六、有关建议");
        text.add(narrative.getOrDefault(Evaluations.Section.SUGGESTIONS,
                "继续坚持先建档、后帮扶和实名制银行卡发放，按期完成生活状况摸底与档案复核。"));
        text.add("七、其他需要说明的问题");
        text.add(narrative.getOrDefault(Evaluations.Section.OTHER, "无。"));

        List<List<String>> annex = new ArrayList<>();
        annex.add(List.of("一级指标", "分值", "得分", "扣分原因"));
        for (Score s : score.children()) {
            annex.add(List.of(s.name(), Scorer.plain(s.weight()), Scorer.plain(s.score()),
                    String.join("；", s.deductions().stream().map(Deduction::reason).toList())));
        }
        return new Documents.Simple(union + year + "年度帮扶专项资金绩效自评报告", text, annex,
                List.of(union, LocalDate.now().toString()));
    }

    private static Score score(long budget, long spent, List<Payments.ProgramPaid> programs, BigDecimal satisfaction,
            Map<String, Scorer.Override> overrides, Map<String, BigDecimal> declaredTargets) {
        Map<String, BigDecimal> actuals = new HashMap<>();
        actuals.put("EXEC.RATE", budget == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(spent * 100).divide(BigDecimal.valueOf(budget), 2, java.math.RoundingMode.HALF_UP));
        actuals.put("OUTPUT.PEOPLE", BigDecimal.valueOf(programs.stream().mapToLong(Payments.ProgramPaid::people).sum()));
        if (satisfaction != null) {
            actuals.put("SATISFACTION.RATE", satisfaction);
        }
        return new Scorer().score(IndicatorTemplates.selfEvaluation(), new Scorer.Inputs(actuals, List.of(), overrides,
                declaredTargets));
    }

    private static String wan(long fen) {
        return Money.ofFen(fen).toWanYuanString();
    }

    private static String percent(long part, long whole) {
        if (whole == 0) {
            return "-";
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + "%";
    }
}
