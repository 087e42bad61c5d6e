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
}
