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

    @PreAuthorize("hasAnyRole('AUDITOR', 'LEADER')")
    @Transactional
    public void override(DataScope scope, int year, String indicatorCode, BigDecimal score, String reason) {
        if (reason == null || reason.isBlank()) {
            throw BusinessRuleException.invalid("evaluation.error.overrideReason");
        }
        if (score == null || score.signum() < 0 || indicatorCode == null || indicatorCode.isBlank()) {
            throw BusinessRuleException.invalid("evaluation.error.override");
        }
        jdbc.sql("""
                insert into evaluation_override (org_id, year, indicator_code, score, reason, created_by) values (?, ?, ?, ?, ?, ?)
                """).param(scope.orgId()).param(year).param(indicatorCode.strip()).param(score).param(reason.strip())
                .param(CurrentUser.require().getUsername()).update();
        audit.record("evaluation.overridden", "evaluation", scope.orgId() + ":" + year, Map.of("indicator", indicatorCode,
                "score", score.toPlainString(), "reason", reason.strip()));
    }

    /** The latest override of each indicator of the union's year. */
    @Transactional(readOnly = true)
    public Map<String, Scorer.Override> overrides(DataScope scope, int year) {
        Map<String, Scorer.Override> map = new LinkedHashMap<>();
        jdbc.sql("select indicator_code, score, reason from evaluation_override where org_id = ? and year = ? order by id")
                .param(scope.orgId()).param(year).query((rs, n) -> map.put(rs.getString(1),
                        new Scorer.Override(rs.getBigDecimal(2), rs.getString(3)))).list();
        return map;
    }

    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER', 'LEADER')")
    @Transactional
    public Narrative saveNarrative(DataScope scope, int year, Section section, String text) {
        if (section == null || text == null || text.isBlank() || text.length() > 5000) {
            throw BusinessRuleException.invalid("evaluation.error.narrative");
        }
        jdbc.sql("""
                insert into evaluation_narrative (org_id, year, section, text, updated_by) values (?, ?, ?, ?, ?)
                on conflict (org_id, year, section) do update set text = excluded.text, updated_by = excluded.updated_by,
                       updated_at = now()
                """).param(scope.orgId()).param(year).param(section.name()).param(text.strip())
                .param(CurrentUser.require().getUsername()).update();
        audit.record("evaluation.narrativeSaved", "evaluation", scope.orgId() + ":" + year, Map.of("section", section.name()));
        return new Narrative(section, text.strip(), NarrativeCheck.otherYears(text, year));
    }

    @Transactional(readOnly = true)
    public List<Narrative> narratives(DataScope scope, int year) {
        return jdbc.sql("select section, text from evaluation_narrative where org_id = ? and year = ? order by section")
                .param(scope.orgId()).param(year).query((rs, n) -> new Narrative(Section.valueOf(rs.getString(1)),
                        rs.getString(2), NarrativeCheck.otherYears(rs.getString(2), year))).list();
    }
}
