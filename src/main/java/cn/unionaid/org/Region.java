package cn.unionaid.org;

import cn.unionaid.shared.RegionCode;

/** A GB/T 2260 division. */
public record Region(RegionCode code, String name, RegionCode.Level level, RegionCode parent) {
}
