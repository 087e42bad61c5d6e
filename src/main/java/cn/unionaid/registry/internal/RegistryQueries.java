package cn.unionaid.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.unionaid.platform.DataScope;
import cn.unionaid.registry.Employment;
import cn.unionaid.registry.HardshipCategory;
import cn.unionaid.registry.Honour;
import cn.unionaid.registry.HouseholdView;
import cn.unionaid.registry.ModelWorkerView;
import cn.unionaid.registry.Relation;
import cn.unionaid.registry.RegistryFilter;
import cn.unionaid.shared.FieldCipher;
import cn.unionaid.shared.IdNumber;
import cn.unionaid.shared.Money;
import cn.unionaid.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry lists: one SQL text per list whose optional filters switch off when their parameter is null,
 * scoped by the reader's organisation path and keyset-paged on the id.
 */
@Repository
public class RegistryQueries {

    private static final String MW_FROM = """
              from model_worker m
              join organisation o on o.id = m.org_id
              left join region r on r.code = m.region_code
             where starts_with(o.path, :scope)
               and (:q::text is null or m.name like :q)
               and (:bidx::bytea is null or m.id_number_bidx = :bidx)
               and (:region::text is null or m.region_code like :region)
               and (:honour::text is null or m.honour = :honour)
               and (:status::text is null
                    or (:status = 'IN_REGISTER' and m.archive_open and m.living and m.honour_kept)
                    or (:status = 'DECEASED' and not m.living)
                    or (:status = 'REVOKED' and not m.honour_kept)
                    or (:status = 'CLOSED' and not m.archive_open))
            """;
    private static final String MW_SELECT = """
            select m.*, o.name as org_name, r.name as region_name
            """;
    private static final String HH_FROM = """
              from household h
              join organisation o on o.id = h.org_id
              left join region r on r.code = h.region_code
              left join household_member hd on hd.household_id = h.id and hd.relation = 'HEAD'
             where starts_with(o.path, :scope)
               and (:q::text is null or h.household_no like :q
                    or exists (select 1 from household_member q where q.household_id = h.id and q.name like :q))
               and (:bidx::bytea is null
                    or exists (select 1 from household_member b where b.household_id = h.id and b.id_number_bidx = :bidx))
               and (:region::text is null or h.region_code like :region)
               and (:category::text is null or h.category = :category)
               and (:status::text is null or h.status = :status)
            """;
    private static final String HH_SELECT = """
            select h.*, o.name as org_name, r.name as region_name, hd.name as head_name,
                   hd.id_number_masked as head_masked,
                   (select count(*) from household_member c where c.household_id = h.id) as member_count,
                   (select sum(c.monthly_income_fen) from household_member c where c.household_id = h.id) as income_total
            """;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    RegistryQueries(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public List<ModelWorkerView> modelWorkers(DataScope scope, RegistryFilter f, Long after, int limit) {
        return bind(jdbc.sql(MW_SELECT + MW_FROM + " and (:after::bigint is null or m.id > :after) order by m.id limit :limit"),
                scope, f).param("after", after).param("limit", limit).query(RegistryQueries::modelWorker).list();
    }

    public long countModelWorkers(DataScope scope, RegistryFilter f) {
        return bind(jdbc.sql("select count(*) " + MW_FROM), scope, f).query(Long.class).single();
    }

    public Optional<ModelWorkerView> modelWorker(DataScope scope, long id) {
        return bind(jdbc.sql(MW_SELECT + MW_FROM + " and m.id = :id"), scope, RegistryFilter.none()).param("id", id)
                .query(RegistryQueries::modelWorker).optional();
    }

    public List<HouseholdView> households(DataScope scope, RegistryFilter f, Long after, int limit) {
        return bind(jdbc.sql(HH_SELECT + HH_FROM + " and (:after::bigint is null or h.id > :after) order by h.id limit :limit"),
                scope, f).param("after", after).param("limit", limit).query((rs, n) -> household(rs, List.of())).list();
    }

    public long countHouseholds(DataScope scope, RegistryFilter f) {
        return bind(jdbc.sql("select count(*) " + HH_FROM), scope, f).query(Long.class).single();
    }

    public Optional<HouseholdView> household(DataScope scope, long id) {
        List<HouseholdView.Member> members = jdbc.sql("""
                select * from household_member where household_id = ? order by relation = 'HEAD' desc, id
                """).param(id).query((rs, n) -> new HouseholdView.Member(rs.getLong("id"),
                Relation.valueOf(rs.getString("relation")), rs.getString("name"), rs.getString("id_number_masked"),
                rs.getString("sex"), rs.getDate("birth_date").toLocalDate().toString(),
                Money.ofFen(rs.getLong("monthly_income_fen")).toYuanString(), rs.getString("health"))).list();
        return bind(jdbc.sql(HH_SELECT + HH_FROM + " and h.id = :id"), scope, RegistryFilter.none()).param("id", id)
                .query((rs, n) -> household(rs, members)).optional();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope, RegistryFilter f) {
        return spec.param("scope", scope.orgPath())
                .param("q", blank(f.q()) ? null : "%" + f.q().strip().replace("%", "\\%").replace("_", "\\_") + "%")
                .param("bidx", blank(f.idNumber()) ? null : cipher.blindIndex(IdNumber.parse(f.idNumber()).value()))
                .param("region", blank(f.region()) ? null : regionPattern(RegionCode.of(f.region())))
                .param("honour", blank(f.honour()) ? null : constant(Honour.class, f.honour()))
                .param("category", blank(f.category()) ? null : constant(HardshipCategory.class, f.category()))
                .param("status", blank(f.status()) ? null : f.status());
    }

    private static String regionPattern(RegionCode region) {
        return switch (region.level()) {
            case PROVINCE -> region.value().substring(0, 2) + "%";
            case CITY -> region.value().substring(0, 4) + "%";
            case COUNTY -> region.value();
        };
    }

    private static <E extends Enum<E>> String constant(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.strip()).name();
        } catch (IllegalArgumentException e) {
            throw new cn.unionaid.shared.InvalidValueException("registry.error.filter");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ModelWorkerView modelWorker(ResultSet rs, int n) throws SQLException {
        long income = rs.getLong("monthly_income_fen");
        boolean noIncome = rs.wasNull();
        int year = rs.getInt("honour_year");
        Integer honourYear = rs.wasNull() ? null : year;
        java.sql.Date month = rs.getDate("income_month");
        return new ModelWorkerView(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("name"),
                rs.getString("id_number_masked"), rs.getString("sex"), rs.getDate("birth_date").toLocalDate(),
                Honour.valueOf(rs.getString("honour")), honourYear, Employment.valueOf(rs.getString("employment")),
                rs.getString("employer"), rs.getString("region_code"), rs.getString("region_name"),
                noIncome ? null : Money.ofFen(income).toYuanString(),
                month == null ? null : month.toLocalDate().toString().substring(0, 7), rs.getString("phone_masked"),
                rs.getString("bank_name"), rs.getString("bank_card_masked"), rs.getBoolean("living"),
                rs.getBoolean("honour_kept"), rs.getBoolean("archive_open"), rs.getString("remark"));
    }

    private static HouseholdView household(ResultSet rs, List<HouseholdView.Member> members) throws SQLException {
        int count = rs.getInt("member_count");
        long total = rs.getLong("income_total");
        String perHead = count == 0 ? null
                : new java.math.BigDecimal(total).divide(java.math.BigDecimal.valueOf(100L * count), 2,
                        java.math.RoundingMode.HALF_UP).toPlainString();
        return new HouseholdView(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"),
                rs.getString("household_no"), HardshipCategory.valueOf(rs.getString("category")),
                rs.getString("main_cause"), rs.getString("housing"), rs.getString("head_name"),
                rs.getString("head_masked"), count, perHead, rs.getString("region_code"), rs.getString("region_name"),
                rs.getString("bank_name"), rs.getString("bank_card_masked"), rs.getString("status"), members);
    }

    /** Model workers in the register on a date, as their archives stood then (events up to and including it). */
    public List<Long> eligibleModelWorkersOn(DataScope scope, LocalDate date) {
        return jdbc.sql("""
                select m.id from model_worker m join organisation o on o.id = m.org_id
                 where starts_with(o.path, :scope)
                   and exists (select 1 from registry_event e where e.subject_type = 'MODEL_WORKER' and e.subject_id = m.id
                                  and e.kind = 'OPENED' and e.event_date <= :d)
                   and not exists (select 1 from registry_event e where e.subject_type = 'MODEL_WORKER'
                                      and e.subject_id = m.id and e.event_date <= :d
                                      and e.kind in ('DECEASED', 'HONOUR_REVOKED', 'CLOSED'))
                 order by m.id
                """).param("scope", scope.orgPath()).param("d", java.sql.Date.valueOf(date)).query(Long.class).list();
    }
}
