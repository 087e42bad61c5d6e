package cn.unionaid.org;

import java.time.Instant;
import java.time.LocalDate;

import cn.unionaid.shared.Money;
import cn.unionaid.shared.RegionCode;

/** 低保标准: a region's minimum-living standard per person and month, from a date on. */
public record SubsistenceStandard(long id, RegionCode region, Money monthly, LocalDate effectiveFrom,
        String documentRef, String recordedBy, Instant recordedAt) {
}
