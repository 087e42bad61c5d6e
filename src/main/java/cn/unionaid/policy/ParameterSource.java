package cn.unionaid.policy;

import cn.unionaid.shared.Money;

/** Resolves parameters for a region on the run's reference date (county → city → province → national). */
public interface ParameterSource {

    /** @throws MissingParameterException when none applies */
    ResolvedParameter get(String key, String regionCode);

    /** The region's monthly minimum-living standard (低保) on the reference date, with the same fallback. */
    Money subsistence(String regionCode);
}
