package cn.unionaid.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.registry.internal.ArchiveRepository;
import cn.unionaid.platform.files.FileStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence kept with an archive (申请报告, 盖章证明, 收入证明, 医药费清单, 走访记录): PDF, JPG or PNG, the type read
 * from the content rather than the name, kept by SHA-256. A phone declaration (电话申报记录, seed 000: elderly
 * model workers who cannot file paper) is evidence in its own right: the record of the call is the file.
 */
@Service
public class Evidence {

    private final ArchiveRepository archives;
    private final FileStore files;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final RegistryProperties properties;

    Evidence(ArchiveRepository archives, FileStore files, JdbcClient jdbc, AuditLog audit, RegistryProperties properties) {
        this.archives = archives;
        this.files = files;
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
    }

    public record Download(String fileName, String contentType, InputStream content) {
    }

    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER')")
    @Transactional
    public EvidenceView upload(DataScope scope, SubjectType type, long subjectId, EvidenceKind kind, String fileName,
            byte[] content, String note) {
        requireArchive(scope, type, subjectId);
        if (kind == null || kind == EvidenceKind.PHONE_DECLARATION) {
            throw BusinessRuleException.invalid("evidence.error.kind");
        }
        if (content == null || content.length == 0) {
            throw BusinessRuleException.invalid("import.error.noFile");
        }
        if (content.length > properties.maxEvidenceBytes()) {
            throw BusinessRuleException.invalid("evidence.error.tooLarge", properties.maxEvidenceBytes() / 1024 / 1024);
        }
        String contentType = sniff(content);
        return store(type, subjectId, kind, fileName, contentType, content, note);
    }

    /** Records a phone declaration; the declaration text becomes the evidence file. */
    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER')")
    @Transactional
    public EvidenceView recordPhoneDeclaration(DataScope scope, SubjectType type, long subjectId, LocalDate date,
            String caller, String declaration) {
        requireArchive(scope, type, subjectId);
        if (date == null || date.isAfter(LocalDate.now()) || blank(caller) || blank(declaration)) {
            throw BusinessRuleException.invalid("evidence.error.phone");
        }
        String text = "电话申报记录\n日期：" + date + "\n申报人：" + caller.strip() + "\n记录人：" + CurrentUser.require().displayName()
                + "\n内容：" + declaration.strip() + "\n";
        return store(type, subjectId, EvidenceKind.PHONE_DECLARATION, "电话申报记录-" + date + ".txt",
                "text/plain;charset=UTF-8", text.getBytes(StandardCharsets.UTF_8), caller.strip());
    }

    @PreAuthorize(Registry.BUSINESS_ROLES)
    @Transactional(readOnly = true)
    public List<EvidenceView> list(DataScope scope, SubjectType type, long subjectId) {
        requireArchive(scope, type, subjectId);
        return jdbc.sql("select * from registry.evidence_file where subject_type = ? and subject_id = ? order by id")
                .param(type.name()).param(subjectId).query((rs, n) -> new EvidenceView(rs.getLong("id"),
                        EvidenceKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getString("note"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    /** Opens a piece of evidence; evidence holds personal data, so every opening is audited. */
    @PreAuthorize(Registry.BUSINESS_ROLES)
    @Transactional
    public Download open(DataScope scope, long evidenceId) throws IOException {
        record Row(String type, long subject, String name, String contentType, String key) {
        }
        Row row = jdbc.sql("select subject_type, subject_id, file_name, content_type, storage_key from registry.evidence_file where id = ?")
                .param(evidenceId).query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).optional()
                .orElseThrow(() -> BusinessRuleException.notFound("evidence.error.notFound"));
        requireArchive(scope, SubjectType.valueOf(row.type()), row.subject());
        audit.record("evidence.opened", "evidence", evidenceId, Map.of("subject", row.type() + ":" + row.subject()));
        return new Download(row.name(), row.contentType(), files.open(row.key()));
    }

    private EvidenceView store(SubjectType type, long subjectId, EvidenceKind kind, String fileName, String contentType,
            byte[] content, String note) {
        FileStore.Stored stored = files.save(content);
        String name = fileName == null || fileName.isBlank() ? "evidence" : fileName.replaceAll("[\\\\/\\r\\n]", "_");
        long id = jdbc.sql("""
                insert into registry.evidence_file (subject_type, subject_id, kind, file_name, content_type, size_bytes, sha256,
                                           storage_key, note, uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).param(type.name()).param(subjectId).param(kind.name()).param(name.length() > 200 ? name.substring(0, 200) : name)
                .param(contentType).param(stored.size()).param(stored.sha256()).param(stored.key())
                .param(blank(note) ? null : note.strip()).param(CurrentUser.require().getUsername()).query(Long.class).single();
        audit.record("evidence.added", type.name().toLowerCase(), subjectId,
                Map.of("evidenceId", id, "kind", kind.name(), "sha256", stored.sha256()));
        return list(CurrentUser.require().scope(), type, subjectId).stream().filter(e -> e.id() == id).findFirst()
                .orElseThrow();
    }

    /** The type a file really is, from its first bytes; anything but PDF, JPEG and PNG is refused. */
    static String sniff(byte[] c) {
        return cn.unionaid.platform.files.FileStore.documentType(c)
                .orElseThrow(() -> BusinessRuleException.invalid("evidence.error.type"));
    }

    private void requireArchive(DataScope scope, SubjectType type, long id) {
        archives.load(scope, type, id).orElseThrow(() -> BusinessRuleException.notFound("registry.error.notFound"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
