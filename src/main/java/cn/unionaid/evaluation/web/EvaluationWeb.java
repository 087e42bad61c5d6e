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

    EvaluationWeb(SelfEvaluationReport reports) {
        this.reports = reports;
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
        return "evaluation/page";
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
