package cn.unionaid.funds;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.funds.internal.LedgerRepository;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.documents.Documents;
import cn.unionaid.shared.FundSource;
import cn.unionaid.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 下拨 to lower unions (seed 004): money leaves this union's ledger for the source, arrives in the lower union's
 * ledger of the same source as its receipt, and the 拨款通知单 (total, source, nature, amount, conditions of use)
 * comes out as DOCX and PDF.
 */
@Service
public class Allocations {

    private static final String VIEW = """
            select a.*, f.name as from_name, t.name as to_name from funds.allocation a
              join org.v_organisation f on f.id = a.org_id join org.v_organisation t on t.id = a.to_org_id
            """;

    private final LedgerRepository ledger;
    private final Funds funds;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    Allocations(LedgerRepository ledger, Funds funds, JdbcClient jdbc, AuditLog audit) {
        this.ledger = ledger;
        this.funds = funds;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('FINANCE')")
    @Transactional
    public Allocation allocate(DataScope scope, int year, FundSource source, long toOrgId, Money amount, String nature,
            String conditions, LocalDate date) {
        boolean below = jdbc.sql("select exists(select 1 from org.v_organisation where id = ? and starts_with(path, ?) and id <> ?)")
                .param(toOrgId).param(scope.orgPath()).param(scope.orgId()).query(Boolean.class).single();
        if (!below) {
            throw BusinessRuleException.invalid("funds.error.allocationTarget");
        }
        if (source == null || amount == null || amount.fen() <= 0 || date == null || nature == null || nature.isBlank()
                || conditions == null || conditions.isBlank()) {
            throw BusinessRuleException.invalid("funds.error.allocation");
        }
        funds.checkAvailable(scope.orgId(), year, source, amount.fen());
        long id = jdbc.sql("select nextval('funds.allocation_id_seq')").query(Long.class).single();
        String notice = year + "年拨字第" + id + "号";
        String by = CurrentUser.require().getUsername();
        jdbc.sql("""
                insert into funds.allocation (id, org_id, to_org_id, year, source, amount_fen, nature, conditions, notice_no,
                                        allocated_on, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).param(id).param(scope.orgId()).param(toOrgId).param(year).param(source.name()).param(amount.fen())
                .param(nature.strip()).param(conditions.strip()).param(notice).param(Date.valueOf(date)).param(by).update();
        ledger.append(scope.orgId(), year, source, null, LedgerKind.ALLOCATION_OUT, date, amount.fen(), notice, null, null,
                nature.strip(), by);
        ledger.append(toOrgId, year, source, null, LedgerKind.ALLOCATION_IN, date, amount.fen(), notice, null, null,
                nature.strip(), by);
        jdbc.sql("""
                insert into funds.fund_receipt (org_id, year, source, received_on, amount_fen, voucher, note, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).param(toOrgId).param(year).param(source.name()).param(Date.valueOf(date)).param(amount.fen())
                .param(notice).param("上级下拨：" + nature.strip()).param(by).update();
        audit.record("funds.allocated", "allocation", id, Map.of("toOrgId", toOrgId, "source", source.name(),
                "amountFen", amount.fen(), "notice", notice));
        return find(scope, id);
    }

    @PreAuthorize(Funds.READERS)
    @Transactional(readOnly = true)
    public List<Allocation> list(DataScope scope, int year) {
        return jdbc.sql(VIEW + " where (starts_with(f.path, ?) or starts_with(t.path, ?)) and a.year = ? order by a.id")
                .param(scope.orgPath()).param(scope.orgPath()).param(year).query(Allocations::allocation).list();
    }

    @PreAuthorize(Funds.READERS)
    @Transactional(readOnly = true)
    public Allocation find(DataScope scope, long id) {
        return jdbc.sql(VIEW + " where a.id = ? and (starts_with(f.path, ?) or starts_with(t.path, ?))").param(id)
                .param(scope.orgPath()).param(scope.orgPath()).query(Allocations::allocation).optional()
                .orElseThrow(() -> BusinessRuleException.notFound("funds.error.allocationNotFound"));
    }

    /** The 拨款通知单 of an allocation. */
    @PreAuthorize(Funds.READERS)
    @Transactional(readOnly = true)
    public Documents.Simple notice(DataScope scope, long id) {
        Allocation a = find(scope, id);
        String total = Money.ofFen(a.amountFen()).toYuanString();
        return new Documents.Simple("拨款通知单", List.of(a.toOrg() + "：",
                "现将" + a.year() + "年度" + a.source().label() + "帮扶资金" + total + "元（"
                        + Money.ofFen(a.amountFen()).toWanYuanString() + "万元，人民币大写" + Money.ofFen(a.amountFen())
                        .toChineseCapitals() + "）拨付你单位，请按规定专款专用、专账核算。",
                "通知单编号：" + a.noticeNo()),
                List.of(List.of("资金总额（元）", "资金来源", "资金性质", "本次拨付（元）", "使用要求"),
                        List.of(total, a.source().label(), a.nature(), total, a.conditions())),
                List.of(a.fromOrg(), cn.unionaid.shared.ChineseDates.format(a.allocatedOn())));
    }

    private static Allocation allocation(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Allocation(rs.getLong("id"), rs.getString("from_name"), rs.getString("to_name"), rs.getInt("year"),
                FundSource.valueOf(rs.getString("source")), rs.getLong("amount_fen"), rs.getString("nature"),
                rs.getString("conditions"), rs.getString("notice_no"), rs.getDate("allocated_on").toLocalDate(),
                rs.getString("created_by"));
    }
}
