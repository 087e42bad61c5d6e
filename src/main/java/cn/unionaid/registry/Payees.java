package cn.unionaid.registry;

import java.util.Optional;

import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.db.LargeQueries;
import cn.unionaid.shared.FieldCipher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The payees of disbursement, read within the caller's scope, with whether they may still be paid today. */
@Service
public class Payees {

    /** Why a model worker or a household may not be paid today (null: they may), one rule for one payee and for many. */
    private static final String MODEL_WORKER_REASON = """
            case when not m.archive_open then '档案已注销' when not m.living then '已故'
                 when not m.honour_kept then '荣誉已撤销' end""";
    private static final String HOUSEHOLD_REASON = "case h.status when 'CLOSED' then '档案已注销' when 'LIFTED' then '已脱困' end";

    /** A payee of each kind in the scope; {@code %s} is which of them (one, or any of an array). */
    private static final String MODEL_WORKER = """
            select m.id, m.org_id, m.name, o.name as org_name, m.bank_name, m.bank_card_enc, m.bank_card_bidx,
                   m.bank_card_masked, %s as reason
              from registry.model_worker m join org.v_organisation o on o.id = m.org_id
             where m.id %%s and starts_with(o.path, :scope)
            """.formatted(MODEL_WORKER_REASON);
    private static final String HOUSEHOLD = """
            select h.id, h.org_id, coalesce(hd.name, h.household_no) as name, o.name as org_name, h.bank_name,
                   h.bank_card_enc, h.bank_card_bidx, h.bank_card_masked, %s as reason
              from registry.household h join org.v_organisation o on o.id = h.org_id
              left join registry.household_member hd on hd.household_id = h.id and hd.relation = 'HEAD'
             where h.id %%s and starts_with(o.path, :scope)
            """.formatted(HOUSEHOLD_REASON);
    // Many payees at once: each id with its archive in the scope (or none) and the reason.
    private static final String MODEL_WORKERS_NOT_PAYABLE = """
            select x.id, m.id is not null as in_scope, %s as reason
              from unnest(:ids) as x(id)
              left join (registry.model_worker m join org.v_organisation o on o.id = m.org_id)
                     on m.id = x.id and starts_with(o.path, :scope)
            """.formatted(MODEL_WORKER_REASON);
    private static final String HOUSEHOLDS_NOT_PAYABLE = """
            select x.id, h.id is not null as in_scope, %s as reason
              from unnest(:ids) as x(id)
              left join (registry.household h join org.v_organisation o on o.id = h.org_id)
                     on h.id = x.id and starts_with(o.path, :scope)
            """.formatted(HOUSEHOLD_REASON);

    /** A payee who may not be paid today: gone from the caller's scope, or still in it with the reason. */
    public record NotPayable(long subjectId, boolean inScope, String reason) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final LargeQueries largeQueries;

    Payees(JdbcClient jdbc, FieldCipher cipher, LargeQueries largeQueries) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.largeQueries = largeQueries;
    }

    /**
     * The archives in scope a clerk means by an ID number (by its blind index, never in clear; for a household, any
     * member's) or by a name (a model worker's, a household head's); several when a name is shared, none when unknown.
     */
    @Transactional(readOnly = true)
    public java.util.List<Long> identify(DataScope scope, SubjectType type, String idNumberOrName) {
        String text = idNumberOrName == null ? "" : idNumberOrName.strip();
        byte[] index = null;
        try {
            index = cipher.blindIndex(cn.unionaid.shared.IdNumber.parse(text).value());
        } catch (RuntimeException notAnIdNumber) {
            // a name, then
        }
        String sql = type == SubjectType.MODEL_WORKER
                ? """
                  select m.id from registry.model_worker m join org.v_organisation o on o.id = m.org_id
                   where starts_with(o.path, :scope) and (m.id_number_bidx = :index or (:index is null and m.name = :name))
                   order by m.id limit 5
                  """
                : """
                  select distinct h.id from registry.household h join org.v_organisation o on o.id = h.org_id
                    join registry.household_member x on x.household_id = h.id
                   where starts_with(o.path, :scope)
                     and (x.id_number_bidx = :index or (:index is null and x.relation = 'HEAD' and x.name = :name))
                   order by h.id limit 5
                  """;
        return jdbc.sql(sql).param("scope", scope.orgPath()).param("index", index, java.sql.Types.BINARY).param("name", text)
                .query(Long.class).list();
    }

    /**
     * Of these payees, those who may not be paid today ({@link #find}'s rule), in one query: a province's batch asks
     * about hundreds of thousands at once.
     */
    @Transactional(readOnly = true)
    public java.util.List<NotPayable> notPayable(DataScope scope, SubjectType type, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.List.of();
        }
        return jdbc.sql("select * from (" + (type == SubjectType.MODEL_WORKER ? MODEL_WORKERS_NOT_PAYABLE : HOUSEHOLDS_NOT_PAYABLE)
                        + ") p where not p.in_scope or p.reason is not null")
                .param("ids", ids.toArray(Long[]::new)).param("scope", scope.orgPath())
                .query((rs, n) -> new NotPayable(rs.getLong("id"), rs.getBoolean("in_scope"), rs.getString("reason"))).list();
    }

    @Transactional(readOnly = true)
    public Optional<Payee> find(DataScope scope, SubjectType type, long id) {
        return jdbc.sql((type == SubjectType.MODEL_WORKER ? MODEL_WORKER : HOUSEHOLD).formatted("= :id")).param("id", id)
                .param("scope", scope.orgPath()).query((rs, n) -> payee(rs, type)).optional();
    }

    /**
     * The payees among these ids that are in the scope, in id order, each as {@link #find} gives it, streamed from one
     * query: a batch of a province's run names 800,000.
     */
    @Transactional(readOnly = true)
    public void forEach(DataScope scope, SubjectType type, java.util.Collection<Long> ids,
            java.util.function.Consumer<Payee> each) {
        if (ids.isEmpty()) {
            return;
        }
        largeQueries.streamingNamed().query(
                (type == SubjectType.MODEL_WORKER ? MODEL_WORKER : HOUSEHOLD).formatted("= any(:ids)") + " order by 1",
                new MapSqlParameterSource("ids", ids.toArray(Long[]::new))
                        .addValue("scope", scope.orgPath()),
                (java.sql.ResultSet rs) -> {
                    each.accept(payee(rs, type));
                });
    }

    private static Payee payee(java.sql.ResultSet rs, SubjectType type) throws java.sql.SQLException {
        String reason = rs.getString("reason");
        return new Payee(type, rs.getLong("id"), rs.getLong("org_id"), rs.getString("name"), rs.getString("org_name"),
                rs.getString("bank_name"), rs.getBytes("bank_card_enc"), rs.getBytes("bank_card_bidx"),
                rs.getString("bank_card_masked"), reason == null, reason);
    }
}
