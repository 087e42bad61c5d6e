package cn.unionaid.disbursement.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import cn.unionaid.disbursement.Batch;
import cn.unionaid.disbursement.BatchItemView;
import cn.unionaid.disbursement.BatchStatus;
import cn.unionaid.disbursement.ItemStatus;
import cn.unionaid.disbursement.Objection;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.DataScope;
import cn.unionaid.shared.FundSource;
import cn.unionaid.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Batches, their items and objections. */
@Repository
public class BatchRepository {

    private final JdbcClient jdbc;
    private final cn.unionaid.platform.db.LargeQueries largeQueries;

    BatchRepository(JdbcClient jdbc, cn.unionaid.platform.db.LargeQueries largeQueries) {
        this.jdbc = jdbc;
        this.largeQueries = largeQueries;
    }

    /** What the bank's file needs of a pending payment. */
    public record PendingPayment(String reference, String name, byte[] sealedCard, long amountFen) {
    }

    /** The people of one kind the batch's pending payments go to. */
    public List<Long> pendingSubjects(long batchId, String subjectType) {
        return jdbc.sql("""
                select subject_id from disbursement.batch_item where batch_id = ? and status = 'PENDING' and subject_type = ?
                """).param(batchId).param(subjectType).query(Long.class).list();
    }

    /** The batch's pending payments to these people of one kind. */
    public List<BatchItemView> pendingItemsOf(long batchId, String subjectType, java.util.Collection<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from disbursement.batch_item
                 where batch_id = :batch and status = 'PENDING' and subject_type = :type and subject_id = any(:subjects) order by id
                """).param("batch", batchId).param("type", subjectType).param("subjects", subjectIds.toArray(Long[]::new))
                .query(BatchRepository::item).list();
    }

    /** These of the batch's payments, those still pending, in the batch's order. */
    public List<BatchItemView> pendingItems(long batchId, java.util.Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from disbursement.batch_item where batch_id = :batch and status = 'PENDING' and id = any(:items) order by id
                """).param("batch", batchId).param("items", itemIds.toArray(Long[]::new)).query(BatchRepository::item).list();
    }

    /**
     * The batch's pending payments in its order, read a few thousand at a time within the caller's transaction: a
     * province's file of 800,000 payments never sits in memory as rows.
     */
    public void forEachPendingPayment(long batchId, java.util.function.Consumer<PendingPayment> each) {
        largeQueries.streaming().query("""
                select reference, name, card_enc, amount_fen from disbursement.batch_item
                 where batch_id = ? and status = 'PENDING' order by id
                """, (ResultSet rs) -> {
                    each.accept(new PendingPayment(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getLong(4)));
                }, batchId);
    }

    public long insert(long orgId, long programId, Long runId, FundSource source, String title, String by) {
        return jdbc.sql("""
                insert into disbursement.batch (org_id, program_id, run_id, source, title, status, prepared_by)
                values (?, ?, ?, ?, ?, 'DRAFT', ?) returning id
                """).param(orgId).param(programId).param(runId).param(source.name()).param(title).param(by)
                .query(Long.class).single();
    }

    /** Writes a batch's step; its total is the database's (the sum of its live items), never written from here. */
    public void update(Batch b) {
        int n = jdbc.sql("""
                update disbursement.batch set status = ?, submitted_by = ?, reviewed_by = ?, decided_by = ?, minutes_no = ?,
                       decided_on = ?, minutes_evidence = ?, publicity_from = ?, publicity_to = ?, publicity_photo = ?,
                       file_sha256 = ?, file_by = ?, settled_by = ?, rejection = ?, updated_at = now(), version = version + 1
                 where id = ? and version = ?
                """).param(b.status().name()).param(b.submittedBy()).param(b.reviewedBy())
                .param(b.decidedBy()).param(b.minutesNo()).param(date(b.decidedOn())).param(b.minutesEvidence())
                .param(date(b.publicityFrom())).param(date(b.publicityTo())).param(b.publicityPhoto())
                .param(b.fileSha256()).param(b.fileBy()).param(b.settledBy()).param(b.rejection()).param(b.id())
                .param(b.version()).update();
        if (n != 1) {
            throw BusinessRuleException.conflict("error.concurrentChange");
        }
    }

    /**
     * The batch in scope, its row locked for the rest of the transaction (one statement: scope, lock, read), so two steps
     * on one batch run one after the other and the second sees the first's outcome.
     */
    public Optional<Batch> findForUpdate(DataScope scope, long id) {
        return jdbc.sql("""
                select b.* from disbursement.batch b join org.v_organisation o on o.id = b.org_id
                 where b.id = ? and starts_with(o.path, ?) for update of b
                """).param(id).param(scope.orgPath()).query(BatchRepository::batch).optional();
    }

    public Optional<Batch> find(DataScope scope, long id) {
        return jdbc.sql("select b.* from disbursement.batch b join org.v_organisation o on o.id = b.org_id where b.id = ? and starts_with(o.path, ?)")
                .param(id).param(scope.orgPath()).query(BatchRepository::batch).optional();
    }

    public List<Batch> list(DataScope scope, Long after, int limit) {
        return jdbc.sql("""
                select b.* from disbursement.batch b join org.v_organisation o on o.id = b.org_id
                 where starts_with(o.path, ?) and (?::bigint is null or b.id < ?) order by b.id desc limit ?
                """).param(scope.orgPath()).param(after).param(after).param(limit).query(BatchRepository::batch).list();
    }

    /** The newest batches in scope still under way (neither completed nor cancelled). */
    public List<Batch> underWay(DataScope scope, int limit) {
        return jdbc.sql("""
                select b.* from disbursement.batch b join org.v_organisation o on o.id = b.org_id
                 where starts_with(o.path, ?) and b.status not in ('COMPLETED', 'CANCELLED') order by b.id desc limit ?
                """).param(scope.orgPath()).param(limit).query(BatchRepository::batch).list();
    }

    /** Objections not yet answered, by batch, for the given batches. */
    public java.util.Map<Long, Long> openObjections(List<Long> batchIds) {
        java.util.Map<Long, Long> open = new java.util.HashMap<>();
        jdbc.sql("select batch_id, count(*) from disbursement.objection where batch_id = any(?) and resolved_at is null group by batch_id")
                .param(batchIds.toArray(Long[]::new)).query((java.sql.ResultSet rs) -> {
                    open.put(rs.getLong(1), rs.getLong(2));
                });
        return open;
    }

    /** Every payment of the batch in its order, streamed: a province's batch never sits in memory whole. */
    public void forEachItem(long batchId, java.util.function.Consumer<BatchItemView> each) {
        largeQueries.streaming().query("select * from disbursement.batch_item where batch_id = ? order by id",
                (ResultSet rs) -> each.accept(item(rs, 0)), batchId);
    }

    /** The batch's 公示名单: its payments but those left out (剔除), of one union or, when it is null, of all. */
    private static final String LISTED = "batch_id = ? and status <> 'EXCLUDED' and (cast(? as text) is null or org_name = ?)";

    /**
     * The payments of the batch's 公示名单 (all but those left out), of one union or all, in the batch's order from
     * {@code fromId} on, at most {@code limit}, streamed.
     */
    public void forEachListed(long batchId, String union, long fromId, long limit,
            java.util.function.Consumer<BatchItemView> each) {
        largeQueries.streaming().query("select * from disbursement.batch_item where " + LISTED + " and id >= ? order by id limit ?",
                (ResultSet rs) -> each.accept(item(rs, 0)), batchId, union, union, fromId, limit);
    }

    /** The unions whose members the batch's 公示名单 holds, with how many of each, by name. */
    public List<cn.unionaid.disbursement.PublicityList.Union> listedUnions(long batchId) {
        return jdbc.sql("""
                select org_name, count(*) from disbursement.batch_item where %s group by org_name order by org_name
                """.formatted(LISTED)).param(batchId).param((String) null).param((String) null).query((rs, n) -> new cn.unionaid.disbursement.PublicityList.Union(rs.getString(1), rs.getLong(2))).list();
    }

    /**
     * Where each part of the 公示名单 (of one union or all) begins when it is cut every {@code partSize} names: the
     * first payment's id of each part, in order. Numbered over the whole list, so no part is read to find the next.
     */
    public List<Long> listedPartStarts(long batchId, String union, int partSize) {
        return jdbc.sql("""
                select id from (select id, row_number() over (order by id) as n from disbursement.batch_item where %s) l
                 where n %% ? = 1 order by id
                """.formatted(LISTED)).param(batchId).param(union).param(union).param(partSize).query(Long.class).list();
    }

    /** The payment and its re-issue, if it has one. */
    public List<BatchItemView> itemAndReissue(long batchId, long itemId) {
        return jdbc.sql("""
                select * from disbursement.batch_item where batch_id = ? and (id = ? or reissue_of = ?) order by id
                """).param(batchId).param(itemId).param(itemId).query(BatchRepository::item).list();
    }

    /**
     * A page of the batch's payments in their order, after {@code after}: those whose name contains {@code q} or whose
     * reference is {@code q}, or all. A province's batch holds hundreds of thousands; a page reads its own rows only.
     */
    public List<BatchItemView> itemPage(long batchId, String q, Long after, int limit) {
        String sql = "select * from disbursement.batch_item where batch_id = :batch"
                + (after == null ? "" : " and id > :after")
                + (q == null ? "" : " and (strpos(name, :q) > 0 or reference = :q)") + " order by id limit :limit";
        var statement = jdbc.sql(sql).param("batch", batchId).param("limit", limit);
        if (after != null) {
            statement = statement.param("after", after);
        }
        if (q != null) {
            statement = statement.param("q", q);
        }
        return statement.query(BatchRepository::item).list();
    }

    /**
     * The payments of the batch that each of these statement lines (no payment claimed them) could settle by hand: of
     * the line's amount and in a state the line's result settles by {@code settlement} (the settlement table as SQL
     * values aliased {@code t}), the line's own name first, at most {@code limit} a line; in one query.
     */
    public java.util.Map<Long, List<BatchItemView>> matchCandidates(long batchId, List<Long> lineIds, String settlement,
            int limit) {
        java.util.Map<Long, List<BatchItemView>> candidates = new java.util.LinkedHashMap<>();
        lineIds.forEach(line -> candidates.put(line, new java.util.ArrayList<>()));
        jdbc.sql("""
                select l.id as line_id, c.* from disbursement.statement_line l
                 cross join lateral (select i.* from disbursement.batch_item i
                                      where i.batch_id = l.batch_id and i.amount_fen = l.amount_fen
                                        and exists (select 1 from %s where t.step = 0 and t.outcome = l.outcome
                                                                              and t.from_status = i.status)
                                      order by i.name is not distinct from l.name desc, i.id limit :limit) c
                 where l.batch_id = :batch and l.id = any(:lines)
                 order by l.id
                """.formatted(settlement)).param("batch", batchId).param("lines", lineIds.toArray(Long[]::new)).param("limit", limit)
                .query((java.sql.ResultSet rs) -> {
                    candidates.get(rs.getLong("line_id")).add(item(rs, 0));
                });
        return candidates;
    }

    public Optional<BatchItemView> item(long batchId, long itemId) {
        return jdbc.sql("select * from disbursement.batch_item where batch_id = ? and id = ?").param(batchId).param(itemId)
                .query(BatchRepository::item).optional();
    }

    public void setItemStatus(long itemId, ItemStatus status, String note) {
        jdbc.sql("update disbursement.batch_item set status = ?, status_note = ? where id = ?").param(status.name()).param(note)
                .param(itemId).update();
    }

    /** Moves a payment from one of {@code from} to {@code to}; answers 1 when it moved, 0 when it stood elsewhere. */
    /** Moves a settled item on; the bank's earlier reason (账户已销户 …) stays beside the new note. */
    public int moveItem(long itemId, List<ItemStatus> from, ItemStatus to, String note) {
        return jdbc.sql("""
                update disbursement.batch_item set status = ?, status_note = left(? || coalesce('；' || status_note, ''), 500)
                 where id = ? and status = any(?)
                """)
                .param(to.name()).param(note).param(itemId).param(from.stream().map(Enum::name).toArray(String[]::new))
                .update();
    }

    public long countItems(long batchId, ItemStatus status) {
        return jdbc.sql("select count(*) from disbursement.batch_item where batch_id = ? and status = ?").param(batchId)
                .param(status.name()).query(Long.class).single();
    }

    public long addObjection(long batchId, String raisedBy, String content, String by) {
        return jdbc.sql("insert into disbursement.objection (batch_id, raised_by, content, recorded_by) values (?, ?, ?, ?) returning id")
                .param(batchId).param(raisedBy).param(content).param(by).query(Long.class).single();
    }

    public int resolveObjection(long batchId, long objectionId, String resolution, String by) {
        return jdbc.sql("""
                update disbursement.objection set resolution = ?, resolved_by = ?, resolved_at = now()
                 where id = ? and batch_id = ? and resolution is null
                """).param(resolution).param(by).param(objectionId).param(batchId).update();
    }

    public List<Objection> objections(long batchId) {
        return jdbc.sql("select * from disbursement.objection where batch_id = ? order by id").param(batchId).query((rs, n) -> {
            Timestamp resolved = rs.getTimestamp("resolved_at");
            return new Objection(rs.getLong("id"), rs.getString("raised_by"), rs.getString("content"),
                    rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("resolution"),
                    rs.getString("resolved_by"), resolved == null ? null : resolved.toInstant());
        }).list();
    }

    public long openObjections(long batchId) {
        return jdbc.sql("select count(*) from disbursement.objection where batch_id = ? and resolution is null").param(batchId)
                .query(Long.class).single();
    }

    public void setFileLayout(long batchId, String layout) {
        jdbc.sql("update disbursement.batch set file_layout = ? where id = ?").param(layout).param(batchId).update();
    }

    private static Date date(java.time.LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static java.time.LocalDate local(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Batch batch(ResultSet rs, int n) throws SQLException {
        long run = rs.getLong("run_id");
        Long runId = rs.wasNull() ? null : run;
        return new Batch(rs.getLong("id"), rs.getLong("org_id"), rs.getLong("program_id"), runId,
                FundSource.valueOf(rs.getString("source")), rs.getString("title"), BatchStatus.valueOf(rs.getString("status")),
                rs.getLong("total_fen"), rs.getString("prepared_by"), rs.getString("submitted_by"),
                rs.getString("reviewed_by"), rs.getString("decided_by"), rs.getString("minutes_no"),
                local(rs.getDate("decided_on")), rs.getString("minutes_evidence"), local(rs.getDate("publicity_from")),
                local(rs.getDate("publicity_to")), rs.getString("publicity_photo"), rs.getString("file_sha256"),
                rs.getString("file_by"), rs.getString("settled_by"), rs.getString("rejection"), rs.getInt("version"));
    }

    private static BatchItemView item(ResultSet rs, int n) throws SQLException {
        long re = rs.getLong("reissue_of");
        Long reissueOf = rs.wasNull() ? null : re;
        long fen = rs.getLong("amount_fen");
        return new BatchItemView(rs.getLong("id"), rs.getString("subject_type"), rs.getLong("subject_id"),
                rs.getString("name"), rs.getString("org_name"), rs.getString("bank_name"), rs.getString("card_masked"), fen,
                Money.ofFen(fen).toYuanString(), rs.getString("reference"), rs.getString("status"),
                rs.getString("status_note"), reissueOf);
    }
}
