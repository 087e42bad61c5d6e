package cn.unionaid.evaluation;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Satisfaction surveys (seed 002: 15 model workers and 10 workers sampled): a random sample of a program's paid
 * beneficiaries drawn with a recorded seed, so anyone can draw it again; answers from paper, phone or visits.
 */
@Service
public class SatisfactionSurveys {

    /** The questionnaire of seed 002's annex, as the default. */
    public static final List<String> DEFAULT_QUESTIONS = List.of(
            "您是否按时足额收到了补助资金？（是/否）",
            "补助资金是否通过本人银行卡发放？（是/否）",
            "补助对改善您的生活作用如何？（明显/一般/没有）",
            "您对工会帮扶工作的总体评价？（满意/基本满意/不满意）");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditLog audit;

    SatisfactionSurveys(JdbcClient jdbc, JsonMapper json, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    @PreAuthorize(EvaluationRoles.DATA_ENTRY)
    @Transactional
    public SurveyView start(DataScope scope, long programId, String title, int sampleSize, Long seed) {
        Map<String, Object> program = jdbc.sql("""
                select p.year, p.beneficiary from policy.v_program p join org.v_organisation o on o.id = p.org_id
                 where p.id = ? and starts_with(o.path, ?)
                """).param(programId).param(scope.orgPath()).query((rs, n) -> Map.<String, Object>of("year", rs.getInt(1),
                "type", rs.getString(2))).optional()
                .orElseThrow(() -> BusinessRuleException.notFound("policy.error.programNotFound"));
        if (sampleSize < 1 || title == null || title.isBlank()) {
            throw BusinessRuleException.invalid("survey.error.sample");
        }
        List<Long> population = jdbc.sql("""
                select distinct i.subject_id from disbursement.v_batch_item i join disbursement.v_batch b on b.id = i.batch_id
                 where b.program_id = ? and i.status = 'PAID' order by 1
                """).param(programId).query(Long.class).list();
        if (population.isEmpty()) {
            throw BusinessRuleException.conflict("survey.error.nobody");
        }
        long usedSeed = seed == null ? new SecureRandom().nextLong() : seed;
        List<Long> sample = cn.unionaid.shared.SeededSample.draw(population, sampleSize, usedSeed);
        long id = jdbc.sql("""
                insert into evaluation.satisfaction_survey (org_id, year, program_id, title, seed, sample_size, population, questions, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).param(scope.orgId()).param(program.get("year")).param(programId).param(title.strip()).param(usedSeed)
                .param(sample.size()).param(population.size()).param(json.writeValueAsString(DEFAULT_QUESTIONS))
                .param(CurrentUser.require().getUsername()).query(Long.class).single();
        for (Long subject : sample) {
            jdbc.sql("""
                    insert into evaluation.survey_answer (survey_id, subject_type, subject_id, name)
                    select ?, i.subject_type, i.subject_id, min(i.name) from disbursement.v_batch_item i join disbursement.v_batch b on b.id = i.batch_id
                     where b.program_id = ? and i.subject_id = ? group by i.subject_type, i.subject_id
                    """).param(id).param(programId).param(subject).update();
        }
        audit.record("evaluation.surveyDrawn", "survey", id, Map.of("seed", usedSeed, "sample", sample.size(),
                "population", population.size()));
        return find(scope, id);
    }

    /** Records one respondent's answers; satisfied when the overall judgement is 满意 or 基本满意. */
    @PreAuthorize(EvaluationRoles.DATA_ENTRY)
    @Transactional
    public SurveyView answer(DataScope scope, long surveyId, long subjectId, String method, List<String> answers) {
        find(scope, surveyId);
        if (answers == null || answers.size() != DEFAULT_QUESTIONS.size() || method == null
                || !List.of("PAPER", "PHONE", "VISIT").contains(method)) {
            throw BusinessRuleException.invalid("survey.error.answers", DEFAULT_QUESTIONS.size());
        }
        String overall = answers.get(answers.size() - 1).strip();
        boolean satisfied = overall.equals("满意") || overall.equals("基本满意");
        int n = jdbc.sql("""
                update evaluation.survey_answer set method = ?, answers = ?, satisfied = ?, recorded_by = ?, recorded_at = now()
                 where survey_id = ? and subject_id = ?
                """).param(method).param(json.writeValueAsString(answers)).param(satisfied)
                .param(CurrentUser.require().getUsername()).param(surveyId).param(subjectId).update();
        if (n != 1) {
            throw BusinessRuleException.notFound("survey.error.notInSample");
        }
        audit.record("evaluation.surveyAnswered", "survey", surveyId, Map.of("subjectId", subjectId, "method", method));
        return find(scope, surveyId);
    }

    @PreAuthorize(EvaluationRoles.READERS)
    @Transactional(readOnly = true)
    public SurveyView find(DataScope scope, long id) {
        return jdbc.sql("""
                select s.* from evaluation.satisfaction_survey s join org.v_organisation o on o.id = s.org_id where s.id = ? and starts_with(o.path, ?)
                """).param(id).param(scope.orgPath()).query((rs, n) -> new SurveyView(rs.getLong("id"), rs.getInt("year"),
                rs.getLong("program_id"), rs.getString("title"), rs.getLong("seed"), rs.getInt("sample_size"),
                rs.getInt("population"), List.of(json.readValue(rs.getString("questions"), String[].class)),
                respondents(rs.getLong("id")))).optional()
                .orElseThrow(() -> BusinessRuleException.notFound("survey.error.notFound"));
    }

    /** The surveys of the caller's union in a year, for the report's satisfaction. */
    @Transactional(readOnly = true)
    public List<SurveyView> ofYear(DataScope scope, int year) {
        return jdbc.sql("select id from evaluation.satisfaction_survey where org_id = ? and year = ? order by id").param(scope.orgId())
                .param(year).query(Long.class).list().stream().map(id -> find(scope, id)).toList();
    }

    private List<SurveyView.Respondent> respondents(long surveyId) {
        return jdbc.sql("select * from evaluation.survey_answer where survey_id = ? order by subject_id").param(surveyId)
                .query((rs, n) -> {
                    boolean s = rs.getBoolean("satisfied");
                    Boolean satisfied = rs.wasNull() ? null : s;
                    String answers = rs.getString("answers");
                    return new SurveyView.Respondent(rs.getLong("subject_id"), rs.getString("name"), rs.getString("method"),
                            answers == null ? List.of() : List.of(json.readValue(answers, String[].class)), satisfied);
                }).list();
    }
}
