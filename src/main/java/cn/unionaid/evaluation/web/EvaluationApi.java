package cn.unionaid.evaluation.web;

import java.math.BigDecimal;
import java.util.List;

import cn.unionaid.evaluation.Evaluations;
import cn.unionaid.platform.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Overrides and the report's narrative over the API. */
@RestController
@RequestMapping("/api/v1/evaluation")
class EvaluationApi {

    private final Evaluations evaluations;
    private final cn.unionaid.evaluation.Targets targets;

    EvaluationApi(Evaluations evaluations, cn.unionaid.evaluation.Targets targets) {
        this.evaluations = evaluations;
        this.targets = targets;
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
    java.util.Collection<cn.unionaid.evaluation.Targets.Target> targets(@RequestParam int year) {
        return targets.of(CurrentUser.require().scope(), year).values();
    }

    record Override(int year, String indicator, BigDecimal score, String reason) {
    }

    record Text(String text) {
    }

    @PostMapping("/overrides")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void override(@RequestBody Override body) {
        evaluations.override(CurrentUser.require().scope(), body.year(), body.indicator(), body.score(), body.reason());
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
}
