package cn.unionaid.evaluation.web;

import java.util.List;

import cn.unionaid.evaluation.SurveyView;
import cn.unionaid.evaluation.SatisfactionSurveys;
import cn.unionaid.platform.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Satisfaction surveys over the API: draw the sample, record answers, read the result. */
@RestController
@RequestMapping("/api/v1/evaluation/surveys")
class SurveysApi {

    private final SatisfactionSurveys surveys;

    SurveysApi(SatisfactionSurveys surveys) {
        this.surveys = surveys;
    }

    record NewSurvey(long programId, String title, int sampleSize, Long seed) {
    }

    record Answer(long subjectId, String method, List<String> answers) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SurveyView start(@RequestBody NewSurvey body) {
        return surveys.start(CurrentUser.require().scope(), body.programId(), body.title(), body.sampleSize(), body.seed());
    }

    @PostMapping("/{id}/answers")
    SurveyView answer(@PathVariable long id, @RequestBody Answer body) {
        return surveys.answer(CurrentUser.require().scope(), id, body.subjectId(), body.method(), body.answers());
    }

    @GetMapping("/{id}")
    SurveyView get(@PathVariable long id) {
        return surveys.find(CurrentUser.require().scope(), id);
    }
}
