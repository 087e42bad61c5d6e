package cn.unionaid.registry;

import java.time.Instant;
import java.util.List;

/** A year's re-check sample (复核抽样): how it was drawn (seed, share), what was drawn, and how far checking got. */
public record RecheckSample(long id, int year, SubjectType type, int sharePercent, long seed, int population,
        String drawnBy, Instant drawnAt, List<Item> items) {

    public record Item(long subjectId, String name, Instant checkedAt, String checkedBy) {
    }

    public long checked() {
        return items.stream().filter(i -> i.checkedAt() != null).count();
    }
}
