package cn.unionaid.funds;

import java.time.LocalDate;

import cn.unionaid.shared.FundSource;

/** A 下拨 to a lower union, as its 拨款通知单 states it. */
public record Allocation(long id, String fromOrg, String toOrg, int year, FundSource source, long amountFen,
        String nature, String conditions, String noticeNo, LocalDate allocatedOn, String createdBy) {

    public String amountYuan() {
        return cn.unionaid.shared.Money.ofFen(amountFen).toYuanString();
    }
}
