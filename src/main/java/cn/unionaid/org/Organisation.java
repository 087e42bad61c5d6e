package cn.unionaid.org;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.shared.RegionCode;

/**
 * A trade union in the tree. Its place in the tree is fixed when it is created under its parent; its name
 * and region can be corrected later.
 */
public final class Organisation {

    private final Long id;
    private final String code;
    private String name;
    private final OrgLevel level;
    private final Long parentId;
    private RegionCode region;
    private final String path;
    private final int version;

    public Organisation(Long id, String code, String name, OrgLevel level, Long parentId, RegionCode region,
            String path, int version) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.level = level;
        this.parentId = parentId;
        this.region = region;
        this.path = path;
        this.version = version;
    }

    /** The root of the tree (全国总工会). */
    public static Organisation root(String code, String name) {
        requireCode(code);
        return new Organisation(null, code, requireName(name), OrgLevel.NATIONAL, null, null, null, 0);
    }

    /** A new union directly below this one; the level and region must fit under it. */
    public Organisation openChild(String code, String name, OrgLevel childLevel, RegionCode childRegion) {
        requireCode(code);
        if (childLevel == OrgLevel.NATIONAL || !childLevel.allowedParents().contains(level)) {
            throw BusinessRuleException.invalid("org.error.levelUnderParent", childLevel.messageKey(), level.messageKey());
        }
        checkRegion(childLevel, childRegion, region);
        return new Organisation(null, code, requireName(name), childLevel, id, childRegion, null, 0);
    }

    /** Corrects the name and region; the region must still fit inside the parent's. */
    public void correct(String newName, RegionCode newRegion, RegionCode parentRegion) {
        checkRegion(level, newRegion, parentRegion);
        this.name = requireName(newName);
        this.region = newRegion;
    }

    private static void checkRegion(OrgLevel level, RegionCode region, RegionCode parentRegion) {
        RegionCode.Level required = level.requiredRegionLevel();
        if (required != null && (region == null || region.level() != required)) {
            throw BusinessRuleException.invalid("org.error.regionLevel", level.messageKey());
        }
        if (region != null && parentRegion != null && !within(region, parentRegion)) {
            throw BusinessRuleException.invalid("org.error.regionOutsideParent", region.value(), parentRegion.value());
        }
    }

    static boolean within(RegionCode region, RegionCode outer) {
        return switch (outer.level()) {
            case PROVINCE -> region.value().startsWith(outer.value().substring(0, 2));
            case CITY -> region.value().startsWith(outer.value().substring(0, 4));
            case COUNTY -> region.equals(outer);
        };
    }

    private static void requireCode(String code) {
        if (code == null || !code.matches("[A-Za-z0-9-]{2,32}")) {
            throw BusinessRuleException.invalid("org.error.code");
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw BusinessRuleException.invalid("org.error.name");
        }
        return name.strip();
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public OrgLevel level() {
        return level;
    }

    public Long parentId() {
        return parentId;
    }

    public RegionCode region() {
        return region;
    }

    public String path() {
        return path;
    }

    public int version() {
        return version;
    }
}
