package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
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

/** Evaluators' overrides (each with its reason, audited) and the report's narrative with its other-year check. */
@Service
public class Evaluations {

    public enum Section { EXPERIENCE, PROBLEMS, SUGGESTIONS, OTHER }

    /** A narrative paragraph and the years or dates in it that belong to another year. */
    public record Narrative(Section section, String text, List<String> otherYears) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Evaluations(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @PreAuthorize(EvaluationRoles.JUDGES)
    @Transactional
    public void override(DataScope scope, int year, Frame frame, String indicatorCode, BigDecimal score, String reason) {
        if (reason == null || reason.isBlank()) {
            throw BusinessRuleException.invalid("evaluation.error.overrideReason");
        }
        if (score == null || score.signum() < 0 || indicatorCode == null || indicatorCode.isBlank()) {
            throw BusinessRuleException.invalid("evaluation.error.override");
        }
        jdbc.sql("""
                insert into evaluation.evaluation_override (org_id, year, frame, indicator_code, score, reason, created_by)
                values (?, ?, ?, ?, ?, ?, ?)
                """).param(scope.orgId()).param(year).param(frame.name()).param(indicatorCode.strip()).param(score).param(reason.strip())
                .param(CurrentUser.require().getUsername()).update();
        audit.record("evaluation.overridden", "evaluation", scope.orgId() + ":" + year, Map.of("frame", frame.name(), "indicator", indicatorCode,
                "score", score.toPlainString(), "reason", reason.strip()));
    }

    /** The latest override of each indicator of the union's year. */
    @Transactional(readOnly = true)
    public Map<String, Scorer.Override> overrides(DataScope scope, int year, Frame frame) {
        Map<String, Scorer.Override> map = new LinkedHashMap<>();
        jdbc.sql("select indicator_code, score, reason from evaluation.evaluation_override where org_id = ? and year = ? and frame = ? order by id")
                .param(scope.orgId()).param(year).param(frame.name()).query((rs, n) -> map.put(rs.getString(1),
                        new Scorer.Override(rs.getBigDecimal(2), rs.getString(3)))).list();
        return map;
    }

    /**
     * An evaluator's deduction against a leaf with its reason; with a finding, the finding's detail is the reason
     * unless one is given, and a finding counts once per frame and year.
     */
    @PreAuthorize(EvaluationRoles.JUDGES)
    @Transactional
    public Deduction deduct(DataScope scope, int year, Frame frame, String indicatorCode, BigDecimal points, String reason,
            Long findingId) {
        if (indicatorCode == null || indicatorCode.isBlank() || points == null || points.signum() <= 0
                || points.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw BusinessRuleException.invalid("evaluation.error.deduction");
        }
        String text = reason == null ? "" : reason.strip();
        if (findingId != null) {
            String detail = jdbc.sql("""
                    select f.detail from controls.v_finding f join org.v_organisation o on o.id = f.org_id
                     where f.id = ? and starts_with(o.path, ?)
                    """).param(findingId).param(scope.orgPath()).query(String.class).optional()
                    .orElseThrow(() -> BusinessRuleException.notFound("evaluation.error.finding", findingId));
            if (text.isEmpty()) {
                text = detail;
            }
            if (jdbc.sql("select exists(select 1 from evaluation.evaluation_deduction where org_id = ? and year = ? and frame = ? and finding_id = ?)")
                    .param(scope.orgId()).param(year).param(frame.name()).param(findingId).query(Boolean.class).single()) {
                throw BusinessRuleException.conflict("evaluation.error.findingCounted", findingId);
            }
        }
        if (text.isEmpty() || text.length() > 480) {
            throw BusinessRuleException.invalid("evaluation.error.overrideReason");
        }
        Deduction d = Deductions.judged(indicatorCode.strip(), text, points);
        jdbc.sql("""
                insert into evaluation.evaluation_deduction (org_id, year, frame, indicator_code, points, reason, finding_id, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).param(scope.orgId()).param(year).param(frame.name()).param(d.indicatorCode()).param(points)
                .param(d.reason()).param(findingId).param(CurrentUser.require().getUsername()).update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("frame", frame.name());
        detail.put("indicator", d.indicatorCode());
        detail.put("points", points.toPlainString());
        detail.put("reason", d.reason());
        if (findingId != null) {
            detail.put("finding", findingId);
        }
        audit.record("evaluation.deducted", "evaluation", scope.orgId() + ":" + year, detail);
        return d;
    }

    @Transactional(readOnly = true)
    public List<Deduction> deductions(DataScope scope, int year, Frame frame) {
        return jdbc.sql("select indicator_code, points, reason from evaluation.evaluation_deduction where org_id = ? and year = ? and frame = ? order by id")
                .param(scope.orgId()).param(year).param(frame.name())
                .query((rs, n) -> new Deduction(rs.getString(1), rs.getBigDecimal(2), rs.getString(3))).list();
    }

    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER', 'LEADER')")
    @Transactional
    public Narrative saveNarrative(DataScope scope, int year, Section section, String text) {
        if (section == null || text == null || text.isBlank() || text.length() > 5000) {
            throw BusinessRuleException.invalid("evaluation.error.narrative");
        }
        jdbc.sql("""
                insert into evaluation.evaluation_narrative (org_id, year, section, text, updated_by) values (?, ?, ?, ?, ?)
                on conflict (org_id, year, section) do update set text = excluded.text, updated_by = excluded.updated_by,
                       updated_at = now()
                """).param(scope.orgId()).param(year).param(section.name()).param(text.strip())
                .param(CurrentUser.require().getUsername()).update();
        audit.record("evaluation.narrativeSaved", "evaluation", scope.orgId() + ":" + year, Map.of("section", section.name()));
        return new Narrative(section, text.strip(), NarrativeCheck.otherYears(text, year));
    }

    @Transactional(readOnly = true)
    public List<Narrative> narratives(DataScope scope, int year) {
        return jdbc.sql("select section, text from evaluation.evaluation_narrative where org_id = ? and year = ? order by section")
                .param(scope.orgId()).param(year).query((rs, n) -> new Narrative(Section.valueOf(rs.getString(1)),
                        rs.getString(2), NarrativeCheck.otherYears(rs.getString(2), year))).list();
    }
}
