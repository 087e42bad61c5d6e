package cn.unionaid.registry;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.org.Organisations;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.registry.internal.ArchiveRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records lifecycle events (建档 is the import's; 复核, 迁出/迁入, 退休, 死亡, 撤销荣誉, 脱困, 注销 here) through the
 * rules of {@link Archive}. A transfer is one event pair on the same record, never a second record.
 */
@Service
public class Lifecycle {

    private final ArchiveRepository archives;
    private final Organisations organisations;
    private final AuditLog audit;

    Lifecycle(ArchiveRepository archives, Organisations organisations, AuditLog audit) {
        this.archives = archives;
        this.organisations = organisations;
        this.audit = audit;
    }

    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER')")
    @Transactional
    public void record(DataScope scope, SubjectType type, long id, LifecycleChange change) {
        Archive before = archives.load(scope, type, id)
                .orElseThrow(() -> BusinessRuleException.notFound("registry.error.notFound"));
        if (change.kind() == EventKind.MOVED_OUT && change.toOrgId() != null
                && organisations.find(scope, change.toOrgId()).isEmpty()) {
            throw BusinessRuleException.notFound("org.error.notFound");
        }
        if (change.evidenceId() != null && !archives.evidenceBelongsTo(change.evidenceId(), type, id)) {
            throw BusinessRuleException.invalid("registry.error.evidenceNotOfArchive");
        }
        Archive after = before.apply(change, LocalDate.now());
        String by = CurrentUser.require().getUsername();
        String reason = change.reason().strip();
        archives.store(after, change.kind() == EventKind.DECEASED);
        if (change.kind() == EventKind.MOVED_OUT) {
            archives.appendEvent(type, id, EventKind.MOVED_OUT, change.date(), reason, null, before.orgId(), after.orgId(),
                    change.evidenceId(), by);
            archives.appendEvent(type, id, EventKind.MOVED_IN, change.date(), reason, null, before.orgId(), after.orgId(),
                    change.evidenceId(), by);
        } else {
            archives.appendEvent(type, id, change.kind(), change.date(), reason, null, null, null, change.evidenceId(), by);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", change.kind().name());
        detail.put("date", change.date().toString());
        detail.put("reason", reason);
        if (change.kind() == EventKind.MOVED_OUT) {
            detail.put("fromOrgId", before.orgId());
            detail.put("toOrgId", after.orgId());
        }
        audit.record("registry.event", type.name().toLowerCase(), id, detail);
    }

    @PreAuthorize(Registry.BUSINESS_ROLES)
    @Transactional(readOnly = true)
    public List<RegistryEvent> history(DataScope scope, SubjectType type, long id) {
        archives.load(scope, type, id).orElseThrow(() -> BusinessRuleException.notFound("registry.error.notFound"));
        return archives.history(type, id);
    }
}
