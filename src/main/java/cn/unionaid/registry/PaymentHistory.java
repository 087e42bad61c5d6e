package cn.unionaid.registry;

import java.time.LocalDate;
import java.util.List;

import cn.unionaid.platform.DataScope;

/**
 * 发放记录: every payment item of an archive, for its page. Implemented by the module that pays (disbursement
 * depends on the registry, not the other way round), so the registry only declares what it shows.
 */
public interface PaymentHistory {

    /**
     * One payment item.
     *
     * @param date the batch's date of record: its decision date, else its creation
     */
    record PaymentRecord(long batchId, String batchTitle, String program, String amountYuan, String statusLabel,
            String statusNote, String cardMasked, LocalDate date) {
    }

    List<PaymentRecord> of(DataScope scope, SubjectType type, long id);
}
