package cn.unionaid.policy;

import cn.unionaid.org.OrgLevel;
import cn.unionaid.org.OrganisationView;
import cn.unionaid.shared.RegionCode;

/** Which regions a union may set standards for: its own region and the regions below it. */
final class StandardRegions {

    private StandardRegions() {
    }

    /** Whether {@code union} may set a standard for {@code regionCode} (null: the whole country). */
    static boolean within(OrganisationView union, String regionCode) {
        if (union.level() == OrgLevel.NATIONAL) {
            return true;
        }
        if (regionCode == null || union.regionCode() == null) {
            return false;
        }
        for (RegionCode r = RegionCode.of(regionCode); r != null; r = r.parent().orElse(null)) {
            if (r.value().equals(union.regionCode())) {
                return true;
            }
        }
        return false;
    }
}
