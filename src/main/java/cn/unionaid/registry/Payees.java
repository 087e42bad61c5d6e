package cn.unionaid.registry;

import java.util.Optional;

import cn.unionaid.platform.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The payees of disbursement, read within the caller's scope, with whether they may still be paid today. */
@Service
public class Payees {

    private static final String MODEL_WORKER = """
            select m.id, m.org_id, m.name, o.name as org_name, m.bank_name, m.bank_card_enc, m.bank_card_bidx,
                   m.bank_card_masked,
                   case when not m.archive_open then '档案已注销' when not m.living then '已故'
                        when not m.honour_kept then '荣誉已撤销' end as reason
              from model_worker m join organisation o on o.id = m.org_id
             where m.id = ? and starts_with(o.path, ?)
            """;
    private static final String HOUSEHOLD = """
            select h.id, h.org_id, coalesce(hd.name, h.household_no) as name, o.name as org_name, h.bank_name,
                   h.bank_card_enc, h.bank_card_bidx, h.bank_card_masked,
                   case h.status when 'CLOSED' then '档案已注销' when 'LIFTED' then '已脱困' end as reason
              from household h join organisation o on o.id = h.org_id
              left join household_member hd on hd.household_id = h.id and hd.relation = 'HEAD'
             where h.id = ? and starts_with(o.path, ?)
            """;

    private final JdbcClient jdbc;

    Payees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<Payee> find(DataScope scope, SubjectType type, long id) {
        return jdbc.sql(type == SubjectType.MODEL_WORKER ? MODEL_WORKER : HOUSEHOLD).param(id).param(scope.orgPath())
                .query((rs, n) -> {
                    String reason = rs.getString("reason");
                    return new Payee(type, rs.getLong("id"), rs.getLong("org_id"), rs.getString("name"),
                            rs.getString("org_name"), rs.getString("bank_name"), rs.getBytes("bank_card_enc"),
                            rs.getBytes("bank_card_bidx"), rs.getString("bank_card_masked"), reason == null, reason);
                }).optional();
    }
}
