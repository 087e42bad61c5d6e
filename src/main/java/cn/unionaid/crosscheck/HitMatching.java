package cn.unionaid.crosscheck;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Matching, set-based: a list's entries against the archives in the uploading union's subtree (a model worker by their
 * ID number, a household by any member's), and against the pending payments of batches not yet paid; or one batch's
 * payments against every live list. A hit is written once ({@code cross_check_hit_once}); matching again adds only
 * what is new.
 */
@Component
class HitMatching {

    private static final String MATCHES = """
            with lists as (
                select l.id, l.kind, lo.path from crosscheck.outside_list l join org.v_organisation lo on lo.id = l.org_id
                 where l.purged_at is null and l.id = :list
            ), matches as (
                select 'MODEL_WORKER' as subject_type, m.id as subject_id, m.org_id, e.list_id, e.row_no,
                       m.archive_open and (l.kind <> 'DEATH' or m.living) as active
                  from crosscheck.outside_list_entry e join lists l on l.id = e.list_id
                  join registry.v_model_worker m on m.id_number_bidx = e.id_number_bidx
                  join org.v_organisation o on o.id = m.org_id
                 where starts_with(o.path, l.path)
                union
                select 'HOUSEHOLD', h.id, h.org_id, e.list_id, e.row_no, h.status = 'IN_FILE'
                  from crosscheck.outside_list_entry e join lists l on l.id = e.list_id
                  join registry.v_household_member x on x.id_number_bidx = e.id_number_bidx
                  join registry.v_household h on h.id = x.household_id
                  join org.v_organisation o on o.id = h.org_id
                 where starts_with(o.path, l.path)
            )
            """;
    private static final String ARCHIVE_HITS = MATCHES + """
            insert into crosscheck.cross_check_hit (org_id, list_id, row_no, subject_type, subject_id)
            select org_id, list_id, row_no, subject_type, subject_id from matches where active
            on conflict do nothing
            """;
    private static final String PAYMENT_HITS = MATCHES + """
            insert into crosscheck.cross_check_hit (org_id, list_id, row_no, subject_type, subject_id, batch_id, batch_item_id)
            select b.org_id, m.list_id, m.row_no, m.subject_type, m.subject_id, b.id, i.id
              from matches m join disbursement.v_batch_item i on i.subject_type = m.subject_type and i.subject_id = m.subject_id
              join disbursement.v_batch b on b.id = i.batch_id
             where i.status = 'PENDING' and b.status in %s
            on conflict do nothing
            """.formatted(cn.unionaid.disbursement.BatchStatus.notYetPaidSql());
    private static final String BATCH_HITS = """
            insert into crosscheck.cross_check_hit (org_id, list_id, row_no, subject_type, subject_id, batch_id, batch_item_id)
            select b.org_id, e.list_id, e.row_no, i.subject_type, i.subject_id, b.id, i.id
              from disbursement.v_batch b join disbursement.v_batch_item i on i.batch_id = b.id and i.status = 'PENDING'
              join lateral (
                    select m.id_number_bidx as bidx from registry.v_model_worker m
                     where i.subject_type = 'MODEL_WORKER' and m.id = i.subject_id
                    union all
                    select x.id_number_bidx from registry.v_household_member x
                     where i.subject_type = 'HOUSEHOLD' and x.household_id = i.subject_id
                   ) p on true
              join crosscheck.outside_list_entry e on e.id_number_bidx = p.bidx
              join crosscheck.outside_list l on l.id = e.list_id and l.purged_at is null
              join org.v_organisation lo on lo.id = l.org_id
              join org.v_organisation o on o.id = b.org_id
             where b.id = ? and starts_with(o.path, lo.path)
            on conflict do nothing
            """;

    /** What a matching added. */
    record Counts(long archives, long payments) {
    }

    private final JdbcClient jdbc;

    HitMatching(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Counts matchList(long listId) {
        int archives = jdbc.sql(ARCHIVE_HITS).param("list", listId).update();
        int payments = jdbc.sql(PAYMENT_HITS).param("list", listId).update();
        return new Counts(archives, payments);
    }

    int matchBatch(long batchId) {
        return jdbc.sql(BATCH_HITS).param(batchId).update();
    }
}
