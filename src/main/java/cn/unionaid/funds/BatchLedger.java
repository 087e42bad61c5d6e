package cn.unionaid.funds;

import cn.unionaid.shared.FundSource;

/**
 * The ledger a batch is booked on (台账): its union, its program's budget year, its fund source, its program, and the
 * batch itself — what every reservation and movement of the batch has in common.
 */
public record BatchLedger(long orgId, int year, FundSource source, long programId, long batchId) {
}
