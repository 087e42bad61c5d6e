package cn.unionaid.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import cn.unionaid.shared.Money;
import cn.unionaid.shared.RegionCode;

/**
 * The parameter versions a run may use, held in memory and resolved per region once: the most specific region
 * (county, then city, then province, then national) that has a version in force on the reference date. A
 * what-if also sees proposed versions, which win over an approved one of the same or an earlier date.
 */
public final class LoadedParameters implements ParameterSource {

    private final Map<String, List<ParameterVersion>> byKey = new HashMap<>();
    private final Map<String, String> names;
    private final Function<String, Optional<Money>> subsistence;
    private final String referenceDate;
    private final Map<String, ResolvedParameter> cache = new HashMap<>();
    private final Map<String, Money> subsistenceCache = new HashMap<>();
    private final Map<Long, ResolvedParameter> used = new LinkedHashMap<>();

    public LoadedParameters(List<ParameterVersion> versions, Map<String, String> names, LocalDate referenceDate,
            Function<String, Optional<Money>> subsistence) {
        for (ParameterVersion v : versions) {
            byKey.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v);
        }
        Comparator<ParameterVersion> newestFirst = Comparator.comparing(ParameterVersion::effectiveFrom).reversed()
                .thenComparing(v -> "PROPOSED".equals(v.status()) ? 0 : 1).thenComparing(ParameterVersion::id,
                        Comparator.reverseOrder());
        byKey.values().forEach(list -> list.sort(newestFirst));
        this.names = names;
        this.subsistence = subsistence;
        this.referenceDate = referenceDate.toString();
    }

    @Override
    public ResolvedParameter get(String key, String regionCode) {
        return cache.computeIfAbsent(key + "@" + regionCode, k -> resolve(key, regionCode));
    }

    private ResolvedParameter resolve(String key, String regionCode) {
        List<String> candidates = new ArrayList<>();
        Optional<RegionCode> region = Optional.of(RegionCode.of(regionCode));
        while (region.isPresent()) {
            candidates.add(region.get().value());
            region = region.get().parent();
        }
        candidates.add(null);
        List<ParameterVersion> versions = byKey.getOrDefault(key, List.of());
        for (String candidate : candidates) {
            for (ParameterVersion v : versions) {
                if (java.util.Objects.equals(v.regionCode(), candidate)) {
                    ResolvedParameter r = new ResolvedParameter(key, names.getOrDefault(key, key), v.unit(), v.value(),
                            candidate, v.effectiveFrom(), v.documentRef(), v.id(), "APPROVED".equals(v.status()));
                    used.put(v.id(), r);
                    return r;
                }
            }
        }
        throw new MissingParameterException(key + "（" + names.getOrDefault(key, key) + "）", regionCode, referenceDate);
    }

    @Override
    public Money subsistence(String regionCode) {
        return subsistenceCache.computeIfAbsent(regionCode, r -> subsistence.apply(r)
                .orElseThrow(() -> new MissingParameterException("低保标准", r, referenceDate)));
    }

    /** The versions the run actually used, for its manifest. */
    public List<ResolvedParameter> used() {
        return List.copyOf(used.values());
    }
}
