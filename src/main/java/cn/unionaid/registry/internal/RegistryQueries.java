package cn.unionaid.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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
 * The registry lists: each list's SQL carries only the filters the reader set (so that PostgreSQL plans each
 * shape with its own indexes rather than one generic plan for all), scoped by the reader's organisation path and
 * keyset-paged on the id. A list's count stops at {@link #COUNT_CAP}: beyond it a page says "more than".
 */
@Repository
public class RegistryQueries {

    /** Counting a province's million rows on every page would cost more than the page; above this it says "more". */
    public static final int COUNT_CAP = 1_000;

    /** Where the rows a list may show are found (enough to count them), and what it displays besides. */
    private static final String SCOPE = " where starts_with(o.path, :scope)\n";
    private static final String MW_TABLES = " from registry.model_worker m join org.v_organisation o on o.id = m.org_id\n";
    private static final String MW_FROM = MW_TABLES + SCOPE;
    private static final String MW_SHOWN = MW_TABLES + " left join org.v_region r on r.code = m.region_code\n" + SCOPE;
    private static final String MW_SELECT = """
            select m.*, o.name as org_name, r.name as region_name
            """;
    private static final String HH_TABLES = " from registry.household h join org.v_organisation o on o.id = h.org_id\n";
    private static final String HH_FROM = HH_TABLES + SCOPE;
    private static final String HH_SHOWN = HH_TABLES + """
             left join org.v_region r on r.code = h.region_code
             left join registry.household_member hd on hd.household_id = h.id and hd.relation = 'HEAD'
            """ + SCOPE;
    private static final String HH_SELECT = """
            select h.*, o.name as org_name, r.name as region_name, hd.name as head_name,
                   hd.id_number_masked as head_masked,
                   (select count(*) from registry.household_member c where c.household_id = h.id) as member_count,
                   (select sum(c.monthly_income_fen) from registry.household_member c where c.household_id = h.id) as income_total
            """;

    /** A model worker's standing as the list filters it (在册, 已故, 已撤销荣誉, 已注销). */
    private enum WorkerStatus {
        IN_REGISTER("m.archive_open and m.living and m.honour_kept"),
        DECEASED("not m.living"),
        REVOKED("not m.honour_kept"),
        CLOSED("not m.archive_open");

        final String predicate;

        WorkerStatus(String predicate) {
            this.predicate = predicate;
        }
    }

    /** The conditions a filter adds to a list's SQL, with their parameters. */
    private static final class Where {
        final StringBuilder sql = new StringBuilder();
        final Map<String, Object> params = new LinkedHashMap<>();

        Where(DataScope scope) {
            params.put("scope", scope.orgPath());
        }

        /** Adds a condition with its parameter when {@code when}: neither is computed otherwise. */
        Where and(boolean when, Supplier<String> predicate, String name, Supplier<Object> value) {
            if (when) {
                sql.append(" and ").append(predicate.get());
                params.put(name, value.get());
            }
            return this;
        }

        Where and(boolean when, String predicate, String name, Supplier<Object> value) {
            return and(when, () -> predicate, name, value);
        }

        /** Adds a condition without parameter when {@code when}. */
        Where and(boolean when, Supplier<String> predicate) {
            if (when) {
                sql.append(" and ").append(predicate.get());
            }
            return this;
        }

        JdbcClient.StatementSpec apply(JdbcClient.StatementSpec spec) {
            params.forEach(spec::param);
            return spec;
        }
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    RegistryQueries(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    private Where modelWorkerWhere(DataScope scope, RegistryFilter f) {
        return new Where(scope)
                .and(!blank(f.q()) && !isIdTail(f.q()), "m.name like :q", "q", () -> contains(f.q()))
                // two characters have no trigram to search by: their bigram index (V27) finds the candidates
                .and(isTwoCharacters(f.q()), "registry.name_bigrams(m.name) @> array[cast(:bigram as text)]", "bigram",
                        () -> f.q().strip())
                .and(isIdTail(f.q()), "m.id_number_masked like :tail", "tail", () -> "%" + f.q().strip())
                .and(!blank(f.idNumber()), "m.id_number_bidx = :bidx", "bidx", () -> blindIndex(f.idNumber()))
                .and(isRegionCode(f.region()), () -> regionPredicate("m", f.region()), "region", () -> regionValue(f.region()))
                .and(isRegionName(f.region()), REGION_NAMED.formatted("m"), "regionName", () -> contains(f.region()))
                .and(!blank(f.honour()), "m.honour = :honour", "honour", () -> constant(Honour.class, f.honour()))
                .and(!blank(f.status()), () -> constant(WorkerStatus.class, f.status(), s -> s.predicate));
    }

    private Where householdWhere(DataScope scope, RegistryFilter f) {
        return new Where(scope)
                .and(!blank(f.q()) && !isIdTail(f.q()), "(h.household_no like :q or exists (select 1 from registry.household_member q "
                        + "where q.household_id = h.id and q.name like :q))", "q", () -> contains(f.q()))
                .and(isIdTail(f.q()), "exists (select 1 from registry.household_member t where t.household_id = h.id "
                        + "and t.id_number_masked like :tail)", "tail", () -> "%" + f.q().strip())
                .and(!blank(f.idNumber()), "exists (select 1 from registry.household_member b where b.household_id = h.id "
                        + "and b.id_number_bidx = :bidx)", "bidx", () -> blindIndex(f.idNumber()))
                .and(isRegionCode(f.region()), () -> regionPredicate("h", f.region()), "region", () -> regionValue(f.region()))
                .and(isRegionName(f.region()), REGION_NAMED.formatted("h"), "regionName", () -> contains(f.region()))
                .and(!blank(f.category()), "h.category = :category", "category",
                        () -> constant(HardshipCategory.class, f.category()))
                .and(!blank(f.status()), "h.status = :status", "status", () -> f.status().strip());
    }

    public List<ModelWorkerView> modelWorkers(DataScope scope, RegistryFilter f, Long after, int limit) {
        Where w = modelWorkerWhere(scope, f).and(after != null, "m.id > :after", "after", () -> after);
        return w.apply(jdbc.sql(MW_SELECT + MW_SHOWN + w.sql + " order by m.id limit :limit")).param("limit", limit)
                .query(RegistryQueries::modelWorker).list();
    }

    /** How many match: exactly, or (capped) counted up to {@link #COUNT_CAP} + 1. */
    public long countModelWorkers(DataScope scope, RegistryFilter f, boolean capped) {
        Where w = modelWorkerWhere(scope, f);
        return w.apply(jdbc.sql(count(MW_FROM + w.sql, capped))).query(Long.class).single();
    }

    private static String count(String fromWhere, boolean capped) {
        return capped ? "select count(*) from (select 1 " + fromWhere + " limit " + (COUNT_CAP + 1) + ") x"
                : "select count(*) " + fromWhere;
    }

    public Optional<ModelWorkerView> modelWorker(DataScope scope, long id) {
        return new Where(scope).apply(jdbc.sql(MW_SELECT + MW_SHOWN + " and m.id = :id")).param("id", id)
                .query(RegistryQueries::modelWorker).optional();
    }

    public List<HouseholdView> households(DataScope scope, RegistryFilter f, Long after, int limit) {
        Where w = householdWhere(scope, f).and(after != null, "h.id > :after", "after", () -> after);
        return w.apply(jdbc.sql(HH_SELECT + HH_SHOWN + w.sql + " order by h.id limit :limit")).param("limit", limit)
                .query((rs, n) -> household(rs, List.of())).list();
    }

    /** How many match: exactly, or (capped) counted up to {@link #COUNT_CAP} + 1. */
    public long countHouseholds(DataScope scope, RegistryFilter f, boolean capped) {
        Where w = householdWhere(scope, f);
        return w.apply(jdbc.sql(count(HH_FROM + w.sql, capped))).query(Long.class).single();
    }

    public Optional<HouseholdView> household(DataScope scope, long id) {
        List<HouseholdView.Member> members = jdbc.sql("""
                select * from registry.household_member where household_id = ? order by relation = 'HEAD' desc, id
                """).param(id).query((rs, n) -> new HouseholdView.Member(rs.getLong("id"),
                Relation.valueOf(rs.getString("relation")), rs.getString("name"), rs.getString("id_number_masked"),
                rs.getString("sex"), rs.getDate("birth_date").toLocalDate().toString(),
                Money.ofFen(rs.getLong("monthly_income_fen")).toYuanString(),
                rs.getBytes("health_enc") == null ? null : cipher.decrypt(rs.getBytes("health_enc")))).list();
        return new Where(scope).apply(jdbc.sql(HH_SELECT + HH_SHOWN + " and h.id = :id")).param("id", id)
                .query((rs, n) -> household(rs, members)).optional();
    }

    private static String contains(String q) {
        return "%" + q.strip().replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private byte[] blindIndex(String idNumber) {
        return cipher.blindIndex(IdNumber.parse(idNumber).value());
    }

    /** A region given by name (益阳, 赫山区): it and every region below it. */
    private static final String REGION_NAMED = """
            %s.region_code in (select d.code from org.v_region d left join org.v_region p on p.code = d.parent_code
                                 left join org.v_region g on g.code = p.parent_code
                                where d.name like :regionName or p.name like :regionName or g.name like :regionName)""";

    /** The last digits of an ID number (3 to 6), as people quote them: matched against the masked copy's tail. */
    private static boolean isTwoCharacters(String q) {
        return q != null && !isIdTail(q) && q.strip().codePointCount(0, q.strip().length()) == 2;
    }

    private static boolean isIdTail(String q) {
        return q != null && q.strip().matches("\\d{3}[\\dXx]?|\\d{4,5}[\\dXx]");
    }

    /**
     * A region given by its code: a county's six digits, or the two or four a province's or city's codes begin with (43,
     * 4309), as people shorten them. Anything else with a digit in it is a mistyped code, refused with the rule
     * ({@link RegionCode#of}), rather than searched for as a name no region has.
     */
    private static boolean isRegionCode(String region) {
        return region != null && region.strip().matches(".*[0-9].*");
    }

    private static boolean isRegionName(String region) {
        return region != null && !region.isBlank() && !isRegionCode(region);
    }

    /**
     * A county is matched exactly; a city or province as the range of the codes under it (430900 to 430999), which
     * the (region, union) index answers alone. A LIKE on the code's prefix read the whole register: the code is
     * char(6) and LIKE compares text, so no index served it (the scale harness: a city's count read 16,000 rows).
     */
    private static String regionPredicate(String alias, String region) {
        return RegionCode.of(region).level() == RegionCode.Level.COUNTY ? alias + ".region_code = :region"
                : alias + ".region_code between cast(rpad(:region, 6, '0') as char(6)) and cast(rpad(:region, 6, '9') as char(6))";
    }

    /** The county's code, or the prefix a city's (4 digits) or province's (2 digits) codes share. */
    private static String regionValue(String text) {
        RegionCode region = RegionCode.of(text);
        return switch (region.level()) {
            case PROVINCE -> region.value().substring(0, 2);
            case CITY -> region.value().substring(0, 4);
            case COUNTY -> region.value();
        };
    }

    private static <E extends Enum<E>, T> T constant(Class<E> type, String name, java.util.function.Function<E, T> then) {
        return then.apply(Enum.valueOf(type, constant(type, name)));
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
                select m.id from registry.model_worker m join org.v_organisation o on o.id = m.org_id
                 where starts_with(o.path, :scope)
                   and exists (select 1 from registry.registry_event e where e.subject_type = 'MODEL_WORKER' and e.subject_id = m.id
                                  and e.kind = 'OPENED' and e.event_date <= :d)
                   and not exists (select 1 from registry.registry_event e where e.subject_type = 'MODEL_WORKER'
                                      and e.subject_id = m.id and e.event_date <= :d
                                      and e.kind in ('DECEASED', 'HONOUR_REVOKED', 'CLOSED'))
                 order by m.id
                """).param("scope", scope.orgPath()).param("d", java.sql.Date.valueOf(date)).query(Long.class).list();
    }
}
