package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The conditions of a deduction leaf (扣分条件), written {@code 60:4,80:2,100:1}: under 60 four points are lost,
 * under 80 two, under 100 one. The value compared is the completion — actual / target in percent when the leaf has a
 * target, the actual itself when it is a percentage (a count without its target is not compared) — and the first
 * (lowest) threshold it is below decides.
 */
public record DeductionBands(List<Band> bands) {

    public static final DeductionBands NONE = new DeductionBands(List.of());

    public record Band(BigDecimal below, BigDecimal points) {
    }

    public DeductionBands {
        bands = bands.stream().sorted(Comparator.comparing(Band::below)).toList();
    }

    /** @throws IllegalArgumentException naming the part that is not {@code threshold:points} */
    public static DeductionBands parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Band> list = new ArrayList<>();
        for (String part : text.split("[,，;；]")) {
            String[] kv = part.strip().split("[:：]");
            try {
                if (kv.length != 2) {
                    throw new NumberFormatException();
                }
                BigDecimal below = new BigDecimal(kv[0].strip());
                BigDecimal points = new BigDecimal(kv[1].strip());
                if (below.signum() < 0 || points.signum() <= 0) {
                    throw new NumberFormatException();
                }
                list.add(new Band(below, points));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(part.strip());
            }
        }
        return new DeductionBands(list);
    }

    /** The band the value falls in, if any. */
    public java.util.Optional<Band> match(BigDecimal value) {
        return bands.stream().filter(b -> value.compareTo(b.below()) < 0).findFirst();
    }

    public boolean isEmpty() {
        return bands.isEmpty();
    }

    @Override
    public String toString() {
        return String.join(",", bands.stream().map(b -> Scorer.plain(b.below()) + ":" + Scorer.plain(b.points())).toList());
    }
}
