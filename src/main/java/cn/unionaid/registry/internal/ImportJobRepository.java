package cn.unionaid.registry.internal;

import java.util.List;
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
                insert into registry.import_job (id, kind, org_id, started_by, file_name, file_key, mode, status)
                values (?, ?, ?, ?, ?, ?, ?, 'RUNNING')
                """).param(id).param(kind.name()).param(orgId).param(by).param(fileName).param(fileKey).param(mode)
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void progress(UUID id, long rowsRead) {
        jdbc.sql("update registry.import_job set rows_read = ? where id = ?").param(rowsRead).param(id).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void finish(UUID id, String status, ImportResult result) {
        jdbc.sql("update registry.import_job set status = ?, result = ?, finished_at = now() where id = ?").param(status)
                .param(result == null ? null : json.writeValueAsString(result)).param(id).update();
    }

    public Optional<ImportJob> find(DataScope scope, UUID id) {
        return jdbc.sql("""
                select j.* from registry.import_job j join org.v_organisation o on o.id = j.org_id
                 where j.id = ? and starts_with(o.path, ?)
                """).param(id).param(scope.orgPath()).query((rs, n) -> {
                    String result = rs.getString("result");
                    return new ImportJob(rs.getObject("id", UUID.class), RosterKind.valueOf(rs.getString("kind")),
                            rs.getString("file_name"), rs.getString("status"), rs.getLong("rows_read"),
                            result == null ? null : json.readValue(result, ImportResult.class), rs.getString("started_by"),
                            rs.getTimestamp("started_at").toInstant());
                }).optional();
    }

    /** Uploads of refused or failed imports finished more than {@code days} ago that no accepted import shares. */
    public java.util.List<String> refusedUploadsOlderThan(int days) {
        return jdbc.sql("""
                select distinct j.file_key from registry.import_job j
                 where j.status in ('REFUSED', 'FAILED') and j.file_key is not null
                   and j.finished_at < now() - make_interval(days => ?)
                   and not exists (select 1 from registry.import_job k where k.file_key = j.file_key and k.status not in ('REFUSED', 'FAILED'))
                """).param(days).query(String.class).list();
    }

    public void forgetUpload(String fileKey) {
        jdbc.sql("update registry.import_job set file_key = null where file_key = ? and status in ('REFUSED', 'FAILED')")
                .param(fileKey).update();
    }

    /** Advisory lock class of a running import ({@code IMP}); the second key is {@code hashtext} of the job id. */
    private static final int WORKING = 0x494D50;

    /** Called inside the import's transaction: says, to every instance, that this job is being worked on. */
    public void holdWhileWorking(UUID id) {
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?::text))").param(WORKING).param(id.toString())
                .query((rs, n) -> 1).list();
    }

    /**
     * Jobs left RUNNING by a process that died (no transaction holds their lock any more): marked failed, with
     * a message that nothing was written. Safe with several instances: a job still worked on keeps its lock.
     */
    @Transactional
    public int failAbandoned() {
        // One statement: a job whose lock can be taken has nobody working on it.
        return jdbc.sql("""
                update registry.import_job set status = 'FAILED', finished_at = now(),
                       result = '{"imported":0,"updated":0,"unchanged":0,"rejected":0,"errors":[{"row":1,"column":null,"value":"","message":"导入未完成：系统在导入过程中停止，未写入任何数据，请重新上传"}],"refused":true}'
                 where status = 'RUNNING' and pg_try_advisory_xact_lock(?, hashtext(id::text))
                """).param(WORKING).update();
    }

    public Optional<String> fileKey(UUID id) {
        return jdbc.sql("select file_key from registry.import_job where id = ?").param(id).query(String.class).optional();
    }
}
