package cn.unionaid.policy.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.unionaid.policy.ParameterDefinition;
import cn.unionaid.policy.ParameterUnit;
import cn.unionaid.policy.ParameterVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Parameter definitions and their versions. */
@Repository
public class ParameterRepository {

    private static final String VERSIONS = """
            select v.*, d.unit, o.name as org_name, o.path as org_path
              from policy.parameter_version v join policy.parameter_definition d on d.key = v.key
              join org.v_organisation o on o.id = v.org_id
            """;

    private final JdbcClient jdbc;

    ParameterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ParameterDefinition> definitions() {
        return jdbc.sql("select * from policy.parameter_definition order by key").query((rs, n) -> new ParameterDefinition(
                rs.getString("key"), rs.getString("name"), ParameterUnit.valueOf(rs.getString("unit")))).list();
    }

    public Optional<ParameterDefinition> definition(String key) {
        return jdbc.sql("select * from policy.parameter_definition where key = ?").param(key).query((rs, n) ->
                new ParameterDefinition(rs.getString("key"), rs.getString("name"), ParameterUnit.valueOf(rs.getString("unit"))))
                .optional();
    }

    public void define(ParameterDefinition d, String by) {
        jdbc.sql("insert into policy.parameter_definition (key, name, unit, created_by) values (?, ?, ?, ?)").param(d.key())
                .param(d.name()).param(d.unit().name()).param(by).update();
    }

    /** The versions of a standard a user of the union at {@code orgPath} sees: their union's, those above and below. */
    public List<ParameterVersion> versions(String key, String orgPath) {
        return jdbc.sql(VERSIONS + """
                 where v.key = ? and (starts_with(o.path, ?) or starts_with(?, o.path))
                 order by v.effective_from desc, v.region_code nulls first, v.id desc
                """).param(key).param(orgPath).param(orgPath).query(ParameterRepository::version).list();
    }

    /**
     * Every version of these keys that a run of a program of union {@code programOrgId} may use: approved ones (and
     * proposed ones for a what-if) set by that union or a union above it, never by another union.
     */
    public List<ParameterVersion> usable(Collection<String> keys, LocalDate onOrBefore, boolean includeProposed,
            long programOrgId) {
        return jdbc.sql(VERSIONS + """
                 where v.key = any(?) and v.effective_from <= ?
                   and (v.status = 'APPROVED' or (? and v.status = 'PROPOSED'))
                   and starts_with((select p.path from org.v_organisation p where p.id = ?), o.path)
                """).param(keys.toArray(String[]::new)).param(Date.valueOf(onOrBefore)).param(includeProposed)
                .param(programOrgId).query(ParameterRepository::version).list();
    }

    public Optional<ParameterVersion> version(long id) {
        return jdbc.sql(VERSIONS + " where v.id = ?").param(id).query(ParameterRepository::version).optional();
    }

    /** Proposals of the unions within {@code orgPath} (a user's scope), oldest first. */
    public List<ParameterVersion> proposed(String orgPath) {
        return jdbc.sql(VERSIONS + " where v.status = 'PROPOSED' and starts_with(o.path, ?) order by v.id").param(orgPath)
                .query(ParameterRepository::version).list();
    }

    public long propose(long orgId, String key, String region, LocalDate from, long value, String documentRef, String by) {
        return jdbc.sql("""
                insert into policy.parameter_version (org_id, key, region_code, effective_from, value, document_ref, status, proposed_by)
                values (?, ?, ?, ?, ?, ?, 'PROPOSED', ?) returning id
                """).param(orgId).param(key).param(region).param(Date.valueOf(from)).param(value).param(documentRef).param(by)
                .query(Long.class).single();
    }

    public void decide(long id, String status, String by, String note) {
        jdbc.sql("""
                update policy.parameter_version set status = ?, decided_by = ?, decided_at = now(), decision_note = ?
                 where id = ? and status = 'PROPOSED'
                """).param(status).param(by).param(note).param(id).update();
    }

    public boolean approvedExists(String key, String region, LocalDate from) {
        return jdbc.sql("""
                select exists(select 1 from policy.parameter_version where key = ? and coalesce(region_code, '000000') = ?
                                 and effective_from = ? and status = 'APPROVED')
                """).param(key).param(region == null ? "000000" : region).param(Date.valueOf(from)).query(Boolean.class)
                .single();
    }

    private static ParameterVersion version(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ParameterVersion(rs.getLong("id"), rs.getString("key"), rs.getString("region_code"),
                rs.getDate("effective_from").toLocalDate(), rs.getLong("value"), rs.getString("document_ref"),
                rs.getString("status"), rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(), rs.getString("decision_note"),
                ParameterUnit.valueOf(rs.getString("unit")), rs.getLong("org_id"), rs.getString("org_name"),
                rs.getString("org_path"));
    }
}
