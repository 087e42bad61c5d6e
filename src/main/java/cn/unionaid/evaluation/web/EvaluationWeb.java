package cn.unionaid.evaluation.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;

import cn.unionaid.evaluation.Dashboard;
import cn.unionaid.evaluation.EvaluationReports;
import cn.unionaid.evaluation.Evaluations;
import cn.unionaid.evaluation.Frame;
import cn.unionaid.evaluation.ReportTemplates;
import cn.unionaid.org.Organisations;
import cn.unionaid.org.UnionChoice;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.Messages;
import cn.unionaid.platform.NavigationGroup;
import cn.unionaid.platform.NavigationItem;
import cn.unionaid.platform.Role;
import cn.unionaid.platform.web.Downloads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** 绩效评价: the year's report (self-evaluation or third-party) on the page, as DOCX or PDF, its narrative and template. */
@Controller
class EvaluationWeb {

    private final EvaluationReports reports;
    private final ReportTemplates templates;
    private final Evaluations evaluations;
    private final Messages messages;
    private final Dashboard dashboard;
    private final JsonMapper json;
    private final Organisations organisations;

    EvaluationWeb(EvaluationReports reports, ReportTemplates templates, Evaluations evaluations,
            Messages messages, Dashboard dashboard, JsonMapper json, Organisations organisations) {
        this.organisations = organisations;
        this.reports = reports;
        this.templates = templates;
        this.evaluations = evaluations;
        this.messages = messages;
        this.dashboard = dashboard;
        this.json = json;
    }

    @Configuration(proxyBeanMethods = false)
    static class Shell {
        @Bean
        NavigationItem evaluationNavigation() {
            return new NavigationItem(70, NavigationGroup.EVALUATION, "nav.evaluation", "/evaluation", READERS);
        }

        /**
         * 待办: last year's self-evaluation still to be written (its 存在的问题 / 有关建议), and paragraphs that name
         * another year's figures, for the leader, the evaluator and the clerk who prepares it.
         */
        @Bean
        cn.unionaid.platform.ToDo.Source evaluationToDos(Evaluations evaluations, Messages messages) {
            return user -> {
                boolean writes = user.roles().contains(Role.CLERK);
                boolean confirms = user.roles().contains(Role.LEADER) || user.roles().contains(Role.EVALUATOR);
                if (!writes && !confirms) {
                    return java.util.List.of();
                }
                int year = java.time.LocalDate.now().getYear() - 1;
                var narratives = evaluations.narratives(user.scope(), year);
                java.util.Set<Evaluations.Section> written = narratives.stream().map(Evaluations.Narrative::section)
                        .collect(java.util.stream.Collectors.toSet());
                java.util.List<cn.unionaid.platform.ToDo> toDos = new java.util.ArrayList<>();
                if (!written.contains(Evaluations.Section.PROBLEMS) || !written.contains(Evaluations.Section.SUGGESTIONS)) {
                    toDos.add(new cn.unionaid.platform.ToDo(70, messages.get(writes ? "evaluation.todo.write" : "evaluation.todo.waiting",
                            year), "/evaluation?year=" + year, writes, false));
                }
                if (narratives.stream().anyMatch(n -> !n.otherYears().isEmpty())) {
                    toDos.add(new cn.unionaid.platform.ToDo(69, messages.get("evaluation.todo.otherYears", year),
                            "/evaluation?year=" + year, true, false));
                }
                return toDos;
            };
        }

        @Bean
        NavigationItem indicatorsNavigation() {
            return new NavigationItem(71, NavigationGroup.EVALUATION, "nav.indicators", "/evaluation/indicators", READERS);
        }

        @Bean
        NavigationItem dashboardNavigation() {
            return new NavigationItem(72, NavigationGroup.EVALUATION, "nav.dashboard", "/evaluation/dashboard", READERS);
        }

        private static final java.util.Set<Role> READERS =
                EnumSet.of(Role.CLERK, Role.REVIEWER, Role.LEADER, Role.FINANCE, Role.AUDITOR, Role.EVALUATOR);
    }

    static int yearOrLast(Integer year) {
        return year == null ? LocalDate.now().getYear() - 1 : year;
    }

    @GetMapping("/evaluation")
    String page(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "SELF") Frame frame,
            @RequestParam(required = false) Long org, Model model) {
        int y = yearOrLast(year);
        UnionChoice choice = organisations.choose(CurrentUser.require().scope(), org);
        model.addAttribute("choice", choice);
        model.addAttribute("year", y);
        model.addAttribute("frame", frame);
        model.addAttribute("frames", Frame.values());
        var figures = reports.figures(choice.scope(), y, frame);
        model.addAttribute("report", reports.build(choice.scope(), y, frame, figures));
        model.addAttribute("unscored", figures.unscored().stream().map(cn.unionaid.evaluation.Score::name).toList());
        model.addAttribute("drafts", figures.drafts());
        model.addAttribute("ownTemplate", templates.hasOwn(choice.scope(), frame));
        model.addAttribute("narratives", evaluations.narratives(choice.scope(), y));
        model.addAttribute("sections", Evaluations.Section.values());
        return "evaluation/page";
    }

    @PostMapping("/evaluation/narratives")
    String saveNarrative(@RequestParam int year, @RequestParam Evaluations.Section section, @RequestParam String text,
            RedirectAttributes flash) {
        try {
            var saved = evaluations.saveNarrative(CurrentUser.require().scope(), year, section, text);
            flash.addFlashAttribute(saved.otherYears().isEmpty() ? "notice" : "error", saved.otherYears().isEmpty()
                    ? messages.get("common.saved") : messages.get("evaluation.otherYears", String.join("、", saved.otherYears())));
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/evaluation?year=" + year;
    }

    @PostMapping("/evaluation/templates")
    String uploadTemplate(@RequestParam int year, @RequestParam Frame frame, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean reset, RedirectAttributes flash) throws IOException {
        try {
            if (reset) {
                templates.reset(CurrentUser.require().scope(), frame);
            } else {
                templates.upload(CurrentUser.require().scope(), frame, file.getBytes(), file.getOriginalFilename());
            }
            flash.addFlashAttribute("notice", messages.get("common.saved"));
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/evaluation?year=" + year + "&frame=" + frame;
    }

    @GetMapping("/evaluation/dashboard")
    String dashboard(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long org,
            Model model) {
        int y = yearOrLast(year);
        UnionChoice choice = organisations.choose(CurrentUser.require().scope(), org);
        model.addAttribute("choice", choice);
        var view = dashboard.build(choice.scope(), y);
        model.addAttribute("year", y);
        model.addAttribute("view", view);
        model.addAttribute("byMonth", json.writeValueAsString(view.byMonth()));
        model.addAttribute("byProgram", json.writeValueAsString(view.byProgram()));
        model.addAttribute("bySource", json.writeValueAsString(view.bySource()));
        model.addAttribute("byRegion", json.writeValueAsString(view.byRegion()));
        model.addAttribute("findings", json.writeValueAsString(view.findings()));
        return "evaluation/dashboard";
    }

    /** The report of a frame; {@code self-report} is the self-evaluation report's older address. */
    @GetMapping({"/evaluation/report", "/api/v1/evaluation/report"})
    ResponseEntity<byte[]> report(@RequestParam int year, @RequestParam(defaultValue = "SELF") Frame frame,
            @RequestParam(defaultValue = "docx") String format, @RequestParam(defaultValue = "false") boolean confirmUnscored,
            @RequestParam(required = false) Long org) {
        String name = year + "年度" + (frame == Frame.SELF ? "绩效自评报告" : "绩效评价报告");
        var viewed = organisations.choose(CurrentUser.require().scope(), org).scope();
        return "pdf".equalsIgnoreCase(format)
                ? Downloads.pdf(name + ".pdf", reports.pdf(viewed, year, frame, confirmUnscored))
                : Downloads.docx(name + ".docx", reports.docx(viewed, year, frame,
                        confirmUnscored));
    }

    @GetMapping({"/evaluation/self-report", "/api/v1/evaluation/self-report"})
    ResponseEntity<byte[]> selfReport(@RequestParam int year, @RequestParam(defaultValue = "docx") String format,
            @RequestParam(defaultValue = "false") boolean confirmUnscored) {
        return report(year, Frame.SELF, format, confirmUnscored, null);
    }

    @GetMapping({"/evaluation/templates/{frame}", "/api/v1/evaluation/templates/{frame}"})
    ResponseEntity<byte[]> template(@PathVariable Frame frame) {
        return Downloads.docx(frame.label() + "报告模板.docx", templates.current(CurrentUser.require().scope(), frame));
    }
}
