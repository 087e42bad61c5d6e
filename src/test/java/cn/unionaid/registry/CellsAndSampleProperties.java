package cn.unionaid.registry;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.stream.LongStream;

import cn.unionaid.platform.sheets.Cells;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

class CellsAndSampleProperties {

    @Property
    void everyDateFormOfChineseSheetsReadsTheSameDay(@ForAll @LongRange(min = -20000, max = 30000) long epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        int y = d.getYear();
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        assertThat(Cells.date(d.toString())).isEqualTo(d);
        assertThat(Cells.date(y + "/" + m + "/" + day)).isEqualTo(d);
        assertThat(Cells.date(y + "年" + m + "月" + day + "日")).isEqualTo(d);
        assertThat(Cells.date(d.toString().replace("-", ""))).isEqualTo(d);
        long serial = d.toEpochDay() - LocalDate.of(1899, 12, 30).toEpochDay();
        if (serial >= 10000 && serial <= 99999) {
            assertThat(Cells.date(Long.toString(serial))).isEqualTo(d);
        }
    }

    @Property
    void everyMonthFormReadsTheSameMonth(@ForAll @IntRange(min = 1950, max = 2100) int year,
            @ForAll @IntRange(min = 1, max = 12) int month) {
        YearMonth ym = YearMonth.of(year, month);
        assertThat(Cells.month(ym.toString())).isEqualTo(ym);
        assertThat(Cells.month(year + "/" + "%02d".formatted(month))).isEqualTo(ym);
        assertThat(Cells.month(year + "年" + month + "月")).isEqualTo(ym);
        assertThat(Cells.month(year + "%02d".formatted(month))).isEqualTo(ym);
    }

    @Property
    void aSampleIsTheSharedSizeTakenFromThePopulationAndTheSameForTheSameSeed(
            @ForAll @IntRange(min = 0, max = 500) int size, @ForAll @IntRange(min = 1, max = 100) int share,
            @ForAll long seed) {
        List<Long> population = LongStream.rangeClosed(1, size).map(i -> i * 7).boxed().toList();
        List<Long> sample = RecheckSamples.draw(population, share, seed);
        assertThat(sample).hasSize((int) Math.ceil(size * share / 100.0));
        assertThat(population).containsAll(sample);
        assertThat(new HashSet<>(sample)).hasSameSizeAs(sample);
        assertThat(RecheckSamples.draw(population, share, seed)).isEqualTo(sample);
    }
}
