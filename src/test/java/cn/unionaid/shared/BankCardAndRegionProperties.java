package cn.unionaid.shared;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BankCardAndRegionProperties {

    @Property
    void cardsOfTwelveToNineteenDigitsAreKeptAndMasked(@ForAll @NumericChars @StringLength(min = 12, max = 19) String digits) {
        String spaced = digits.replaceAll("(.{4})", "$1 ");
        BankCard card = BankCard.parse(spaced);
        assertThat(card.value()).isEqualTo(digits);
        assertThat(card.masked()).isEqualTo(digits.substring(0, 4) + " **** **** " + digits.substring(digits.length() - 4));
    }

    @Property
    void otherLengthsAreRefused(@ForAll @NumericChars @StringLength(min = 1, max = 30) String digits) {
        if (digits.length() >= 12 && digits.length() <= 19) {
            return;
        }
        assertThatThrownBy(() -> BankCard.parse(digits)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void regionCodesKnowTheirLevelAndParent() {
        assertThat(RegionCode.of("43").value()).isEqualTo("430000");
        assertThat(RegionCode.of("4309").level()).isEqualTo(RegionCode.Level.CITY);
        RegionCode heshan = RegionCode.of("430903");
        assertThat(heshan.level()).isEqualTo(RegionCode.Level.COUNTY);
        assertThat(heshan.parent()).contains(new RegionCode("430900"));
        assertThat(heshan.parent().flatMap(RegionCode::parent)).contains(new RegionCode("430000"));
        assertThatThrownBy(() -> RegionCode.of("4309031")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void namesAreMaskedInTheMiddle() {
        assertThat(PersonName.masked("张三明")).isEqualTo("张*明");
        assertThat(PersonName.masked("李四")).isEqualTo("李*");
        assertThat(PersonName.masked("欧阳小明")).isEqualTo("欧**明");
    }
}
