package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.disbursement.Payments;
import cn.unionaid.funds.Funds;
import cn.unionaid.funds.Milestone;
import cn.unionaid.funds.SourceBalance;
import cn.unionaid.org.Organisations;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.documents.Documents;
import cn.unionaid.shared.ChineseDates;
import cn.unionaid.shared.Money;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's evaluation report — the self-evaluation report (绩效自评报告) or the third-party evaluation report
 * (绩效评价报告) — in the outline the seeds share, every figure taken from that year's data: budget and receipts
 * from the ledger, people and amounts per program from the paid batches, completion from the execution as of
 * 31 December, the score and every deduction from the frame's indicator system, the annexes (the indicator table
 * with targets, actuals and scores; the questionnaire and its results). The DOCX is rendered into the union's own
 * template ({@link ReportTemplates}) when it has uploaded one.
 */
@Service
public class EvaluationReports {

    private final Funds funds;
    private final Payments payments;
    private final Organisations organisations;
    private final SatisfactionSurveys surveys;
    private final Evaluations evaluations;
    private final Targets targets;
    private final YearEvaluation evaluation;
    private final ReportTemplates templates;
    private final AuditLog audit;
    private final ReportConsistency consistency;
    private final cn.unionaid.controls.Controls controls;

    EvaluationReports(Funds funds, Payments payments, Organisations organisations, SatisfactionSurveys surveys,
            Evaluations evaluations, Targets targets, YearEvaluation evaluation, ReportTemplates templates,
            AuditLog audit, ReportConsistency consistency, cn.unionaid.controls.Controls controls) {
        this.consistency = consistency;
        this.controls = controls;
        this.funds = funds;
        this.payments = payments;
        this.organisations = organisations;
        this.surveys = surveys;
        this.evaluations = evaluations;
        this.targets = targets;
        this.evaluation = evaluation;
        this.templates = templates;
        this.audit = audit;
    }

    /**
     * What a year's report is made of, read once at its cut-off: the frame's evaluation (with the metrics), the balances
     * by source, each program's part and what was spent outside programs. The report, its consistency check, the drafts
     * and the page all take it from here.
     */
    public record YearFigures(YearEvaluation.Evaluated evaluated, List<SourceBalance> balances,
            List<Payments.ProgramPaid> parts, long outsidePrograms, Drafts drafts) {

        long budgetFen() {
            return balances.stream().mapToLong(SourceBalance::budgetFen).sum();
        }

        long receivedFen() {
            return balances.stream().mapToLong(SourceBalance::receivedFen).sum();
        }

        long spentFen() {
            return balances.stream().mapToLong(SourceBalance::spentFen).sum();
        }

        /** The leaves of the frame that score nothing for lack of an actual or a target. */
        public List<Score> unscored() {
            return evaluated.score().unscoredLeaves();
        }
    }

    @PreAuthorize(EvaluationRoles.READERS)
    @Transactional(readOnly = true)
    public YearFigures figures(DataScope scope, int year, Frame frame) {
        LocalDate cutOff = Metric.cutOff(year);
        YearEvaluation.Evaluated evaluated = evaluation.evaluate(scope, year, frame);
        return new YearFigures(evaluated, evaluated.measured().balances(),
                payments.paidByProgram(scope, year), funds.spentOutsidePrograms(scope, year, cutOff),
                drafts(scope, year, evaluated.score()));
    }

    @PreAuthorize(EvaluationRoles.READERS)
    @Transactional(readOnly = true)
    public Documents.Report build(DataScope scope, int year, Frame frame) {
        return build(scope, year, frame, figures(scope, year, frame));
    }

    /** The report of the year's figures. */
    public Documents.Report build(DataScope scope, int year, Frame frame, YearFigures figures) {
        String union = organisations.find(scope, scope.orgId()).map(o -> o.name()).orElse("");
        LocalDate yearEnd = Metric.cutOff(year);
        long budget = figures.budgetFen();
        long received = figures.receivedFen();
        long spent = figures.spentFen();
        YearEvaluation.Evaluated evaluated = figures.evaluated();
        Score score = evaluated.score();

        List<String> text = new ArrayList<>();
        text.add("一、基本情况");
        text.add("（一）项目概况。" + year + "年度" + union + "共安排帮扶专项资金" + wan(budget) + "万元，实际到位"
                + wan(received) + "万元，资金到位率" + percent(received, budget) + "。");
        List<String> parts = new ArrayList<>();
        for (Payments.ProgramPaid p : figures.parts()) {
            if (p.amountFen() > 0) {
                parts.add(p.programName() + p.people() + "人，" + wan(p.amountFen()) + "万元");
            }
        }
        long outside = figures.outsidePrograms();
        if (outside != 0) {
            parts.add("未列入帮扶项目的支出" + wan(outside) + "万元");
        }
        text.add("（二）资金使用情况。截至" + ChineseDates.format(yearEnd) + "共发放" + wan(spent) + "万元"
                + (parts.isEmpty() ? "" : "，其中" + String.join("；", parts)) + "。预算执行率" + percent(spent, budget) + "。");
        Map<String, Targets.Target> declared = targets.of(scope, year);
        if (!declared.isEmpty()) {
            text.add("（三）绩效目标。年初申报：" + String.join("；", declared.values().stream().map(t -> evaluated.system()
                    .find(t.indicatorCode()).map(Indicator::name).orElse("其他指标") + Scorer.plain(t.declared()) + (t.unit() == null ? "" : t.unit())
                    + (t.adjustments().isEmpty() ? "" : "，调整为" + String.join("、", t.adjustments()))).toList()) + "。");
        }
        text.add("二、绩效评价工作开展情况");
        text.add((frame == Frame.SELF ? "本单位" : "评价机构") + "依据本系统记录的" + year
                + "年度预算、资金到位、发放批次、银行对账、合规检查及满意度调查数据开展评价，数据截至" + ChineseDates.format(yearEnd) + "。金额以万元为单位时按分折算，不作舍入。");
        text.add("三、综合评价情况及结论");
        if (evaluated.nothingToEvaluate()) {
            text.add(year + "年度" + union + "无预算安排、资金到位和支出记录，无评价对象，不作综合评分，不评定等级。");
        } else {
            text.add("按" + frame.label() + "指标体系（" + String.join("、", score.children().stream()
                    .map(c -> c.name() + Scorer.plain(c.weight()) + "分").toList()) + "）计算，得分" + Scorer.plain(score.score())
                    + "分，等级“" + evaluated.grade() + "”。");
        }
        List<SurveyView> yearSurveys = surveys.ofYear(scope, year);
        long answered = yearSurveys.stream().mapToLong(SurveyView::answered).sum();
        long satisfied = yearSurveys.stream().mapToLong(SurveyView::satisfiedCount).sum();
        if (answered > 0) {
            text.add("满意度调查：随机抽取受益对象" + yearSurveys.stream().mapToInt(SurveyView::sampleSize).sum()
                    + "人，有效问卷" + answered + "份，满意（含基本满意）" + satisfied + "份，满意度"
                    + BigDecimal.valueOf(satisfied * 1000 / answered, 1).toPlainString() + "%。");
        }
        text.add("四、绩效评价指标分析");
        String[] numerals = {"一", "二", "三", "四", "五", "六", "七", "八"};
        for (int i = 0; i < score.children().size(); i++) {
            Score s = score.children().get(i);
            text.add("（" + numerals[Math.min(i, numerals.length - 1)] + "）" + s.name() + "：满分" + Scorer.plain(s.weight())
                    + "分，得分" + Scorer.plain(s.score()) + "分。" + (s.deductions().isEmpty() ? "未扣分。"
                            : String.join("；", s.deductions().stream().map(Deduction::reason).toList()) + "。"));
        }
        for (Milestone m : funds.milestones(scope, year)) {
            text.add("截至" + ChineseDates.format(m.date()) + "（" + m.name() + "）执行率" + m.rate() + (m.targetPercent() > 0
                    ? "，目标" + m.targetPercent() + "%，" + (m.met() ? "已达到" : "未达到") : "") + "。");
        }
        Map<Evaluations.Section, String> narrative = new HashMap<>();
        evaluations.narratives(scope, year).forEach(n -> narrative.put(n.section(), n.text()));
        text.add("五、主要经验做法、存在的问题及原因");
        text.add(narrative.getOrDefault(Evaluations.Section.EXPERIENCE, "（主要经验做法待填写）"));
        Drafts drafts = figures.drafts();
        text.add(narrative.getOrDefault(Evaluations.Section.PROBLEMS, drafts.problems()));
        text.add("六、有关建议");
        text.add(narrative.getOrDefault(Evaluations.Section.SUGGESTIONS, drafts.suggestions()));
        text.add("七、其他需要说明的问题");
        List<Score> unscored = score.unscoredLeaves();
        if (!unscored.isEmpty()) {
            text.add("以下" + unscored.size() + "项指标因无实际值或未设定目标值未得分，经评价人确认后出具本报告："
                    + String.join("；", unscored.stream().map(u -> u.name() + "（" + Scorer.plain(u.weight()) + "分）").toList())
                    + "。");
        }
        text.add(narrative.getOrDefault(Evaluations.Section.OTHER, unscored.isEmpty() ? "无。" : ""));

        String title = union + year + "年度帮扶专项资金" + (frame == Frame.SELF ? "绩效自评报告" : "绩效评价报告");
        return new Documents.Report(title, text, List.of(indicatorAnnex(evaluated), surveyAnnex(yearSurveys)),
                List.of(union, ChineseDates.format(LocalDate.now())));
    }

    /** 存在的问题 and 有关建议 drafted from the year's own deductions and findings; the evaluator edits them before issue. */
    public record Drafts(String problems, String suggestions) {
    }

    private Drafts drafts(DataScope scope, int year, Score score) {
        List<String> problems = new ArrayList<>();
        List<String> suggestions = new ArrayList<>();
        for (Score leaf : leaves(score)) {
            if (leaf.deducted().signum() > 0) {
                problems.add("“" + leaf.name() + "”扣" + Scorer.plain(leaf.deducted()) + "分："
                        + String.join("；", leaf.deductions().stream().map(Deduction::reason).toList()));
                suggestions.add("针对“" + leaf.name() + "”：" + (leaf.unscored()
                        ? "补齐数据来源并在年初设定绩效目标，做到有目标、有记录、可核查"
                        : "对照指标要求查找原因，明确责任和整改时限，下一年度纳入绩效目标跟踪"));
            }
        }
        controls.openByCheck(scope, year).forEach((check, count) -> {
            problems.add("合规检查发现“" + check.title() + "”" + count + "个，尚未整改完毕");
            suggestions.add("针对“" + check.title() + "”：" + check.remedy());
        });
        return new Drafts(problems.isEmpty() ? "本年度未发现扣分事项和合规检查问题。" : numbered("存在以下问题：", problems),
                suggestions.isEmpty() ? "继续坚持先建档、后帮扶和实名制银行卡发放，按期完成生活状况摸底与档案复核。"
                        : numbered("建议：", suggestions));
    }

    private static List<Score> leaves(Score s) {
        if (s.children().isEmpty()) {
            return List.of(s);
        }
        List<Score> all = new ArrayList<>();
        s.children().forEach(c -> all.addAll(leaves(c)));
        return all;
    }

    private static String numbered(String lead, List<String> points) {
        StringBuilder sb = new StringBuilder(lead);
        for (int i = 0; i < points.size(); i++) {
            sb.append(i + 1).append('.').append(points.get(i)).append(i == points.size() - 1 ? "。" : "；");
        }
        return sb.toString();
    }

    private static Documents.Annex indicatorAnnex(YearEvaluation.Evaluated evaluated) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("级次", "指标", "分值", "目标值", "实际值", "数据来源", "得分", "扣分原因"));
        for (YearEvaluation.Line l : evaluated.lines()) {
            rows.add(List.of(l.level() + "级", l.name(), Scorer.plain(l.weight()), l.target(), l.actual(), l.source(),
                    Scorer.plain(l.score()), l.leaf() ? String.join("；", l.reasons()) : ""));
        }
        rows.add(List.of("合计", "", Scorer.plain(evaluated.score().weight()), "", "",  "",
                evaluated.nothingToEvaluate() ? "-" : Scorer.plain(evaluated.score().score()), "等级：" + evaluated.grade()));
        return new Documents.Annex("附表1 " + evaluated.frame().label() + "指标体系及评分表", rows);
    }

    private static Documents.Annex surveyAnnex(List<SurveyView> yearSurveys) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("调查", "问题", "抽样人数", "有效问卷", "满意（含基本满意）", "满意度"));
        for (SurveyView s : yearSurveys) {
            rows.add(List.of(s.title(), String.join("；", s.questions()), String.valueOf(s.sampleSize()),
                    String.valueOf(s.answered()), String.valueOf(s.satisfiedCount()),
                    s.satisfaction() == null ? "-" : s.satisfaction().toPlainString() + "%"));
        }
        return new Documents.Annex("附表2 满意度调查问卷及结果", rows.size() == 1 ? List.of() : rows);
    }

    /** The report issued as an editable DOCX, in the union's template if it has one; the issue is audited. */
    @PreAuthorize(EvaluationRoles.READERS)
    @Transactional
    public byte[] docx(DataScope scope, int year, Frame frame, boolean confirmUnscored) {
        return Documents.docx(issue(scope, year, frame, "docx", confirmUnscored), templates.of(scope, frame));
    }

    /** The report issued as a PDF; the issue is audited. */
    @PreAuthorize(EvaluationRoles.READERS)
    @Transactional
    public byte[] pdf(DataScope scope, int year, Frame frame, boolean confirmUnscored) {
        return Documents.pdf(issue(scope, year, frame, "pdf", confirmUnscored));
    }

    /**
     * Refused while its figures disagree ({@link ReportConsistency}), naming them; and, unless the evaluator confirms
     * it, while a leaf is unscored for lack of data or target (the report then lists those leaves).
     */
    private Documents.Report issue(DataScope scope, int year, Frame frame, String format, boolean confirmUnscored) {
        YearFigures figures = figures(scope, year, frame);
        List<String> disagreements = consistency.disagreements(scope, year, figures);
        if (!disagreements.isEmpty()) {
            throw BusinessRuleException.conflict("report.error.inconsistent", disagreements.size(),
                    String.join("；", disagreements.subList(0, Math.min(10, disagreements.size()))));
        }
        List<Score> unscored = figures.unscored();
        if (!unscored.isEmpty() && !confirmUnscored) {
            throw BusinessRuleException.conflict("report.error.unscored", unscored.size(),
                    String.join("、", unscored.stream().map(Score::name).toList()));
        }
        Documents.Report report = build(scope, year, frame, figures);
        audit.record("evaluation.reportIssued", "evaluation", scope.orgId() + ":" + year, Map.of("frame", frame.name(),
                "format", format, "unscoredConfirmed", String.join("、", unscored.stream().map(Score::code).toList())));
        return report;
    }

    private static String wan(long fen) {
        return Money.ofFen(fen).toWanYuanString();
    }

    private static String percent(long part, long whole) {
        if (whole == 0) {
            return "-";
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + "%";
    }
}
