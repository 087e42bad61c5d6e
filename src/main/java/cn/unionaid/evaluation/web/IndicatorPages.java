package cn.unionaid.evaluation.web;

import java.io.IOException;
import java.math.BigDecimal;

import cn.unionaid.evaluation.Direction;
import cn.unionaid.evaluation.Evaluations;
import cn.unionaid.evaluation.Frame;
import cn.unionaid.evaluation.IndicatorSystems;
import cn.unionaid.evaluation.Metric;
import cn.unionaid.evaluation.ScoringMethod;
import cn.unionaid.evaluation.Targets;
import cn.unionaid.evaluation.YearActuals;
import cn.unionaid.evaluation.YearEvaluation;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 指标体系与评分: the year's indicator system of a frame with targets, actuals and scores, and the forms that change
 * it — nodes, declared targets, manual actuals with evidence, deductions (own or from a finding) and overrides.
 * Every form goes through the same services as the API, so the same rules hold.
 */
@Controller
class IndicatorPages {

    private final IndicatorSystems systems;
    private final YearEvaluation evaluation;
    private final YearActuals actuals;
    private final Evaluations evaluations;
    private final Targets targets;
    private final Messages messages;
    private final cn.unionaid.controls.Controls controls;

    IndicatorPages(IndicatorSystems systems, YearEvaluation evaluation, YearActuals actuals, Evaluations evaluations,
            Targets targets, Messages messages, cn.unionaid.controls.Controls controls) {
        this.controls = controls;
        this.systems = systems;
        this.evaluation = evaluation;
        this.actuals = actuals;
        this.evaluations = evaluations;
        this.targets = targets;
        this.messages = messages;
    }

    @GetMapping("/evaluation/indicators")
    String page(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "SELF") Frame frame, Model model) {
        int y = EvaluationWeb.yearOrLast(year);
        var scope = CurrentUser.require().scope();
        model.addAttribute("year", y);
        model.addAttribute("frame", frame);
        model.addAttribute("frames", Frame.values());
        YearEvaluation.Evaluated evaluated = evaluation.evaluate(scope, y, frame);
        model.addAttribute("evaluated", evaluated);
        model.addAttribute("weightsOff", evaluated.score().weight().compareTo(BigDecimal.valueOf(100)) != 0);
        model.addAttribute("customised", systems.customised(scope, y, frame));
        model.addAttribute("targets", targets.of(scope, y).values());
        model.addAttribute("targetsSubmitted", targets.submitted(scope, y));
        model.addAttribute("directions", Direction.values());
        model.addAttribute("methods", ScoringMethod.values());
        model.addAttribute("metrics", Metric.values());
        // Pickers instead of typed codes: the leaves and groups by name, the union's open findings of the year.
        java.util.List<YearEvaluation.Line> lines = evaluated.lines();
        model.addAttribute("leaves", lines.stream().filter(YearEvaluation.Line::leaf).toList());
        model.addAttribute("groups", lines.stream().filter(l -> !l.leaf()).toList());
        java.util.Map<String, String> names = new java.util.HashMap<>();
        lines.forEach(l -> names.put(l.code(), l.name()));
        model.addAttribute("names", names);
        model.addAttribute("openFindings", controls.findings(scope, "OPEN", null, y, null).items());
        return "evaluation/indicators";
    }

    /** Runs a change and comes back to the page with its outcome. */
    private String change(int year, Frame frame, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.get("common.saved"));
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/evaluation/indicators?year=" + year + "&frame=" + frame;
    }

    @PostMapping("/evaluation/indicators/nodes")
    String saveNode(@RequestParam int year, @RequestParam Frame frame, @RequestParam String code,
            @RequestParam(required = false) String parentCode, @RequestParam String name,
            @RequestParam(required = false) BigDecimal weight, @RequestParam(required = false) BigDecimal target,
            @RequestParam(required = false) String unit, @RequestParam(required = false) Direction direction,
            @RequestParam(required = false) ScoringMethod method, @RequestParam(required = false) Metric metric,
            @RequestParam(required = false) String bands, @RequestParam(defaultValue = "false") boolean group,
            RedirectAttributes flash) {
        return change(year, frame, flash, () -> systems.save(CurrentUser.require().scope(), year, frame,
                new IndicatorSystems.NodeForm(code, parentCode, name, weight, target, unit, direction, method, metric, bands,
                        group)));
    }

    @PostMapping("/evaluation/indicators/nodes/remove")
    String removeNode(@RequestParam int year, @RequestParam Frame frame, @RequestParam String code, RedirectAttributes flash) {
        return change(year, frame, flash, () -> systems.remove(CurrentUser.require().scope(), year, frame, code));
    }

    @PostMapping("/evaluation/indicators/targets")
    String declareTarget(@RequestParam int year, @RequestParam Frame frame, @RequestParam String indicator,
            @RequestParam BigDecimal target, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String reason, RedirectAttributes flash) {
        // before submission a target is declared; after it, the same form records an adjustment with its reason
        return change(year, frame, flash, () -> {
            var scope = CurrentUser.require().scope();
            if (targets.submitted(scope, year)) {
                targets.adjust(scope, year, indicator, target, reason);
            } else {
                targets.declare(scope, year, indicator, target, unit);
            }
        });
    }

    @PostMapping("/evaluation/indicators/targets/submit")
    String submitTargets(@RequestParam int year, @RequestParam Frame frame, RedirectAttributes flash) {
        return change(year, frame, flash, () -> targets.submit(CurrentUser.require().scope(), year));
    }

    @PostMapping("/evaluation/indicators/actuals")
    String recordActual(@RequestParam int year, @RequestParam Frame frame, @RequestParam String indicator,
            @RequestParam BigDecimal value, @RequestParam(required = false) String note,
            @RequestParam("file") MultipartFile evidence, RedirectAttributes flash) throws IOException {
        byte[] content = evidence.getBytes();
        return change(year, frame, flash, () -> actuals.record(CurrentUser.require().scope(), year, frame, indicator, value,
                content, evidence.getOriginalFilename(), note));
    }

    @PostMapping("/evaluation/indicators/deductions")
    String deduct(@RequestParam int year, @RequestParam Frame frame, @RequestParam String indicator,
            @RequestParam BigDecimal points, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long findingId, RedirectAttributes flash) {
        return change(year, frame, flash, () -> evaluations.deduct(CurrentUser.require().scope(), year, frame, indicator,
                points, reason, findingId));
    }

    @PostMapping("/evaluation/indicators/overrides")
    String override(@RequestParam int year, @RequestParam Frame frame, @RequestParam String indicator,
            @RequestParam BigDecimal score, @RequestParam String reason, RedirectAttributes flash) {
        return change(year, frame, flash, () -> evaluations.override(CurrentUser.require().scope(), year, frame, indicator,
                score, reason));
    }
}
