package cn.unionaid.audit.web;

import java.time.LocalDate;
import java.util.Map;

import cn.unionaid.audit.AuditEntry;
import cn.unionaid.audit.AuditLog;
import cn.unionaid.audit.AuditSearch;
import cn.unionaid.audit.ChainVerification;
import cn.unionaid.audit.internal.AuditAnchors;
import cn.unionaid.audit.internal.AuditChainVerifier;
import cn.unionaid.audit.internal.AuditQueries;
import cn.unionaid.platform.AuthenticatedUser;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.Page;
import cn.unionaid.platform.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDITADMIN')")
class AuditApi {

    private final AuditQueries queries;
    private final AuditChainVerifier verifier;
    private final AuditLog audit;
    private final AuditAnchors anchors;

    AuditApi(AuditQueries queries, AuditChainVerifier verifier, AuditLog audit, AuditAnchors anchors) {
        this.anchors = anchors;
        this.queries = queries;
        this.verifier = verifier;
        this.audit = audit;
    }

    @GetMapping
    Page<AuditEntry> search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String after, @RequestParam(required = false) Integer size) {
        AuthenticatedUser user = CurrentUser.require();
        return queries.search(user.scope(), AuditScope.isRoot(user),
                new AuditSearch(actor, action, entityType, entityId, from, to), PageRequest.of(null, after, size));
    }

    @GetMapping("/verify")
    ChainVerification verify() {
        ChainVerification result = verifier.verify();
        audit.record("audit.verified", "audit_log", null, Map.of("ok", result.ok(), "rows", result.rowsChecked()));
        return result;
    }

    /** Writes the chain's head to the anchor file now (besides the start and the daily anchor). */
    @PostMapping("/anchors")
    AuditAnchors.Anchor anchor() {
        return anchors.anchorNow().orElseThrow(() -> BusinessRuleException.conflict("audit.error.empty"));
    }
}
