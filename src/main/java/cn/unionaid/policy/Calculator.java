package cn.unionaid.policy;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.unionaid.registry.Employment;
import cn.unionaid.shared.Money;

/**
 * Computes one person's entitlement from a rule, the person's inputs and the parameters that apply to them. A
 * pure function: the same inputs always give the same outcome, and every step that decided it is written into
 * the explanation with the values and the documents it used.
 */
public final class Calculator {

    private final Rule rule;
    private final ParameterSource parameters;
    private final LocalDate referenceDate;
    private final Wording wording;
    private final Map<String, CelCondition> celConditions = new HashMap<>();

    public Calculator(Rule rule, ParameterSource parameters, LocalDate referenceDate, Wording wording) {
        this.rule = rule;
        this.parameters = parameters;
        this.referenceDate = referenceDate;
        this.wording = wording;
        for (Condition c : rule.conditions()) {
            if (c instanceof Condition.Cel cel) {
                celConditions.put(cel.expression(), CelCondition.compile(cel.expression()));
            }
        }
    }

    /** Thrown inside the evaluation to stop at the first condition that fails. */
    private static final class Refusal extends RuntimeException {
        private final String code;

        Refusal(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    public Outcome evaluate(PersonInputs p) {
        List<String> steps = new ArrayList<>();
        try {
            for (Condition c : rule.conditions()) {
                steps.add(check(c, p));
            }
            boolean[] capped = {false};
            long amount = amount(rule.amount(), p, steps, capped);
            if (rule.personCap() != null) {
                ResolvedParameter cap = parameters.get(rule.personCap(), p.regionCode());
                if (amount > cap.value()) {
                    steps.add(wording.say("policy.why.personCap", money(amount), cap.cited()));
                    amount = cap.value();
                    capped[0] = true;
                }
            }
            if (rule.yearCap() != null) {
                ResolvedParameter cap = parameters.get(rule.yearCap(), p.regionCode());
                long room = Math.max(0, cap.value() - p.otherProgramsFen());
                if (room == 0) {
                    throw new Refusal("YEAR_CAP_REACHED", wording.say("policy.why.yearCapReached", money(p.otherProgramsFen()),
                            cap.cited()));
                }
                if (amount > room) {
                    steps.add(wording.say("policy.why.yearCap", money(p.otherProgramsFen()), cap.cited(), money(room)));
                    amount = room;
                    capped[0] = true;
                }
            }
            if (amount <= 0) {
                throw new Refusal("ZERO_AMOUNT", wording.say("policy.why.zero"));
            }
            steps.add(wording.say("policy.why.result", money(amount)));
            return new Outcome(capped[0] ? Decision.CAPPED : Decision.ELIGIBLE, amount,
                    capped[0] ? "CAPPED" : "ELIGIBLE", String.join("；", steps));
        } catch (Refusal r) {
            steps.add(r.getMessage());
            return new Outcome(Decision.INELIGIBLE, 0, r.code, String.join("；", steps));
        }
    }

    /** Why someone is not in the register on the reference date, with the dates that decide it. */
    private Refusal notInRegister(RegisterStanding standing) {
        if (standing == null) {
            return new Refusal("NOT_IN_REGISTER", wording.say("policy.why.notInRegister", referenceDate));
        }
        if (standing.openedOn() == null) {
            return new Refusal("NOT_OPENED", wording.say("policy.why.notOpened", referenceDate));
        }
        if (standing.openedOn().isAfter(referenceDate)) {
            return new Refusal("OPENED_LATER", wording.say("policy.why.openedLater", standing.openedOn(), referenceDate));
        }
        return new Refusal(standing.leftKind(), wording.say("policy.why.leftRegister", standing.leftOn(),
                cn.unionaid.registry.EventKind.valueOf(standing.leftKind()).label(), referenceDate));
    }

    private String check(Condition condition, PersonInputs p) {
        if (condition instanceof Condition.InRegister c) {
            if (!p.inRegister()) {
                throw notInRegister(p.standing());
            }
            return wording.say("policy.why.inRegister", referenceDate);
        } else if (condition instanceof Condition.HonourIn c) {
            if (p.honour() == null || !c.honours().contains(p.honour())) {
                throw new Refusal("HONOUR", wording.say("policy.why.honourNotIn",
                        p.honour() == null ? "-" : p.honour().label()));
            }
            return wording.say("policy.why.honourIn", p.honour().label());
        } else if (condition instanceof Condition.EmploymentIs c) {
            if (p.employment() != c.employment()) {
                throw new Refusal("EMPLOYMENT", wording.say("policy.why.employmentNot", c.employment().label()));
            }
            return c.employment().label();
        } else if (condition instanceof Condition.IncomeBelowLine c) {
            ResolvedParameter line = line(c.inServiceLine(), c.retiredLine(), p);
            if (p.incomeFen() == null) {
                throw new Refusal("NO_INCOME", wording.say("policy.why.noIncome"));
            }
            if (p.incomeFen() >= line.value()) {
                throw new Refusal("INCOME_NOT_BELOW", wording.say("policy.why.incomeNotBelow", money(p.incomeFen()),
                        employmentLabel(p), line.cited()));
            }
            return wording.say("policy.why.incomeBelow", money(p.incomeFen()), employmentLabel(p), line.cited());
        } else if (condition instanceof Condition.CategoryIn c) {
            if (p.category() == null || !c.categories().contains(p.category())) {
                throw new Refusal("CATEGORY", wording.say("policy.why.categoryNotIn",
                        p.category() == null ? "-" : p.category().label()));
            }
            return p.category().label();
        } else if (condition instanceof Condition.RegionUnder c) {
            if (!Regions.within(p.regionCode(), c.region())) {
                throw new Refusal("REGION", wording.say("policy.why.regionNot", c.region()));
            }
            return wording.say("policy.why.region", p.regionCode());
        } else if (condition instanceof Condition.HasClaim c) {
            if (!p.hasClaim()) {
                throw new Refusal("NO_CLAIM", wording.say("policy.why.noClaim"));
            }
            return wording.say("policy.why.claim");
        } else if (condition instanceof Condition.Cel c) {
            if (!celConditions.get(c.expression()).test(celVariables(p))) {
                throw new Refusal("CEL", wording.say("policy.why.celFalse", describe(c)));
            }
            return wording.say("policy.why.celTrue", describe(c));
        }
        throw new IllegalStateException("unknown " + condition);
    }

    private long amount(AmountRule rule, PersonInputs p, List<String> steps, boolean[] capped) {
        if (rule instanceof AmountRule.Fixed f) {
            ResolvedParameter a = parameters.get(f.amount(), p.regionCode());
            steps.add(wording.say("policy.why.fixed", a.cited()));
            return a.value();
        } else if (rule instanceof AmountRule.TopUp t) {
            if (p.incomeFen() == null) {
                throw new Refusal("NO_INCOME", wording.say("policy.why.noIncome"));
            }
            ResolvedParameter line = line(t.inServiceLine(), t.retiredLine(), p);
            ResolvedParameter months = parameters.get(t.months(), p.regionCode());
            long gap = Math.max(0, line.value() - p.incomeFen());
            long total = Math.multiplyExact(gap, months.value());
            steps.add(wording.say("policy.why.topUp", money(line.value()), money(p.incomeFen()), money(gap),
                    months.formatted(), money(total)));
            return total;
        } else if (rule instanceof AmountRule.ShareOfCost s) {
            if (p.costFen() == null) {
                throw new Refusal("NO_COST", wording.say("policy.why.noCost"));
            }
            ResolvedParameter share = parameters.get(s.sharePercent(), p.regionCode());
            ResolvedParameter cap = parameters.get(s.cap(), p.regionCode());
            long a = Math.multiplyExact(p.costFen(), share.value()) / 100;
            steps.add(wording.say("policy.why.share", money(p.costFen()), share.cited(), money(a)));
            if (a > cap.value()) {
                steps.add(wording.say("policy.why.cap", cap.cited()));
                capped[0] = true;
                a = cap.value();
            }
            return a;
        } else if (rule instanceof AmountRule.ByCategory b) {
            String key = p.category() == null ? null : b.amounts().get(p.category());
            if (key == null) {
                throw new Refusal("CATEGORY", wording.say("policy.why.categoryNotIn",
                        p.category() == null ? "-" : p.category().label()));
            }
            ResolvedParameter v = parameters.get(key, p.regionCode());
            if (!b.multipleOfSubsistence()) {
                steps.add(wording.say("policy.why.byCategory", p.category().label(), v.cited()));
                return v.value();
            }
            Money subsistence = parameters.subsistence(p.regionCode());
            long a = Math.multiplyExact(subsistence.fen(), v.value()) / 1000;
            steps.add(wording.say("policy.why.byCategoryMultiple", p.category().label(), v.cited(),
                    money(subsistence.fen()), money(a)));
            return a;
        } else if (rule instanceof AmountRule.Manual m) {
            if (p.requestedFen() == null) {
                throw new Refusal("NO_REQUEST", wording.say("policy.why.noRequest"));
            }
            ResolvedParameter cap = parameters.get(m.cap(), p.regionCode());
            steps.add(wording.say("policy.why.manual", money(p.requestedFen())));
            if (p.requestedFen() > cap.value()) {
                steps.add(wording.say("policy.why.cap", cap.cited()));
                capped[0] = true;
                return cap.value();
            }
            return p.requestedFen();
        }
        throw new IllegalStateException("unknown " + rule);
    }

    private ResolvedParameter line(String inService, String retired, PersonInputs p) {
        return parameters.get(p.employment() == Employment.RETIRED ? retired : inService, p.regionCode());
    }

    private String employmentLabel(PersonInputs p) {
        return p.employment() == null ? "" : p.employment().label();
    }

    private static String describe(Condition.Cel c) {
        return c.description() == null || c.description().isBlank() ? c.expression() : c.description();
    }

    private Map<String, Object> celVariables(PersonInputs p) {
        Map<String, Object> v = new HashMap<>();
        v.put("honour", p.honour() == null ? "" : p.honour().name());
        v.put("employment", p.employment() == null ? "" : p.employment().name());
        v.put("income", p.incomeFen() == null ? -1L : p.incomeFen());
        v.put("age", p.birthDate() == null ? -1L : (long) Period.between(p.birthDate(), referenceDate).getYears());
        v.put("region", p.regionCode());
        v.put("category", p.category() == null ? "" : p.category().name());
        v.put("cost", p.costFen() == null ? 0L : p.costFen());
        v.put("requested", p.requestedFen() == null ? 0L : p.requestedFen());
        v.put("inRegister", p.inRegister());
        return v;
    }

    private static String money(long fen) {
        return Money.ofFen(fen).toYuanString();
    }

    /** Region containment on the six-digit codes: 430903 lies within 430900 and 430000. */
    static final class Regions {
        private Regions() {
        }

        static boolean within(String region, String outer) {
            if (outer.endsWith("0000")) {
                return region.startsWith(outer.substring(0, 2));
            }
            if (outer.endsWith("00")) {
                return region.startsWith(outer.substring(0, 4));
            }
            return region.equals(outer);
        }
    }
}
