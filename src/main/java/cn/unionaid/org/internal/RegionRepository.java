package cn.unionaid.org.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import cn.unionaid.org.Region;
import cn.unionaid.org.SubsistenceStandard;
import cn.unionaid.shared.Money;
import cn.unionaid.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Regions and their 低保 standards. */
@Repository
public class RegionRepository {

    private static final String PAGE = """
            select code, name, level, parent_code from org.region
             where (name like :pattern or code like :pattern)
               and (:after::text is null or code > :after)
             order by code limit :limit
            """;
    private static final String STANDARDS = """
            select * from org.subsistence_standard where region_code = ? order by effective_from desc
            """;
    private static final String STANDARD_AT = """
            select * from org.subsistence_standard where region_code = ? and effective_from <= ?
             order by effective_from desc limit 1
            """;
    private static final String INSERT_STANDARD = """
            insert into org.subsistence_standard (region_code, monthly_fen, effective_from, document_ref, recorded_by)
            values (?, ?, ?, ?, ?)
            """;

    private final JdbcClient jdbc;

    RegionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(RegionCode code) {
        return jdbc.sql("select exists(select 1 from org.region where code = ?)").param(code.value()).query(Boolean.class)
                .single();
    }

    public java.util.Set<String> allCodes() {
        return new java.util.HashSet<>(jdbc.sql("select code from org.region").query(String.class).list());
    }

    public Optional<Region> find(RegionCode code) {
        return jdbc.sql("select code, name, level, parent_code from org.region where code = ?").param(code.value())
                .query(RegionRepository::region).optional();
    }

    /** A region and every region below it (cities, counties), in code order. */
    public List<Region> withinRegion(RegionCode code) {
        return jdbc.sql("""
                select code, name, level, parent_code from org.region
                 where code = :code or parent_code = :code
                    or parent_code in (select code from org.region where parent_code = :code)
                 order by code
                """).param("code", code.value()).query(RegionRepository::region).list();
    }

    public List<Region> page(String likePattern, String after, int limit) {
        return jdbc.sql(PAGE).param("pattern", likePattern).param("after", after).param("limit", limit)
                .query(RegionRepository::region).list();
    }

    public List<SubsistenceStandard> standards(RegionCode code) {
        return jdbc.sql(STANDARDS).param(code.value()).query(RegionRepository::standard).list();
    }

    public Optional<SubsistenceStandard> standardAt(RegionCode code, java.time.LocalDate date) {
        return jdbc.sql(STANDARD_AT).param(code.value()).param(Date.valueOf(date)).query(RegionRepository::standard)
                .optional();
    }

    public boolean standardExists(RegionCode code, java.time.LocalDate effectiveFrom) {
        return jdbc.sql("select exists(select 1 from org.subsistence_standard where region_code = ? and effective_from = ?)")
                .param(code.value()).param(Date.valueOf(effectiveFrom)).query(Boolean.class).single();
    }

    public long insertStandard(RegionCode code, Money monthly, java.time.LocalDate effectiveFrom, String documentRef,
            String recordedBy) {
        jdbc.sql(INSERT_STANDARD).param(code.value()).param(monthly.fen()).param(Date.valueOf(effectiveFrom))
                .param(documentRef).param(recordedBy).update();
        return jdbc.sql("select id from org.subsistence_standard where region_code = ? and effective_from = ?")
                .param(code.value()).param(Date.valueOf(effectiveFrom)).query(Long.class).single();
    }

    private static Region region(ResultSet rs, int n) throws SQLException {
        String parent = rs.getString("parent_code");
        return new Region(new RegionCode(rs.getString("code")), rs.getString("name"),
                cn.unionaid.shared.RegionCode.Level.valueOf(rs.getString("level")),
                parent == null ? null : new RegionCode(parent));
    }

    private static SubsistenceStandard standard(ResultSet rs, int n) throws SQLException {
        return new SubsistenceStandard(rs.getLong("id"), new RegionCode(rs.getString("region_code")),
                Money.ofFen(rs.getLong("monthly_fen")), rs.getDate("effective_from").toLocalDate(),
                rs.getString("document_ref"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }
}
