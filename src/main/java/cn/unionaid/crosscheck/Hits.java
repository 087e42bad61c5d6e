package cn.unionaid.crosscheck;

import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.disbursement.Batches;
import cn.unionaid.disbursement.ItemHolds;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Page;
import cn.unionaid.platform.files.FileStore;
import cn.unionaid.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hits (比对命中) and their resolution: a payment held back is either removed from its batch, or explained with
 * evidence by one person (经办说明) and accepted by another (复核认可); an archive's hit is explained and accepted the
 * same way. Every step is audited; while a payment's hit is open or only explained, its batch cannot pass review.
 */
@Service
public class Hits implements ItemHolds {

    static final String READERS = "hasAnyRole('CLERK', 'REVIEWER', 'LEADER', 'FINANCE', 'AUDITOR', 'EVALUATOR')";

    private static final String VIEW = """
            select h.id, h.list_id, l.kind, l.source, l.as_of, h.row_no, e.id_number_masked, e.event_date,
                   h.subject_type, h.subject_id,
                   coalesce(m.name, hd.name, hh.household_no) as name, o.name as org_name,
                   h.batch_id, h.batch_item_id, i.amount_fen, h.status, h.explanation, h.evidence_key is not null as evidence,
                   h.explained_by, h.resolved_by
              from crosscheck.cross_check_hit h join crosscheck.outside_list l on l.id = h.list_id
              join org.v_organisation o on o.id = h.org_id
              left join crosscheck.outside_list_entry e on e.list_id = h.list_id and e.row_no = h.row_no
              left join registry.v_model_worker m on h.subject_type = 'MODEL_WORKER' and m.id = h.subject_id
              left join registry.v_household hh on h.subject_type = 'HOUSEHOLD' and hh.id = h.subject_id
              left join registry.v_household_member hd on hd.household_id = hh.id and hd.relation = 'HEAD'
              left join disbursement.v_batch_item i on i.id = h.batch_item_id
             where starts_with(o.path, :scope)
               and (cast(:status as varchar) is null or h.status = :status)
               and (cast(:batch as bigint) is null or h.batch_id = :batch)
               and (cast(:list as bigint) is null or h.list_id = :list)
               and (cast(:id as bigint) is null or h.id = :id)
               and (:after = 0 or h.id < :after)
             order by h.id desc limit :limit
            """;

    /** What to show. */
    public record Filter(HitStatus status, Long batchId, Long listId) {
    }

    private final JdbcClient jdbc;
    private final HitMatching matching;
    private final AuditLog audit;
    private final FileStore files;
    private final org.springframework.beans.factory.ObjectProvider<Batches> batches;

    Hits(JdbcClient jdbc, HitMatching matching, AuditLog audit, FileStore files,
            org.springframework.beans.factory.ObjectProvider<Batches> batches) {
        this.jdbc = jdbc;
        this.matching = matching;
        this.audit = audit;
        this.files = files;
        this.batches = batches;
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Page<HitView> list(DataScope scope, Filter filter, String after, int size) {
        long from = after == null || after.isBlank() ? 0 : Long.parseLong(after);
        return Page.of(query(scope, filter, null, from, size + 1), size, h -> Long.toString(h.id()));
    }

    private List<HitView> query(DataScope scope, Filter filter, Long id, long after, int limit) {
        return jdbc.sql(VIEW).param("scope", scope.orgPath())
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("batch", filter.batchId()).param("list", filter.listId()).param("id", id).param("after", after)
                .param("limit", limit).query((rs, n) -> {
                    long amount = rs.getLong("amount_fen");
                    boolean noAmount = rs.wasNull();
                    java.sql.Date event = rs.getDate("event_date");
                    return new HitView(rs.getLong("id"), rs.getLong("list_id"), OutsideListKind.valueOf(rs.getString("kind")),
                            rs.getString("source"), rs.getDate("as_of").toLocalDate(), rs.getInt("row_no"),
                            rs.getString("id_number_masked"), event == null ? null : event.toLocalDate(),
                            rs.getString("subject_type"), rs.getLong("subject_id"), rs.getString("name"),
                            rs.getString("org_name"), rs.getObject("batch_id", Long.class),
                            rs.getObject("batch_item_id", Long.class),
                            noAmount ? null : Money.ofFen(amount).toYuanString(), HitStatus.valueOf(rs.getString("status")),
                            rs.getString("explanation"), rs.getBoolean("evidence"), rs.getString("explained_by"),
                            rs.getString("resolved_by"));
                }).list();
    }

    /** The counts of the union's hits by status, for its pages and the evaluation. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Map<HitStatus, Long> counts(DataScope scope) {
        Map<HitStatus, Long> counts = new java.util.EnumMap<>(HitStatus.class);
        for (HitStatus s : HitStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("""
                select h.status, count(*) from crosscheck.cross_check_hit h join org.v_organisation o on o.id = h.org_id
                 where starts_with(o.path, ?) group by h.status
                """).param(scope.orgPath()).query((rs, n) -> counts.put(HitStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    /** 经办说明: why the hit does not stop the payment or the archive, with a document that shows it. */
    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER')")
    @Transactional
    public HitView explain(DataScope scope, long hitId, String explanation, byte[] evidence) {
        HitView hit = locked(scope, hitId);
        if (hit.status() != HitStatus.OPEN) {
            throw BusinessRuleException.conflict("crosscheck.error.state", hit.statusLabel(), HitStatus.OPEN.label());
        }
        if (explanation == null || explanation.isBlank() || explanation.strip().length() > 1000) {
            throw BusinessRuleException.invalid("crosscheck.error.explanation");
        }
        if (evidence == null || evidence.length == 0 || FileStore.documentType(evidence).isEmpty()) {
            throw BusinessRuleException.invalid("crosscheck.error.evidence");
        }
        String key = files.save(evidence).key();
        jdbc.sql("""
                update crosscheck.cross_check_hit set status = 'EXPLAINED', explanation = ?, evidence_key = ?, explained_by = ?,
                       explained_at = now() where id = ?
                """).param(explanation.strip()).param(key).param(CurrentUser.require().getUsername()).param(hitId).update();
        audit.record("crosscheck.hitExplained", "cross_check_hit", hitId, Map.of("batch", String.valueOf(hit.batchId())));
        return find(scope, hitId);
    }

    /** 复核认可: a second person accepts the explanation; the hit no longer holds anything back. */
    @PreAuthorize("hasAnyRole('REVIEWER', 'LEADER')")
    @Transactional
    public HitView accept(DataScope scope, long hitId) {
        return judge(scope, hitId, true);
    }

    /** 退回说明: the explanation does not hold; the hit is open again. */
    @PreAuthorize("hasAnyRole('REVIEWER', 'LEADER')")
    @Transactional
    public HitView decline(DataScope scope, long hitId) {
        return judge(scope, hitId, false);
    }

    private HitView judge(DataScope scope, long hitId, boolean accepted) {
        HitView hit = locked(scope, hitId);
        if (hit.status() != HitStatus.EXPLAINED) {
            throw BusinessRuleException.conflict("crosscheck.error.state", hit.statusLabel(), HitStatus.EXPLAINED.label());
        }
        String by = CurrentUser.require().getUsername();
        if (by.equals(hit.explainedBy())) {
            throw BusinessRuleException.forbidden("crosscheck.error.ownExplanation");
        }
        if (accepted) {
            jdbc.sql("update crosscheck.cross_check_hit set status = 'ACCEPTED', resolved_by = ?, resolved_at = now() where id = ?")
                    .param(by).param(hitId).update();
        } else {
            jdbc.sql("""
                    update crosscheck.cross_check_hit set status = 'OPEN', explanation = null, evidence_key = null, explained_by = null,
                           explained_at = null where id = ?
                    """).param(hitId).update();
        }
        audit.record(accepted ? "crosscheck.hitAccepted" : "crosscheck.hitDeclined", "cross_check_hit", hitId, Map.of());
        return find(scope, hitId);
    }

    /** 剔除: the payment the hit holds back leaves its batch (its money released if reserved). */
    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public HitView remove(DataScope scope, long hitId) {
        HitView hit = locked(scope, hitId);
        if (!hit.status().holds() || hit.batchItemId() == null) {
            throw BusinessRuleException.conflict("crosscheck.error.notRemovable");
        }
        batches.getObject().removeItem(scope, hit.batchId(), hit.batchItemId(), "外部数据比对命中（" + hit.kindLabel() + "）");
        return find(scope, hitId);
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public HitView find(DataScope scope, long hitId) {
        return query(scope, new Filter(null, null, null), hitId, 0, 1).stream().findFirst()
                .orElseThrow(() -> BusinessRuleException.notFound("crosscheck.error.notFound"));
    }

    /** The hit with its row locked until the transaction ends, read once; another union's hit is not found. */
    private HitView locked(DataScope scope, long hitId) {
        jdbc.sql("select id from crosscheck.cross_check_hit where id = ? for update").param(hitId).query(Long.class).list();
        return find(scope, hitId);
    }

    @Override
    @Transactional
    public List<Hold> unresolved(long batchId) {
        matching.matchBatch(batchId);
        return jdbc.sql("""
                select i.id, i.name, string_agg(distinct l.kind, ',') as kinds
                  from crosscheck.cross_check_hit h join crosscheck.outside_list l on l.id = h.list_id
                  join disbursement.v_batch_item i on i.id = h.batch_item_id
                 where h.batch_id = ? and h.status in ('OPEN', 'EXPLAINED') and i.status = 'PENDING'
                 group by i.id, i.name order by i.id
                """).param(batchId).query((rs, n) -> new Hold(rs.getLong(1), rs.getString(2),
                        String.join("、", java.util.Arrays.stream(rs.getString(3).split(","))
                                .map(k -> OutsideListKind.valueOf(k).label()).toList()))).list();
    }

    @Override
    @Transactional
    public void removed(long itemId, String by) {
        List<Long> ids = jdbc.sql("""
                update crosscheck.cross_check_hit set status = 'REMOVED', resolved_by = ?, resolved_at = now()
                 where batch_item_id = ? and status in ('OPEN', 'EXPLAINED') returning id
                """).param(by).param(itemId).query(Long.class).list();
        for (long id : ids) {
            audit.record("crosscheck.hitRemoved", "cross_check_hit", id, Map.of("item", itemId));
        }
    }
}
