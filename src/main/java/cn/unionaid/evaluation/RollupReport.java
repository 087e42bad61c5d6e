package cn.unionaid.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.controls.ControlCheck;
import cn.unionaid.org.Organisations;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.documents.Documents;
import cn.unionaid.shared.ChineseDates;
import cn.unionaid.shared.Money;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 汇总报告: the higher union's consolidated report of a year — its summary (the roll-up's total, which is the sum of the
 * unions' own figures), a table per first-level indicator across the unions below, and each union's main open
 * findings. Every figure comes from {@link Rollup}; nothing is typed in. Issuing it is audited.
 */
@Service
public class RollupReport {

    private final Rollup rollup;
    private final Organisations organisations;
    private final AuditLog audit;

    RollupReport(Rollup rollup, Organisations organisations, AuditLog audit) {
        this.rollup = rollup;
        this.organisations = organisations;
        this.audit = audit;
    }

    @PreAuthorize("hasAnyRole('LEADER', 'AUDITOR', 'EVALUATOR')")
    @Transactional
    public byte[] docx(DataScope scope, int year) {
        return Documents.docx(issue(scope, year, "docx"), Documents.defaultTemplate());
    }

    @PreAuthorize("hasAnyRole('LEADER', 'AUDITOR', 'EVALUATOR')")
    @Transactional
    public byte[] pdf(DataScope scope, int year) {
        return Documents.pdf(issue(scope, year, "pdf"));
    }

    private Documents.Report issue(DataScope scope, int year, String format) {
        Documents.Report report = build(scope, year);
        audit.record("evaluation.rollupReportIssued", "evaluation", scope.orgId() + ":" + year, Map.of("format", format));
        return report;
    }

    Documents.Report build(DataScope scope, int year) {
        String us = organisations.find(scope, scope.orgId()).map(o -> o.name()).orElse("");
        List<Rollup.Child> children = rollup.children(scope, year);
        List<Rollup.Row> rows = children.stream().map(Rollup.Child::row).toList();
        Rollup.Row total = Rollup.total(scope, rows);
        List<String> text = new ArrayList<>();
        text.add("一、总体情况");
        text.add("截至" + ChineseDates.format(Metric.cutOff(year)) + "，" + us + "所属" + rows.size() + "个单位" + year
                + "年度帮扶专项资金预算合计" + wan(total.budgetFen()) + "万元（" + String.join("，", total.budgetBySource().stream()
                        .filter(s -> s.fen() != 0).map(s -> s.label() + wan(s.fen()) + "万元").toList()) + "），实际到位"
                + wan(total.receivedFen()) + "万元，向下级拨付" + wan(total.allocatedDownFen()) + "万元（拨付不计入支出），支出"
                + wan(total.paidFen()) + "万元，执行率（支出/到位）" + total.execution() + "。");
        text.add("全年帮扶" + total.people() + "人次、困难职工家庭" + total.households() + "户。合规检查尚未关闭的问题"
                + total.openFindings() + "个（" + total.severities() + "）。已出具绩效自评报告的单位"
                + rows.stream().filter(Rollup.Row::selfReportIssued).count() + "个，共" + rows.size() + "个。");
        text.add("以上数字均为各单位在本系统中截至同一日期的数据之和，与各单位自评报告的指标口径一致；当年度没有预算、到位和支出记录的单位不评分。");
        text.add("二、各单位执行与评价情况");
        for (Rollup.Row r : rows) {
            text.add(r.name() + "：到位" + wan(r.receivedFen()) + "万元，支出" + wan(r.paidFen()) + "万元，执行率" + r.execution()
                    + "；帮扶" + r.people() + "人次；" + (r.score() == null ? "无本年度数据，未评分"
                            : "自评得分" + r.score() + "分，等级“" + r.grade() + "”") + (r.thirdPartyScore() == null ? ""
                            : "；第三方评价得分" + r.thirdPartyScore() + "分") + "；" + r.reports() + "。");
        }
        text.add("三、各单位主要问题");
        boolean any = false;
        for (Rollup.Child c : children) {
            List<String> main = c.findings().entrySet().stream()
                    .sorted(Map.Entry.<ControlCheck, Long>comparingByValue().reversed()).limit(3)
                    .map(e -> "“" + e.getKey().title() + "”" + e.getValue() + "个（" + e.getKey().severity().label() + "）")
                    .toList();
            if (!main.isEmpty()) {
                any = true;
                text.add(c.row().name() + "：" + String.join("；", main) + "。");
            }
        }
        if (!any) {
            text.add("各单位本年度合规检查问题均已关闭。");
        }
        List<Documents.Annex> annexes = new ArrayList<>();
        annexes.add(executionAnnex(rows, total));
        annexes.addAll(indicatorAnnexes(children));
        return new Documents.Report(us + year + "年度帮扶专项资金绩效评价汇总报告", text, annexes,
                List.of(us, ChineseDates.format(LocalDate.now())));
    }

    private static Documents.Annex executionAnnex(List<Rollup.Row> rows, Rollup.Row total) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("单位", "预算(元)", "到位(元)", "下拨下级(元)", "支出(元)", "执行率", "受助人次", "帮扶户数", "未关闭问题",
                "自评得分", "等级"));
        List<Rollup.Row> all = new ArrayList<>(rows);
        all.add(total);
        for (Rollup.Row r : all) {
            table.add(List.of(r.name(), r.budgetYuan(), r.receivedYuan(), r.allocatedDownYuan(), r.paidYuan(), r.execution(),
                    Long.toString(r.people()), Long.toString(r.households()), Long.toString(r.openFindings()),
                    r.score() == null ? "" : r.score(), r.grade() == null ? "" : r.grade()));
        }
        return new Documents.Annex("附表1 各单位资金执行情况", table);
    }

    /** One table per first-level indicator, its rows the unions that were scored: weight, score, the main deductions. */
    private static List<Documents.Annex> indicatorAnnexes(List<Rollup.Child> children) {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        for (Rollup.Child c : children) {
            if (c.score() == null || c.row().score() == null) {
                continue;
            }
            for (Score first : c.score().children()) {
                List<List<String>> table = tables.computeIfAbsent(first.name(), n -> {
                    List<List<String>> t = new ArrayList<>();
                    t.add(List.of("单位", "分值", "得分", "主要扣分事项"));
                    return t;
                });
                List<String> reasons = new ArrayList<>();
                leafReasons(first, reasons);
                String shown = reasons.isEmpty() ? "未扣分" : String.join("；", reasons.subList(0, Math.min(3, reasons.size())))
                        + (reasons.size() > 3 ? "等" + reasons.size() + "项" : "");
                table.add(List.of(c.row().name(), Scorer.plain(first.weight()), Scorer.plain(first.score()), shown));
            }
        }
        List<Documents.Annex> annexes = new ArrayList<>();
        int n = 2;
        for (Map.Entry<String, List<List<String>>> t : tables.entrySet()) {
            String name = t.getKey().endsWith("指标") ? t.getKey() : t.getKey() + "指标";
            annexes.add(new Documents.Annex("附表" + n++ + " " + name + "各单位得分", t.getValue()));
        }
        return annexes;
    }

    /** The deductions where they were made (the leaves); a parent repeats its children's. */
    private static void leafReasons(Score s, List<String> out) {
        if (s.children().isEmpty()) {
            s.deductions().forEach(d -> out.add(d.reason()));
        }
        s.children().forEach(c -> leafReasons(c, out));
    }

    private static String wan(long fen) {
        return Money.ofFen(fen).toWanYuanString();
    }
}
