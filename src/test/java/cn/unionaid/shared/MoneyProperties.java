package cn.unionaid.shared;

import java.math.BigDecimal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyProperties {

    @Property
    void yuanTextRoundTripsToTheFen(@ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long fen) {
        Money money = Money.ofFen(fen);
        assertThat(Money.parseYuan(money.toYuanString())).isEqualTo(money);
    }

    @Property
    void additionIsExactAndReversible(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
            @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
        Money sum = Money.ofFen(a).plus(Money.ofFen(b));
        assertThat(sum.minus(Money.ofFen(b))).isEqualTo(Money.ofFen(a));
        assertThat(sum.toYuan()).isEqualByComparingTo(BigDecimal.valueOf(a, 2).add(BigDecimal.valueOf(b, 2)));
    }

    @Property
    void wanYuanIsTheYuanAmountDividedByTenThousand(@ForAll @LongRange(min = 0, max = 100_000_000_000L) long fen) {
        BigDecimal wan = new BigDecimal(Money.ofFen(fen).toWanYuanString());
        assertThat(wan).isEqualByComparingTo(BigDecimal.valueOf(fen, 2).divide(BigDecimal.valueOf(10_000)));
    }

    @Test
    void readsTheFormsPeopleWrite() {
        assertThat(Money.parseYuan("4,800.00")).isEqualTo(Money.ofYuan(4800));
        assertThat(Money.parseYuan("￥12.3")).isEqualTo(Money.ofFen(1230));
        assertThat(Money.parseYuan(" 1000元 ")).isEqualTo(Money.ofYuan(1000));
        assertThat(Money.ofFen(103_974_000L).toWanYuanString()).isEqualTo("103.974");
    }

    @Test
    void refusesWhatIsNotAnAmount() {
        assertThatThrownBy(() -> Money.parseYuan("0.005")).isInstanceOf(InvalidValueException.class)
                .hasMessage("money.tooPrecise");
        assertThatThrownBy(() -> Money.parseYuan("一千")).hasMessage("money.invalid");
        assertThatThrownBy(() -> Money.parseYuan(" ")).hasMessage("money.blank");
    }

    @Property
    void capitalsReadBackToTheFen(@ForAll @LongRange(min = -99_999_999_999_999L, max = 99_999_999_999_999L) long fen) {
        String capitals = Money.ofFen(fen).toChineseCapitals();
        assertThat(capitals).doesNotContain("零零").doesNotEndWith("零").doesNotStartWith("零壹");
        assertThat(readCapitals(capitals)).as(capitals).isEqualTo(fen);
    }

    @Property
    void wanYuanIsTheFenWithoutRounding(@ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long fen) {
        assertThat(new java.math.BigDecimal(Money.ofFen(fen).toWanYuanString()).movePointRight(6).longValueExact())
                .isEqualTo(fen);
    }

    @org.junit.jupiter.api.Test
    void capitalsAreWrittenAsAFinanceDocumentWritesThem() {
        assertThat(Money.ofFen(3_000_000).toChineseCapitals()).isEqualTo("叁万元整");
        assertThat(Money.ofFen(100_450).toChineseCapitals()).isEqualTo("壹仟零肆元伍角");
        assertThat(Money.ofFen(10_001_000_105L).toChineseCapitals()).isEqualTo("壹亿零壹万零壹元零伍分");
        assertThat(Money.ofFen(101_000).toChineseCapitals()).isEqualTo("壹仟零壹拾元整");
        assertThat(Money.ofFen(10_000_000).toChineseCapitals()).isEqualTo("壹拾万元整");
        assertThat(Money.ofFen(50).toChineseCapitals()).isEqualTo("伍角");
        assertThat(Money.ofFen(0).toChineseCapitals()).isEqualTo("零元整");
    }

    /** Reads capitals back to fen, independently of how they were written (up to 9999亿). */
    private static long readCapitals(String text) {
        String digits = "零壹贰叁肆伍陆柒捌玖";
        boolean negative = text.startsWith("负");
        String t = negative ? text.substring(1) : text;
        int yuanAt = t.indexOf('元');
        long result = 0;
        long section = 0;
        long number = 0;
        for (char c : (yuanAt < 0 ? "" : t.substring(0, yuanAt)).toCharArray()) {
            int d = digits.indexOf(c);
            if (d >= 0) {
                number = d;
            } else if (c == '拾' || c == '佰' || c == '仟') {
                section += number * (c == '拾' ? 10 : c == '佰' ? 100 : 1000);
                number = 0;
            } else if (c == '万') {
                result += (section + number) * 10_000;
                section = 0;
                number = 0;
            } else if (c == '亿') {
                result = (result + section + number) * 100_000_000;
                section = 0;
                number = 0;
            }
        }
        long fen = (result + section + number) * 100;
        String rest = yuanAt < 0 ? t : t.substring(yuanAt + 1);
        int jiao = rest.indexOf('角');
        int cent = rest.indexOf('分');
        fen += jiao > 0 ? digits.indexOf(rest.charAt(jiao - 1)) * 10L : 0;
        fen += cent > 0 ? digits.indexOf(rest.charAt(cent - 1)) : 0;
        return negative ? -fen : fen;
    }
}
