package cn.unionaid.evaluation.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.unionaid.evaluation.Deduction;
import cn.unionaid.evaluation.Evaluations;
import cn.unionaid.evaluation.Frame;
import cn.unionaid.evaluation.ReportTemplates;
import cn.unionaid.evaluation.IndicatorSystems;
import cn.unionaid.evaluation.Metric;
import cn.unionaid.evaluation.Targets;
import cn.unionaid.evaluation.YearActuals;
import cn.unionaid.evaluation.YearEvaluation;
import cn.unionaid.platform.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 绩效评价 over the API: targets, the indicator system of a year and frame, manual actuals, deductions, overrides,
 * the score, the narrative, the report templates and the reports.
 */
@RestController
@RequestMapping("/api/v1/evaluation")
class EvaluationApi {

    private final Evaluations evaluations;
    private final Targets targets;
    private final IndicatorSystems systems;
    private final YearActuals actuals;
    private final YearEvaluation evaluation;
    private final ReportTemplates templates;

    EvaluationApi(Evaluations evaluations, Targets targets, IndicatorSystems systems, YearActuals actuals,
            YearEvaluation evaluation, ReportTemplates templates) {
        this.evaluations = evaluations;
        this.targets = targets;
        this.systems = systems;
        this.actuals = actuals;
        this.evaluation = evaluation;
        this.templates = templates;
    }

    record TargetValue(int year, String indicator, BigDecimal target, String unit, String reason) {
    }

    @PostMapping("/targets")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void declare(@RequestBody TargetValue body) {
        targets.declare(CurrentUser.require().scope(), body.year(), body.indicator(), body.target(), body.unit());
    }

    @PostMapping("/targets/submit")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void submit(@RequestParam int year) {
        targets.submit(CurrentUser.require().scope(), year);
    }

    @PostMapping("/targets/adjustments")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void adjust(@RequestBody TargetValue body) {
        targets.adjust(CurrentUser.require().scope(), body.year(), body.indicator(), body.target(), body.reason());
    }

    @GetMapping("/targets")
    Collection<Targets.Target> targets(@RequestParam int year) {
        return targets.of(CurrentUser.require().scope(), year).values();
    }

    /** The year's score in a frame: the total, the grade and every line of the indicator table. */
    record Scored(BigDecimal total, String grade, List<YearEvaluation.Line> lines, boolean customised) {
    }

    @GetMapping("/score")
    Scored score(@RequestParam int year, @RequestParam(defaultValue = "SELF") Frame frame) {
        YearEvaluation.Evaluated e = evaluation.evaluate(CurrentUser.require().scope(), year, frame);
        return new Scored(e.score().score(), e.grade(), e.lines(), systems.customised(CurrentUser.require().scope(), year, frame));
    }

    @GetMapping("/metrics")
    Map<Metric, BigDecimal> metrics(@RequestParam int year) {
        return actuals.metrics(CurrentUser.require().scope(), year);
    }

    @PostMapping("/indicators")
    Scored saveNode(@RequestParam int year, @RequestParam(defaultValue = "SELF") Frame frame,
            @RequestBody IndicatorSystems.NodeForm body) {
        systems.save(CurrentUser.require().scope(), year, frame, body);
        return score(year, frame);
    }

    @DeleteMapping("/indicators/{code}")
    Scored removeNode(@PathVariable String code, @RequestParam int year, @RequestParam(defaultValue = "SELF") Frame frame) {
        systems.remove(CurrentUser.require().scope(), year, frame, code);
        return score(year, frame);
    }

    @PostMapping("/actuals")
    @ResponseStatus(HttpStatus.CREATED)
    YearActuals.ManualActual actual(@RequestParam int year, @RequestParam(defaultValue = "SELF") Frame frame,
            @RequestParam String indicator, @RequestParam BigDecimal value, @RequestParam(required = false) String note,
            @RequestParam("file") MultipartFile evidence) throws IOException {
        return actuals.record(CurrentUser.require().scope(), year, frame, indicator, value, evidence.getBytes(),
                evidence.getOriginalFilename(), note);
    }

    record DeductionForm(int year, Frame frame, String indicator, BigDecimal points, String reason, Long findingId) {
    }

    @PostMapping("/deductions")
    @ResponseStatus(HttpStatus.CREATED)
    Deduction deduct(@RequestBody DeductionForm body) {
        return evaluations.deduct(CurrentUser.require().scope(), body.year(), body.frame() == null ? Frame.SELF : body.frame(),
                body.indicator(), body.points(), body.reason(), body.findingId());
    }

    record Override(int year, Frame frame, String indicator, BigDecimal score, String reason) {
    }

    record Text(String text) {
    }

    @PostMapping("/overrides")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void override(@RequestBody Override body) {
        evaluations.override(CurrentUser.require().scope(), body.year(), body.frame() == null ? Frame.SELF : body.frame(),
                body.indicator(), body.score(), body.reason());
    }

    @PutMapping("/narratives/{section}")
    Evaluations.Narrative narrative(@PathVariable Evaluations.Section section, @RequestParam int year, @RequestBody Text body) {
        return evaluations.saveNarrative(CurrentUser.require().scope(), year, section, body.text());
    }

    /** The narrative of a year with, for each paragraph, the years or dates in it that belong to another year. */
    @GetMapping("/narratives")
    List<Evaluations.Narrative> narratives(@RequestParam int year) {
        return evaluations.narratives(CurrentUser.require().scope(), year);
    }

    @PutMapping("/templates/{frame}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void uploadTemplate(@PathVariable Frame frame, @RequestParam("file") MultipartFile file) throws IOException {
        templates.upload(CurrentUser.require().scope(), frame, file.getBytes(), file.getOriginalFilename());
    }

    @DeleteMapping("/templates/{frame}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetTemplate(@PathVariable Frame frame) {
        templates.reset(CurrentUser.require().scope(), frame);
    }
}
