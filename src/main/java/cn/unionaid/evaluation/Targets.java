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

/**
 * 绩效目标申报表: targets are declared at the start of the year and frozen once submitted; a later change is an
 * adjustment with its reason, kept beside the declared value, never over it.
 */
@Service
public class Targets {

    public record Target(String indicatorCode, BigDecimal declared, BigDecimal current, String unit, boolean submitted,
            List<String> adjustments) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Targets(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @PreAuthorize("hasAnyRole('CLERK', 'FINANCE', 'REVIEWER')")
    @Transactional
    public void declare(DataScope scope, int year, String indicator, BigDecimal target, String unit) {
        if (submitted(scope, year)) {
            throw BusinessRuleException.conflict("evaluation.error.targetsFrozen", year);
        }
        requireValue(indicator, target);
        jdbc.sql("delete from evaluation.performance_target where org_id = ? and year = ? and indicator_code = ? and kind = 'DECLARED'")
                .param(scope.orgId()).param(year).param(indicator).update();
        jdbc.sql("""
                insert into evaluation.performance_target (org_id, year, indicator_code, target, unit, kind, recorded_by)
                values (?, ?, ?, ?, ?, 'DECLARED', ?)
                """).param(scope.orgId()).param(year).param(indicator).param(target).param(unit)
                .param(CurrentUser.require().getUsername()).update();
        audit.record("evaluation.targetDeclared", "evaluation", scope.orgId() + ":" + year, Map.of("indicator", indicator,
                "target", target.toPlainString()));
    }

    @PreAuthorize("hasAnyRole('CLERK', 'FINANCE', 'REVIEWER')")
    @Transactional
    public void submit(DataScope scope, int year) {
        int n = jdbc.sql("update evaluation.performance_target set submitted = true where org_id = ? and year = ? and kind = 'DECLARED'")
                .param(scope.orgId()).param(year).update();
        if (n == 0) {
            throw BusinessRuleException.invalid("evaluation.error.noTargets");
        }
        audit.record("evaluation.targetsSubmitted", "evaluation", scope.orgId() + ":" + year, Map.of("targets", n));
    }

    @PreAuthorize("hasAnyRole('LEADER', 'REVIEWER')")
    @Transactional
    public void adjust(DataScope scope, int year, String indicator, BigDecimal target, String reason) {
        if (!submitted(scope, year)) {
            throw BusinessRuleException.conflict("evaluation.error.notSubmitted");
        }
        requireValue(indicator, target);
        if (reason == null || reason.isBlank()) {
            throw BusinessRuleException.invalid("evaluation.error.adjustReason");
        }
        jdbc.sql("""
                insert into evaluation.performance_target (org_id, year, indicator_code, target, kind, reason, submitted, recorded_by)
                values (?, ?, ?, ?, 'ADJUSTMENT', ?, true, ?)
                """).param(scope.orgId()).param(year).param(indicator).param(target).param(reason.strip())
                .param(CurrentUser.require().getUsername()).update();
        audit.record("evaluation.targetAdjusted", "evaluation", scope.orgId() + ":" + year, Map.of("indicator", indicator,
                "target", target.toPlainString(), "reason", reason.strip()));
    }

    @Transactional(readOnly = true)
    public Map<String, Target> of(DataScope scope, int year) {
        Map<String, Target> map = new LinkedHashMap<>();
        jdbc.sql("select * from evaluation.performance_target where org_id = ? and year = ? order by id").param(scope.orgId())
                .param(year).query((rs, n) -> {
                    String code = rs.getString("indicator_code");
                    BigDecimal value = rs.getBigDecimal("target");
                    Target before = map.get(code);
                    if ("DECLARED".equals(rs.getString("kind"))) {
                        map.put(code, new Target(code, value, value, rs.getString("unit"), rs.getBoolean("submitted"),
                                List.of()));
                    } else if (before != null) {
                        List<String> adj = new java.util.ArrayList<>(before.adjustments());
                        adj.add(value.stripTrailingZeros().toPlainString() + "（" + rs.getString("reason") + "）");
                        map.put(code, new Target(code, before.declared(), value, before.unit(), true, adj));
                    }
                    return null;
                }).list();
        return map;
    }

    /** Whether the union's targets of the year are submitted (and so frozen). */
    @Transactional(readOnly = true)
    public boolean submitted(DataScope scope, int year) {
        return jdbc.sql("select exists(select 1 from evaluation.performance_target where org_id = ? and year = ? and submitted)")
                .param(scope.orgId()).param(year).query(Boolean.class).single();
    }

    private static void requireValue(String indicator, BigDecimal target) {
        if (indicator == null || indicator.isBlank() || target == null || target.signum() < 0) {
            throw BusinessRuleException.invalid("evaluation.error.target");
        }
    }
}
