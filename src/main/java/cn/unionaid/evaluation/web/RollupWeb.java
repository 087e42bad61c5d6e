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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
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
    private final tools.jackson.databind.json.JsonMapper json;

    RollupWeb(Rollup rollup, tools.jackson.databind.json.JsonMapper json) {
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
        byte[] file = Workbooks.write(year + "年度下级单位汇总", List.of("单位", "预算(元)", "到位(元)", "下拨下级(元)",
                "支出(元)", "执行率(到位)", "执行进度(年末/元旦/春节)", "受助人次", "未关闭问题", "自评得分", "等级"),
                sink -> lines.forEach(r -> sink.accept(java.util.Arrays.asList(r.name(), r.budgetYuan(), r.receivedYuan(),
                        r.allocatedDownYuan(), r.paidYuan(), r.execution(), String.join(" / ", r.milestones()),
                        Long.toString(r.people()), Long.toString(r.openFindings()), r.score(), r.grade()))));
        return ResponseEntity.ok()
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(year + "年度下级单位汇总.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(file);
    }
}
