package cn.unionaid.policy.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import cn.unionaid.platform.Messages;
import cn.unionaid.policy.AmountRule;
import cn.unionaid.policy.Condition;
import cn.unionaid.policy.RankKey;
import cn.unionaid.policy.Rule;
import cn.unionaid.shared.Labelled;
import org.springframework.stereotype.Component;

/** Says a rule in Chinese, for the program page: the conditions, the amount, the caps and the limits. */
@Component
class RuleDescriber {

    private final Messages messages;
    private final cn.unionaid.policy.Parameters parameters;

    RuleDescriber(Messages messages, cn.unionaid.policy.Parameters parameters) {
        this.messages = messages;
        this.parameters = parameters;
    }

    /** The rule in words; each standard is named as the union knows it (春节慰问金标准), never by its key. */
    List<String> describe(Rule rule) {
        java.util.Map<String, String> names = parameters.names();
        return describe(rule, key -> "“" + names.getOrDefault(key, key) + "”");
    }

    private List<String> describe(Rule rule, java.util.function.UnaryOperator<String> n) {
        List<String> lines = new ArrayList<>();
        for (Condition c : rule.conditions()) {
            lines.add(condition(c, n));
        }
        lines.add(amount(rule.amount(), n));
        if (rule.personCap() != null) {
            lines.add(messages.get("policy.rule.personCap", n.apply(rule.personCap())));
        }
        if (rule.yearCap() != null) {
            lines.add(messages.get("policy.rule.yearCap", n.apply(rule.yearCap())));
        }
        if (rule.coveragePercent() != null) {
            lines.add(messages.get("policy.rule.coverage", n.apply(rule.coveragePercent())));
        }
        if (rule.budget() != null) {
            lines.add(messages.get("policy.rule.budget", n.apply(rule.budget())));
        }
        if (!rule.ranking().isEmpty()) {
            lines.add(messages.get("policy.rule.ranking",
                    rule.ranking().stream().map(RankKey::label).collect(Collectors.joining("，"))));
        }
        return lines;
    }

    private String condition(Condition c, java.util.function.UnaryOperator<String> n) {
        if (c instanceof Condition.InRegister) {
            return messages.get("policy.rule.inRegister");
        } else if (c instanceof Condition.HonourIn h) {
            return messages.get("policy.rule.honourIn", labels(h.honours()));
        } else if (c instanceof Condition.EmploymentIs e) {
            return messages.get("policy.rule.employment", e.employment().label());
        } else if (c instanceof Condition.IncomeBelowLine l) {
            return messages.get("policy.rule.incomeBelow", n.apply(l.inServiceLine()), n.apply(l.retiredLine()));
        } else if (c instanceof Condition.CategoryIn k) {
            return messages.get("policy.rule.categoryIn", labels(k.categories()));
        } else if (c instanceof Condition.RegionUnder r) {
            return messages.get("policy.rule.region", r.region());
        } else if (c instanceof Condition.HasClaim) {
            return messages.get("policy.rule.hasClaim");
        } else if (c instanceof Condition.Cel cel) {
            return messages.get("policy.rule.cel", cel.expression(), cel.description() == null ? "" : cel.description());
        }
        return c.toString();
    }

    private String amount(AmountRule a, java.util.function.UnaryOperator<String> n) {
        if (a instanceof AmountRule.Fixed f) {
            return messages.get("policy.rule.fixed", n.apply(f.amount()));
        } else if (a instanceof AmountRule.TopUp t) {
            return messages.get("policy.rule.topUp", n.apply(t.inServiceLine()), n.apply(t.retiredLine()), n.apply(t.months()));
        } else if (a instanceof AmountRule.ShareOfCost s) {
            return messages.get("policy.rule.share", n.apply(s.sharePercent()), n.apply(s.cap()));
        } else if (a instanceof AmountRule.ByCategory b) {
            String parts = b.amounts().entrySet().stream().map(e -> e.getKey().label() + "：" + n.apply(e.getValue()))
                    .collect(Collectors.joining("，"));
            return messages.get(b.multipleOfSubsistence() ? "policy.rule.byCategoryMultiple" : "policy.rule.byCategory",
                    parts);
        } else if (a instanceof AmountRule.Manual m) {
            return messages.get("policy.rule.manual", n.apply(m.cap()));
        }
        return a.toString();
    }

    private static String labels(java.util.Collection<? extends Labelled> values) {
        return values.stream().map(Labelled::label).collect(Collectors.joining("、"));
    }
}
