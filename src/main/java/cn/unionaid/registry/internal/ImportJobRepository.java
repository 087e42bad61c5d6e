package cn.unionaid.registry.internal;

import java.util.Optional;
import java.util.UUID;

import cn.unionaid.platform.DataScope;
import cn.unionaid.registry.ImportJob;
import cn.unionaid.registry.ImportResult;
import cn.unionaid.registry.RosterKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Import jobs. Progress is written in its own transaction so the page sees it while the import's is open. */
@Repository
public class ImportJobRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportJobRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void start(UUID id, RosterKind kind, long orgId, String by, String fileName, String fileKey, String mode) {
        jdbc.sql("""
                insert into import_job (id, kind, org_id, started_by, file_name, file_key, mode, status)
                values (?, ?, ?, ?, ?, ?, ?, 'RUNNING')
                """).param(id).param(kind.name()).param(orgId).param(by).param(fileName).param(fileKey).param(mode)
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void progress(UUID id, long rowsRead) {
        jdbc.sql("update import_job set rows_read = ? where id = ?").param(rowsRead).param(id).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void finish(UUID id, String status, ImportResult result) {
        jdbc.sql("update import_job set status = ?, result = ?, finished_at = now() where id = ?").param(status)
                .param(result == null ? null : json.writeValueAsString(result)).param(id).update();
    }

    public Optional<ImportJob> find(DataScope scope, UUID id) {
        return jdbc.sql("""
                select j.* from import_job j join organisation o on o.id = j.org_id
                 where j.id = ? and starts_with(o.path, ?)
                """).param(id).param(scope.orgPath()).query((rs, n) -> {
                    String result = rs.getString("result");
                    return new ImportJob(rs.getObject("id", UUID.class), RosterKind.valueOf(rs.getString("kind")),
                            rs.getString("file_name"), rs.getString("status"), rs.getLong("rows_read"),
                            result == null ? null : json.readValue(result, ImportResult.class), rs.getString("started_by"),
                            rs.getTimestamp("started_at").toInstant());
                }).optional();
    }

    public Optional<String> fileKey(UUID id) {
        return jdbc.sql("select file_key from import_job where id = ?").param(id).query(String.class).optional();
    }
}
