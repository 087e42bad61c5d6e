package cn.unionaid.shared;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdNumberProperties {

    @Provide
    Arbitrary<String> validIdNumbers() {
        Arbitrary<String> region = Arbitraries.of("430902", "430903", "650102", "110105");
        Arbitrary<LocalDate> birth = Arbitraries.longs().between(LocalDate.of(1920, 1, 1).toEpochDay(),
                LocalDate.of(2010, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
        Arbitrary<Integer> sequence = Arbitraries.integers().between(0, 999);
        return Combinators.combine(region, birth, sequence).as((r, b, s) -> {
            String first17 = r + b.toString().replace("-", "") + "%03d".formatted(s);
            return first17 + IdNumber.checkCharacter(first17);
        });
    }

    @Property
    void everyWellFormedNumberIsReadBackWithItsBirthDateAndSex(@ForAll("validIdNumbers") String text) {
        IdNumber id = IdNumber.parse(text.toLowerCase());
        assertThat(id.value()).isEqualTo(text);
        assertThat(id.birthDate().toString().replace("-", "")).isEqualTo(text.substring(6, 14));
        assertThat(id.sex()).isEqualTo((text.charAt(16) - '0') % 2 == 1 ? IdNumber.Sex.MALE : IdNumber.Sex.FEMALE);
        assertThat(id.masked()).hasSize(18).startsWith(text.substring(0, 6)).endsWith(text.substring(14))
                .contains("********");
    }

    @Property
    void anySingleDigitMistypedIsCaught(@ForAll("validIdNumbers") String text, @ForAll @IntRange(min = 0, max = 16) int at,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        char changed = (char) ('0' + (text.charAt(at) - '0' + shift) % 10);
        String wrong = text.substring(0, at) + changed + text.substring(at + 1);
        assertThatThrownBy(() -> IdNumber.parse(wrong)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void refusesImpossibleDatesAndFormats() {
        String first17 = "43090319990230123";
        assertThatThrownBy(() -> IdNumber.parse(first17 + IdNumber.checkCharacter(first17)))
                .hasMessage("idNumber.birthDate");
        assertThatThrownBy(() -> IdNumber.parse("43090319990230")).hasMessage("idNumber.format");
        assertThatThrownBy(() -> IdNumber.parse(null)).hasMessage("idNumber.blank");
    }
}
