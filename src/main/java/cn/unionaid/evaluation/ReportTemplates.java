package cn.unionaid.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.documents.Documents;
import cn.unionaid.platform.files.FileStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DOCX templates a union's reports are rendered into (报告模板), one per frame: the built-in one until the union
 * uploads its own, which is kept by content and must hold every tag a report needs.
 */
@Service
public class ReportTemplates {

    private final JdbcClient jdbc;
    private final FileStore files;
    private final AuditLog audit;

    ReportTemplates(JdbcClient jdbc, FileStore files, AuditLog audit) {
        this.jdbc = jdbc;
        this.files = files;
        this.audit = audit;
    }

    /** The union's uploaded template of the frame, or null for the built-in one. */
    @Transactional(readOnly = true)
    public byte[] of(DataScope scope, Frame frame) {
        return jdbc.sql("select file_key from evaluation.report_template where org_id = ? and frame = ?").param(scope.orgId())
                .param(frame.name()).query(String.class).optional().map(this::read).orElse(null);
    }

    /** Replaces the union's DOCX template of a frame after checking poi-tl compiles it and finds every tag. */
    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER', 'LEADER')")
    @Transactional
    public void upload(DataScope scope, Frame frame, byte[] content, String fileName) {
        List<String> missing;
        try {
            missing = Documents.missingTags(content);
        } catch (IllegalArgumentException e) {
            throw BusinessRuleException.invalid("evaluation.error.templateNotDocx");
        }
        if (!missing.isEmpty()) {
            throw BusinessRuleException.invalid("evaluation.error.templateTags", String.join("、", missing));
        }
        FileStore.Stored stored = files.save(content);
        String name = fileName == null || fileName.isBlank() ? "template.docx" : fileName.strip();
        jdbc.sql("""
                insert into evaluation.report_template (org_id, frame, file_key, file_name, uploaded_by) values (?, ?, ?, ?, ?)
                on conflict (org_id, frame) do update set file_key = excluded.file_key, file_name = excluded.file_name,
                       uploaded_by = excluded.uploaded_by, uploaded_at = now()
                """).param(scope.orgId()).param(frame.name()).param(stored.key())
                .param(name.length() > 200 ? name.substring(0, 200) : name).param(CurrentUser.require().getUsername()).update();
        audit.record("evaluation.templateUploaded", "evaluation", scope.orgId(), Map.of("frame", frame.name(),
                "sha256", stored.sha256()));
    }

    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER', 'LEADER')")
    @Transactional
    public void reset(DataScope scope, Frame frame) {
        if (jdbc.sql("delete from evaluation.report_template where org_id = ? and frame = ?").param(scope.orgId()).param(frame.name())
                .update() > 0) {
            audit.record("evaluation.templateReset", "evaluation", scope.orgId(), Map.of("frame", frame.name()));
        }
    }

    private byte[] read(String key) {
        try (InputStream in = files.open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the union has uploaded its own template of the frame. */
    @Transactional(readOnly = true)
    public boolean hasOwn(DataScope scope, Frame frame) {
        return jdbc.sql("select exists(select 1 from evaluation.report_template where org_id = ? and frame = ?)").param(scope.orgId())
                .param(frame.name()).query(Boolean.class).single();
    }

    /** The union's template, or the built-in one: the file the page offers for download and editing. */
    @Transactional(readOnly = true)
    public byte[] current(DataScope scope, Frame frame) {
        byte[] own = of(scope, frame);
        return own == null ? Documents.defaultTemplate() : own;
    }
}
