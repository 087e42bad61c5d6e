package cn.unionaid.evaluation.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import cn.unionaid.evaluation.Rollup;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.NavigationGroup;
import cn.unionaid.platform.NavigationItem;
import cn.unionaid.platform.Role;
import cn.unionaid.platform.sheets.Workbooks;
import cn.unionaid.platform.web.Downloads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 下级单位汇总: the page, its sheet and {@code GET /api/v1/rollup?year=}. */
@Controller
class RollupWeb {

    private final Rollup rollup;
    private final cn.unionaid.evaluation.RollupReport report;
    private final tools.jackson.databind.json.JsonMapper json;

    RollupWeb(Rollup rollup, cn.unionaid.evaluation.RollupReport report, tools.jackson.databind.json.JsonMapper json) {
        this.report = report;
        this.rollup = rollup;
        this.json = json;
    }

    @Configuration(proxyBeanMethods = false)
    static class Shell {
        @Bean
        NavigationItem rollupNavigation() {
            return new NavigationItem(73, NavigationGroup.EVALUATION, "nav.rollup", "/evaluation/rollup",
                    EnumSet.of(Role.LEADER, Role.AUDITOR, Role.EVALUATOR));
        }
    }

    @GetMapping("/evaluation/rollup")
    String page(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now().getYear() - 1 : year;
        model.addAttribute("year", y);
        Rollup.Table table = rollup.of(CurrentUser.require().scope(), y);
        model.addAttribute("table", table);
        model.addAttribute("chart", json.writeValueAsString(table.rows().stream()
                .map(r -> java.util.Map.of("name", r.name(), "value", r.paidYuan())).toList()));
        return "evaluation/rollup";
    }

    @GetMapping("/api/v1/rollup")
    @ResponseBody
    Rollup.Table api(@RequestParam int year) {
        return rollup.of(CurrentUser.require().scope(), year);
    }

    @GetMapping("/evaluation/rollup.xlsx")
    ResponseEntity<byte[]> sheet(@RequestParam int year) {
        Rollup.Table table = rollup.of(CurrentUser.require().scope(), year);
        List<Rollup.Row> lines = new java.util.ArrayList<>(table.rows());
        lines.add(table.total());
        byte[] file = Workbooks.write(year + "年度下级单位汇总", List.of("单位", "预算(元)", "其中按来源", "到位(元)", "下拨下级(元)",
                "支出(元)", "执行率(到位)", "执行进度(年末/元旦/春节)", "受助人次", "帮扶户数", "未关闭问题", "高/中/低", "自评得分", "等级",
                "第三方得分", "报告"),
                sink -> lines.forEach(r -> sink.accept(java.util.Arrays.asList(r.name(), r.budgetYuan(),
                        String.join("；", r.budgetBySource().stream().map(b -> b.label() + " "
                                + cn.unionaid.shared.Money.ofFen(b.fen()).toYuanString()).toList()), r.receivedYuan(),
                        r.allocatedDownYuan(), r.paidYuan(), r.execution(), String.join(" / ", r.milestones()),
                        Long.toString(r.people()), Long.toString(r.households()), Long.toString(r.openFindings()),
                        r.severities(), r.score(), r.grade(), r.thirdPartyScore(), r.reports()))));
        return Downloads.xlsx(year + "年度下级单位汇总.xlsx", file);
    }

    /** 汇总报告: the consolidated report, DOCX or PDF. */
    @GetMapping("/api/v1/rollup/report")
    ResponseEntity<byte[]> report(@RequestParam int year, @RequestParam(defaultValue = "docx") String format) {
        boolean pdf = "pdf".equalsIgnoreCase(format);
        if (!pdf && !"docx".equalsIgnoreCase(format)) {
            throw cn.unionaid.platform.BusinessRuleException.invalid("rollup.error.format");
        }
        String name = year + "年度帮扶专项资金绩效评价汇总报告." + (pdf ? "pdf" : "docx");
        return pdf ? Downloads.pdf(name, report.pdf(CurrentUser.require().scope(), year))
                : Downloads.docx(name, report.docx(CurrentUser.require().scope(), year));
    }
}
