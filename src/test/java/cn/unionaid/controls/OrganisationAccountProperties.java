package cn.unionaid.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check for payments to an organisation's account ({@link ControlCheck#ORGANISATION_ACCOUNT}) tests a payee's last
 * character before the list of organisation words; the quick test must never drop a name the list would find.
 */
class OrganisationAccountProperties {

    /** The check's patterns, in the order its condition applies them (PostgreSQL's {@code ~}: found anywhere). */
    private static final List<Pattern> PATTERNS = Pattern.compile("~ '([^']*)'")
            .matcher(ControlCheck.ORGANISATION_ACCOUNT.condition()).results().map(m -> Pattern.compile(m.group(1)))
            .toList();
    private static final Pattern WORDS = PATTERNS.get(PATTERNS.size() - 1);
    /** The endings the check is there to find, written out apart from its SQL. */
    private static final List<String> ORGANISATION_WORDS = List.of("协会", "工会", "委员会", "公司", "中心", "联合会", "学会",
            "基金会");

    @Provide
    Arbitrary<String> payees() {
        Arbitrary<String> person = Arbitraries.strings().withChars("张王李赵会司心协工委员公中联合学基金").ofMinLength(1).ofMaxLength(6);
        List<String> endings = new ArrayList<>(ORGANISATION_WORDS);
        endings.addAll(List.of("会", "司", "心", ""));
        Arbitrary<String> word = Arbitraries.of(endings);
        return Combinators.combine(person, word).as(String::concat);
    }

    @Property(tries = 2000)
    void theQuickTestKeepsEveryNameTheWordsFind(@ForAll("payees") String name) {
        boolean all = PATTERNS.stream().map(p -> p.matcher(name)).allMatch(Matcher::find);
        assertThat(all).as(name).isEqualTo(WORDS.matcher(name).find());
    }

    @Property(tries = 50)
    void everyOrganisationWordIsFound(@ForAll("payees") String person) {
        for (String word : ORGANISATION_WORDS) {
            assertThat(PATTERNS).as(person + word).allMatch(p -> p.matcher(person + word).find());
        }
        assertThat(PATTERNS.size()).isEqualTo(2);
    }
}
