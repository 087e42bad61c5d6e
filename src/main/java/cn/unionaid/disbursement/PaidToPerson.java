package cn.unionaid.disbursement;

import java.util.List;

import cn.unionaid.platform.DataScope;
import cn.unionaid.registry.PaymentHistory;
import cn.unionaid.registry.SubjectType;
import cn.unionaid.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A person's (or household's) payment history for their archive page: every item, its batch and its status. */
@Component
class PaidToPerson implements PaymentHistory {

    private static final String ITEMS = """
            select b.id as batch_id, b.title, p.name as program, i.amount_fen, i.status, i.status_note, i.card_masked,
                   coalesce(b.decided_on, b.created_at::date) as on_date
              from disbursement.batch_item i join disbursement.batch b on b.id = i.batch_id join policy.v_program p on p.id = b.program_id
              join org.v_organisation o on o.id = b.org_id
             where i.subject_type = ? and i.subject_id = ? and starts_with(o.path, ?)
             order by on_date desc, i.id desc
            """;

    private final JdbcClient jdbc;

    PaidToPerson(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PaymentRecord> of(DataScope scope, SubjectType type, long id) {
        return jdbc.sql(ITEMS).param(type.name()).param(id).param(scope.orgPath())
                .query((rs, n) -> new PaymentRecord(rs.getLong("batch_id"), rs.getString("title"), rs.getString("program"),
                        Money.ofFen(rs.getLong("amount_fen")).toYuanString(),
                        ItemStatus.valueOf(rs.getString("status")).label(), rs.getString("status_note"),
                        rs.getString("card_masked"), rs.getDate("on_date").toLocalDate()))
                .list();
    }
}
