package cn.unionaid.org;

import java.util.EnumSet;
import java.util.Set;

import cn.unionaid.shared.RegionCode;

/** The level of a trade union in the tree, and which levels may sit directly above it. */
public enum OrgLevel {
    /** 全国总工会. */
    NATIONAL,
    /** 省总工会. */
    PROVINCIAL,
    /** 市总工会. */
    MUNICIPAL,
    /** 县区总工会. */
    COUNTY,
    /** 产业工会. */
    INDUSTRIAL,
    /** 基层工会. */
    GRASSROOTS;

    public Set<OrgLevel> allowedParents() {
        return switch (this) {
            case NATIONAL -> EnumSet.noneOf(OrgLevel.class);
            case PROVINCIAL -> EnumSet.of(NATIONAL);
            case MUNICIPAL -> EnumSet.of(PROVINCIAL);
            case COUNTY -> EnumSet.of(MUNICIPAL);
            case INDUSTRIAL -> EnumSet.of(NATIONAL, PROVINCIAL, MUNICIPAL, COUNTY);
            case GRASSROOTS -> EnumSet.of(PROVINCIAL, MUNICIPAL, COUNTY, INDUSTRIAL);
        };
    }

    /** The region level a union of this level must be placed in, or null when any (or none) will do. */
    public RegionCode.Level requiredRegionLevel() {
        return switch (this) {
            case PROVINCIAL -> RegionCode.Level.PROVINCE;
            case MUNICIPAL -> RegionCode.Level.CITY;
            case COUNTY -> RegionCode.Level.COUNTY;
            default -> null;
        };
    }

    public String messageKey() {
        return "org.level." + name();
    }
}
