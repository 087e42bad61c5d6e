package cn.unionaid.funds;

import java.time.LocalDate;

import cn.unionaid.shared.FundSource;

/** One line of a source's ledger (台账). */
public record LedgerEntry(long id, FundSource source, Long programId, String programName, LedgerKind kind,
        LocalDate date, long amountFen, String voucher, Long batchId, String note, String createdBy) {
}
