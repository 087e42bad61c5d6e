package cn.unionaid.policy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import cn.unionaid.registry.Employment;
import cn.unionaid.registry.HardshipCategory;
import cn.unionaid.registry.Honour;
import cn.unionaid.shared.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts never exceed their caps, never go negative, and the same inputs always give the same outcome. */
class CalculatorProperties {

    private static final LocalDate DATE = LocalDate.of(2023, 1, 22);
    private static final Wording WORDING = (key, args) -> key + List.of(args);

    private static ParameterSource parameters(Map<String, Long> values) {
        return new ParameterSource() {
            @Override
            public ResolvedParameter get(String key, String regionCode) {
                Long v = values.get(key);
                if (v == null) {
                    throw new MissingParameterException(key, regionCode, DATE.toString());
                }
                return new ResolvedParameter(key, key, ParameterUnit.YUAN, v, "430900", DATE, "doc", 1, true);
            }

            @Override
            public Money subsistence(String regionCode) {
                return Money.ofYuan(650);
            }
        };
    }

    @Provide
    Arbitrary<PersonInputs> people() {
        Arbitrary<Long> fen = Arbitraries.longs().between(0, 5_000_000);
        Arbitrary<Long> maybeFen = fen.injectNull(0.2);
        return Combinators.combine(Arbitraries.of(Honour.class), Arbitraries.of(Employment.class), maybeFen,
                Arbitraries.of(true, false), Arbitraries.of(HardshipCategory.class).injectNull(0.2), maybeFen, maybeFen,
                Arbitraries.longs().between(0, 1_000_000))
                .as((honour, employment, income, inRegister, category, cost, requested, other) -> new PersonInputs(1, "某人",
                        "430903", honour, employment, income, LocalDate.of(1955, 5, 5), inRegister, category, cost,
                        requested, other));
    }

    @Provide
    Arbitrary<Rule> rules() {
        List<Condition> conditions = List.of(new Condition.InRegister(),
                new Condition.HonourIn(EnumSet.allOf(Honour.class)));
        Arbitrary<AmountRule> amounts = Arbitraries.of(
                new AmountRule.Fixed("amount"),
                new AmountRule.TopUp("line.in", "line.retired", "months"),
                new AmountRule.ShareOfCost("share", "cap"),
                new AmountRule.ByCategory(Map.of(HardshipCategory.DEEP, "deep", HardshipCategory.RELATIVE, "relative"), true),
                new AmountRule.Manual("cap"));
        return amounts.map(a -> new Rule(conditions, a, "personCap", "yearCap", null, null, List.of()));
    }

    @Provide
    Arbitrary<Map<String, Long>> standards() {
        Arbitrary<Long> fen = Arbitraries.longs().between(0, 2_000_000);
        return Combinators.combine(fen, fen, fen, Arbitraries.longs().between(0, 24), Arbitraries.longs().between(0, 100),
                fen, fen, fen).as((amount, lineIn, lineRetired, months, share, cap, personCap, yearCap) -> Map.of(
                        "amount", amount, "line.in", lineIn, "line.retired", lineRetired, "months", months, "share", share,
                        "cap", cap, "personCap", personCap, "yearCap", yearCap, "deep", 1500L, "relative", 1000L));
    }

    @Property(tries = 2000)
    void anAmountIsNeverNegativeAndNeverAboveItsCaps(@ForAll("rules") Rule rule, @ForAll("people") PersonInputs person,
            @ForAll("standards") Map<String, Long> values) {
        Outcome o = new Calculator(rule, parameters(values), DATE, WORDING).evaluate(person);
        assertThat(o.amountFen()).isNotNegative();
        assertThat(o.amountFen()).isLessThanOrEqualTo(values.get("personCap"));
        assertThat(o.amountFen() + person.otherProgramsFen()).satisfiesAnyOf(
                total -> assertThat(o.amountFen()).isZero(),
                total -> assertThat(total).isLessThanOrEqualTo(values.get("yearCap")));
        if (rule.amount() instanceof AmountRule.ShareOfCost || rule.amount() instanceof AmountRule.Manual) {
            assertThat(o.amountFen()).isLessThanOrEqualTo(values.get("cap"));
        }
        if (!person.inRegister()) {
            assertThat(o.decision()).isEqualTo(Decision.INELIGIBLE);
        }
        assertThat(o.decision().pays()).isEqualTo(o.amountFen() > 0);
    }

    @Property(tries = 500)
    void theSameSnapshotGivesTheSameOutcome(@ForAll("rules") Rule rule, @ForAll("people") PersonInputs person,
            @ForAll("standards") Map<String, Long> values) {
        Outcome first = new Calculator(rule, parameters(values), DATE, WORDING).evaluate(person);
        Outcome again = new Calculator(rule, parameters(values), DATE, WORDING).evaluate(person);
        assertThat(again).isEqualTo(first);
    }

    @Property(tries = 300)
    void aCelConditionDecidesLikeTheTypedOneItStandsFor(@ForAll("people") PersonInputs person) {
        Rule typed = new Rule(List.of(new Condition.EmploymentIs(Employment.RETIRED)), new AmountRule.Fixed("amount"),
                null, null, null, null, List.of());
        Rule cel = new Rule(List.of(new Condition.Cel("employment == 'RETIRED'", "离退休人员")),
                new AmountRule.Fixed("amount"), null, null, null, null, List.of());
        ParameterSource p = parameters(Map.of("amount", 100_000L));
        assertThat(new Calculator(cel, p, DATE, WORDING).evaluate(person).amountFen())
                .isEqualTo(new Calculator(typed, p, DATE, WORDING).evaluate(person).amountFen());
    }
}
