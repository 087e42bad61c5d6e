package cn.unionaid.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A reproducible random sample (随机抽样) of ids: the population shuffled with a recorded seed, its first
 * {@code size} ids, in id order. The same population, size and seed always give the same sample, so anyone can
 * check a re-check sample or a survey's respondents afterwards.
 */
public final class SeededSample {

    private SeededSample() {
    }

    public static List<Long> draw(List<Long> population, int size, long seed) {
        List<Long> shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, new Random(seed));
        List<Long> sample = new ArrayList<>(shuffled.subList(0, Math.max(0, Math.min(size, shuffled.size()))));
        Collections.sort(sample);
        return sample;
    }
}
