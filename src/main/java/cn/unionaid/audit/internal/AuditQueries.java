package cn.unionaid.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import cn.unionaid.audit.AuditEntry;
import cn.unionaid.audit.AuditSearch;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Page;
import cn.unionaid.platform.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the log newest first with keyset paging on the id. Entries of organisations outside the reader's
 * scope are not returned; entries with no organisation (system events, failed logins of unknown names) are
 * visible only to a reader at the root of the tree.
 */
@Component
public class AuditQueries {

    private static final String SEARCH = """
            select id, occurred_at, actor, org_id, action, entity_type, entity_id, detail, request_id, client_address
              from audit.audit_log
             where (starts_with(org_path, :scope) or (org_path is null and :isRoot))
               and (:actor::text is null or actor = :actor)
               and (:action::text is null or action like :action || '%')
               and (:entityType::text is null or entity_type = :entityType)
               and (:entityId::text is null or entity_id = :entityId)
               and (:from::timestamptz is null or occurred_at >= :from)
               and (:to::timestamptz is null or occurred_at < :to)
               and (:after::bigint is null or id < :after)
             order by id desc
             limit :limit
            """;

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> search(DataScope scope, boolean readerIsRoot, AuditSearch filter, PageRequest page) {
        Long after = page.after() == null ? null : Long.valueOf(page.after());
        List<AuditEntry> rows = jdbc.sql(SEARCH)
                .param("scope", scope.orgPath()).param("isRoot", readerIsRoot)
                .param("actor", blankToNull(filter.actor())).param("action", blankToNull(filter.action()))
                .param("entityType", blankToNull(filter.entityType())).param("entityId", blankToNull(filter.entityId()))
                .param("from", filter.from() == null ? null : Timestamp.valueOf(filter.from().atStartOfDay()))
                .param("to", filter.to() == null ? null : Timestamp.valueOf(filter.to().plusDays(1).atStartOfDay()))
                .param("after", after).param("limit", page.size() + 1)
                .query(AuditQueries::entry).list();
        return Page.of(rows, page.size(), e -> Long.toString(e.id()));
    }

    public long countSince(DataScope scope, java.time.Instant since) {
        return jdbc.sql("select count(*) from audit.audit_log where starts_with(org_path, ?) and occurred_at >= ?")
                .param(scope.orgPath()).param(Timestamp.from(since)).query(Long.class).single();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        long orgId = rs.getLong("org_id");
        Long org = rs.wasNull() ? null : orgId;
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                org, rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getString("detail"), rs.getString("request_id"),
                rs.getString("client_address"));
    }
}
