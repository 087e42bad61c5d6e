package cn.unionaid.policy;

import java.time.LocalDate;
import java.util.Set;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.shared.FundSource;

/**
 * 帮扶项目: a program of one union for one year, who it pays, from which fund sources, as of which reference date,
 * within which payment window, under which rule.
 */
public record Program(Long id, long orgId, int year, String code, String name, BeneficiaryKind beneficiary,
        Set<FundSource> fundSources, LocalDate referenceDate, LocalDate windowFrom, LocalDate windowTo, Rule rule,
        int ruleVersion) {

    public Program {
        if (code == null || !code.matches("[A-Za-z0-9_-]{2,40}")) {
            throw BusinessRuleException.invalid("policy.error.programCode");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw BusinessRuleException.invalid("policy.error.programName");
        }
        if (beneficiary == null || fundSources == null || fundSources.isEmpty()) {
            throw BusinessRuleException.invalid("policy.error.fundSources");
        }
        if (referenceDate == null || windowFrom == null || windowTo == null || windowTo.isBefore(windowFrom)) {
            throw BusinessRuleException.invalid("policy.error.dates");
        }
        if (year < 2000 || year > 2100) {
            throw BusinessRuleException.invalid("recheck.error.year");
        }
        if (rule == null || rule.amount() == null) {
            throw BusinessRuleException.invalid("policy.error.noAmount");
        }
        for (Condition c : rule.conditions()) {
            if (c instanceof Condition.Cel cel) {
                CelCondition.compile(cel.expression());
            }
        }
    }

    /** Every parameter key the rule refers to, for loading them once per run. */
    public Set<String> parameterKeys() {
        Set<String> keys = new java.util.TreeSet<>();
        for (Condition c : rule.conditions()) {
            if (c instanceof Condition.IncomeBelowLine l) {
                keys.add(l.inServiceLine());
                keys.add(l.retiredLine());
            }
        }
        AmountRule a = rule.amount();
        if (a instanceof AmountRule.Fixed f) {
            keys.add(f.amount());
        } else if (a instanceof AmountRule.TopUp t) {
            keys.add(t.inServiceLine());
            keys.add(t.retiredLine());
            keys.add(t.months());
        } else if (a instanceof AmountRule.ShareOfCost s) {
            keys.add(s.sharePercent());
            keys.add(s.cap());
        } else if (a instanceof AmountRule.ByCategory b) {
            keys.addAll(b.amounts().values());
        } else if (a instanceof AmountRule.Manual m) {
            keys.add(m.cap());
        }
        for (String k : new String[] {rule.personCap(), rule.yearCap(), rule.coveragePercent(), rule.budget()}) {
            if (k != null) {
                keys.add(k);
            }
        }
        return keys;
    }
}
