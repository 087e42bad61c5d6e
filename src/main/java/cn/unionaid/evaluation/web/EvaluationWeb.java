package cn.unionaid.evaluation.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;

import cn.unionaid.evaluation.SelfEvaluationReport;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.NavigationItem;
import cn.unionaid.platform.Role;
import cn.unionaid.platform.documents.Documents;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 绩效评价: the year's self-evaluation report as DOCX or PDF, for the page and the API alike. */
@Controller
class EvaluationWeb {

    private final SelfEvaluationReport reports;
    private final cn.unionaid.evaluation.Evaluations evaluations;
    private final cn.unionaid.platform.Messages messages;

    private final cn.unionaid.evaluation.Dashboard dashboard;
    private final tools.jackson.databind.json.JsonMapper json;

    EvaluationWeb(SelfEvaluationReport reports, cn.unionaid.evaluation.Evaluations evaluations,
            cn.unionaid.platform.Messages messages, cn.unionaid.evaluation.Dashboard dashboard,
            tools.jackson.databind.json.JsonMapper json) {
        this.dashboard = dashboard;
        this.json = json;
        this.reports = reports;
        this.evaluations = evaluations;
        this.messages = messages;
    }

    @org.springframework.web.bind.annotation.PostMapping("/evaluation/narratives")
    String saveNarrative(@RequestParam int year, @RequestParam cn.unionaid.evaluation.Evaluations.Section section,
            @RequestParam String text, org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
        try {
            var saved = evaluations.saveNarrative(CurrentUser.require().scope(), year, section, text);
            flash.addFlashAttribute(saved.otherYears().isEmpty() ? "notice" : "error", saved.otherYears().isEmpty()
                    ? messages.get("common.saved") : messages.get("evaluation.otherYears", String.join("、", saved.otherYears())));
        } catch (cn.unionaid.platform.BusinessRuleException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/evaluation?year=" + year;
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Shell {
        @Bean
        NavigationItem evaluationNavigation() {
            return new NavigationItem(70, "nav.evaluation", "/evaluation",
                    EnumSet.of(Role.CLERK, Role.REVIEWER, Role.LEADER, Role.FINANCE, Role.AUDITOR));
        }
    }

    @GetMapping("/evaluation")
    String page(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now().getYear() - 1 : year;
        model.addAttribute("year", y);
        model.addAttribute("report", reports.build(CurrentUser.require().scope(), y));
        model.addAttribute("narratives", evaluations.narratives(CurrentUser.require().scope(), y));
        model.addAttribute("sections", cn.unionaid.evaluation.Evaluations.Section.values());
        return "evaluation/page";
    }

    @GetMapping("/evaluation/dashboard")
    String dashboard(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now().getYear() - 1 : year;
        var view = dashboard.build(CurrentUser.require().scope(), y);
        model.addAttribute("year", y);
        model.addAttribute("view", view);
        model.addAttribute("byProgram", json.writeValueAsString(view.byProgram()));
        model.addAttribute("bySource", json.writeValueAsString(view.bySource()));
        model.addAttribute("byRegion", json.writeValueAsString(view.byRegion()));
        model.addAttribute("findings", json.writeValueAsString(view.findings()));
        return "evaluation/dashboard";
    }

    @GetMapping({"/evaluation/self-report", "/api/v1/evaluation/self-report"})
    ResponseEntity<byte[]> report(@RequestParam int year, @RequestParam(defaultValue = "docx") String format) {
        Documents.Simple doc = reports.build(CurrentUser.require().scope(), year);
        boolean pdf = "pdf".equalsIgnoreCase(format);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(pdf ? "application/pdf"
                        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(year + "年度绩效自评报告." + (pdf ? "pdf" : "docx"), StandardCharsets.UTF_8).build().toString())
                .body(pdf ? Documents.pdf(doc) : Documents.docx(doc));
    }
}
