package cn.unionaid.org.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import cn.unionaid.org.OrgLevel;
import cn.unionaid.org.Organisation;
import cn.unionaid.org.OrganisationView;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.DataScope;
import cn.unionaid.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loads and stores organisations. Every read that serves a person takes the reader's scope. */
@Repository
public class OrganisationRepository {

    private static final String VIEW = """
            select o.id, o.code, o.name, o.level, o.parent_id, p.name as parent_name, o.region_code, r.name as region_name,
                   o.path
              from org.organisation o
              left join org.organisation p on p.id = o.parent_id
              left join org.region r on r.code = o.region_code
            """;
    private static final String VISIBLE_PAGE = VIEW + """
             where starts_with(o.path, :scope)
               and (o.name like :pattern or o.code like :pattern)
               and (:after::text is null or o.path > :after)
             order by o.path
             limit :limit
            """;
    private static final String INSERT = """
            insert into org.organisation (id, code, name, level, parent_id, region_code, path)
            values (:id, :code, :name, :level, :parentId, :region, :path)
            """;
    private static final String UPDATE = """
            update org.organisation set name = :name, region_code = :region, version = version + 1
             where id = :id and version = :version
            """;

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OrganisationView> visible(DataScope scope, String likePattern, String afterPath, int limit) {
        return jdbc.sql(VISIBLE_PAGE).param("scope", scope.orgPath()).param("pattern", likePattern)
                .param("after", afterPath).param("limit", limit).query(OrganisationRepository::view).list();
    }

    public Optional<OrganisationView> findView(DataScope scope, long id) {
        return jdbc.sql(VIEW + " where o.id = ? and starts_with(o.path, ?)").param(id).param(scope.orgPath())
                .query(OrganisationRepository::view).optional();
    }

    public Optional<OrganisationView> findViewByCode(DataScope scope, String code) {
        return jdbc.sql(VIEW + " where o.code = ? and starts_with(o.path, ?)").param(code).param(scope.orgPath())
                .query(OrganisationRepository::view).optional();
    }

    public long countVisible(DataScope scope) {
        return jdbc.sql("select count(*) from org.organisation o where starts_with(o.path, ?)").param(scope.orgPath())
                .query(Long.class).single();
    }

    public Optional<Organisation> find(long id) {
        return jdbc.sql("select * from org.organisation where id = ?").param(id).query(OrganisationRepository::aggregate)
                .optional();
    }

    public Optional<Organisation> findRoot() {
        return jdbc.sql("select * from org.organisation where parent_id is null").query(OrganisationRepository::aggregate)
                .optional();
    }

    public boolean codeTaken(String code) {
        return jdbc.sql("select exists(select 1 from org.organisation where code = ?)").param(code).query(Boolean.class)
                .single();
    }

    public Organisation insert(Organisation org, String parentPath) {
        long id = jdbc.sql("select nextval('org.organisation_id_seq')").query(Long.class).single();
        String path = (parentPath == null ? "/" : parentPath) + id + "/";
        jdbc.sql(INSERT).param("id", id).param("code", org.code()).param("name", org.name())
                .param("level", org.level().name()).param("parentId", org.parentId())
                .param("region", org.region() == null ? null : org.region().value()).param("path", path).update();
        return find(id).orElseThrow();
    }

    public void update(Organisation org) {
        int n = jdbc.sql(UPDATE).param("name", org.name())
                .param("region", org.region() == null ? null : org.region().value()).param("id", org.id())
                .param("version", org.version()).update();
        if (n != 1) {
            throw BusinessRuleException.conflict("error.concurrentChange");
        }
    }

    public DataScope scopeOf(long orgId) {
        String path = jdbc.sql("select path from org.organisation where id = ?").param(orgId).query(String.class).single();
        return new DataScope(orgId, path);
    }

    private static Organisation aggregate(ResultSet rs, int n) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        String region = rs.getString("region_code");
        return new Organisation(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                OrgLevel.valueOf(rs.getString("level")), parentId, region == null ? null : new RegionCode(region),
                rs.getString("path"), rs.getInt("version"));
    }

    private static OrganisationView view(ResultSet rs, int n) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new OrganisationView(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                OrgLevel.valueOf(rs.getString("level")), parentId, rs.getString("parent_name"),
                rs.getString("region_code"), rs.getString("region_name"), rs.getString("path"));
    }
}
