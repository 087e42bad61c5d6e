package cn.unionaid.evaluation;

import java.util.List;

/** A satisfaction survey with its sample and results: satisfaction = satisfied / valid answers. */
public record SurveyView(long id, int year, long programId, String title, long seed, int sampleSize, int population,
        List<String> questions, List<Respondent> respondents) {

    public record Respondent(long subjectId, String name, String method, List<String> answers, Boolean satisfied) {
    }

    public long answered() {
        return respondents.stream().filter(r -> r.satisfied() != null).count();
    }

    public long satisfiedCount() {
        return respondents.stream().filter(r -> Boolean.TRUE.equals(r.satisfied())).count();
    }

    /** 满意度 in percent with one decimal, or null before any answer. */
    public java.math.BigDecimal satisfaction() {
        long valid = answered();
        return valid == 0 ? null : java.math.BigDecimal.valueOf(satisfiedCount() * 1000 / valid, 1);
    }
}
