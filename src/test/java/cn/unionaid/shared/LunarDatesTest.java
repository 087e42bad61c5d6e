package cn.unionaid.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LunarDatesTest {

    @Test
    void knowsTheSpringFestivalOfTheSeedsYears() {
        assertThat(LunarDates.springFestival(2019)).isEqualTo(LocalDate.of(2019, 2, 5));
        assertThat(LunarDates.springFestival(2021)).isEqualTo(LocalDate.of(2021, 2, 12));
        assertThat(LunarDates.springFestival(2023)).isEqualTo(LocalDate.of(2023, 1, 22));
        assertThat(LunarDates.springFestival(2024)).isEqualTo(LocalDate.of(2024, 2, 10));
        assertThat(LunarDates.newYearsEve(2026)).isEqualTo(LocalDate.of(2026, 2, 16));
    }
}
