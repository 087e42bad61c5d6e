package cn.unionaid.disbursement;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import cn.unionaid.funds.LedgerKind;

/**
 * What one line of the bank's statement does to a payment (结算规则): the ledger movements it books and where the
 * payment then stands. A line that fits none of these (paid twice, a failure after a payment) changes nothing.
 * The same table drives the booking of one line and the set-based booking of a whole statement.
 */
enum Settlement {
    PAID(StatementOutcome.PAID, ItemStatus.PENDING, ItemStatus.PAID, null,
            Movement.RELEASE, Movement.PAYMENT),
    FAILED(StatementOutcome.FAILED, ItemStatus.PENDING, ItemStatus.FAILED, "银行支付失败",
            Movement.RELEASE),
    RETURNED_BEFORE_BOOKING(StatementOutcome.RETURNED, ItemStatus.PENDING, ItemStatus.RETURNED, "银行退回",
            Movement.RELEASE, Movement.PAYMENT, Movement.RETURN),
    RETURNED_AFTER_PAYMENT(StatementOutcome.RETURNED, ItemStatus.PAID, ItemStatus.RETURNED, "银行退回",
            Movement.RETURN);

    /** A ledger movement with how its note is written from the payee's name (none for a release). */
    enum Movement {
        RELEASE(LedgerKind.RELEASE, null),
        PAYMENT(LedgerKind.PAYMENT, ""),
        RETURN(LedgerKind.RETURN, "银行退回：");

        final LedgerKind kind;
        final String notePrefix;

        Movement(LedgerKind kind, String notePrefix) {
            this.kind = kind;
            this.notePrefix = notePrefix;
        }

        String note(String payee) {
            return notePrefix == null ? null : notePrefix + payee;
        }
    }

    final StatementOutcome outcome;
    final ItemStatus from;
    final ItemStatus to;
    final String statusNote;
    final List<Movement> movements;

    Settlement(StatementOutcome outcome, ItemStatus from, ItemStatus to, String statusNote, Movement... movements) {
        this.outcome = outcome;
        this.from = from;
        this.to = to;
        this.statusNote = statusNote;
        this.movements = List.of(movements);
    }

    static Optional<Settlement> of(StatementOutcome outcome, ItemStatus current) {
        return Arrays.stream(values()).filter(s -> s.outcome == outcome && s.from == current).findFirst();
    }

    /**
     * The table as SQL rows named {@code alias} {@code (outcome, from_status, to_status, status_note, step, kind, note_prefix)}, one per
     * movement, for joining a whole statement against it.
     */
    static String asSqlValues(String alias) {
        return Arrays.stream(values()).flatMap(s -> IntStream.range(0, s.movements.size()).mapToObj(i -> "(%s, %s, %s, %s, %d, %s, %s)"
                .formatted(quote(s.outcome.name()), quote(s.from.name()), quote(s.to.name()), quote(s.statusNote), i,
                        quote(s.movements.get(i).kind.name()), quote(s.movements.get(i).notePrefix))))
                .collect(Collectors.joining(", ", "(values ", ") as " + alias + "(outcome, from_status, to_status, "
                        + "status_note, step, kind, note_prefix)"));
    }

    private static String quote(String s) {
        return s == null ? "null::text" : "'" + s.replace("'", "''") + "'";
    }
}
