package cn.unionaid.audit.web;

import java.time.LocalDate;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.audit.AuditSearch;
import cn.unionaid.audit.internal.AuditAnchors;
import cn.unionaid.audit.internal.AuditChainVerifier;
import cn.unionaid.audit.internal.AuditQueries;
import cn.unionaid.platform.AuthenticatedUser;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计日志: search and chain verification, for the audit administrator only. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDITADMIN')")
class AuditPages {

    private final AuditQueries queries;
    private final AuditChainVerifier verifier;
    private final AuditLog audit;

    private final AuditWording wording;
    private final AuditAnchors anchors;

    AuditPages(AuditQueries queries, AuditChainVerifier verifier, AuditLog audit, AuditWording wording,
            AuditAnchors anchors) {
        this.anchors = anchors;
        this.wording = wording;
        this.queries = queries;
        this.verifier = verifier;
        this.audit = audit;
    }

    @GetMapping
    String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String after, @RequestParam(defaultValue = "1") int p, Model model) {
        AuthenticatedUser user = CurrentUser.require();
        AuditSearch filter = new AuditSearch(actor, action, entityType, entityId, from, to);
        model.addAttribute("filter", filter);
        // The log grows without end: pages are numbered as they are walked, never counted in full.
        model.addAttribute("p", Math.max(1, p));
        var page = queries.search(user.scope(), AuditScope.isRoot(user), filter, PageRequest.of(null, after, 50));
        model.addAttribute("page", page);
        java.util.Map<Long, String> entities = new java.util.HashMap<>();
        java.util.Map<Long, String> details = new java.util.HashMap<>();
        page.items().forEach(e -> {
            entities.put(e.id(), wording.entity(e));
            details.put(e.id(), wording.detail(e));
        });
        model.addAttribute("entities", entities);
        model.addAttribute("details", details);
        return "audit/list";
    }

    /** The log as the page shows it (actions, objects and changes in words), up to 50,000 entries; the export is logged. */
    @GetMapping("/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> export(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        AuthenticatedUser user = CurrentUser.require();
        AuditSearch filter = new AuditSearch(actor, action, entityType, entityId, from, to);
        java.util.List<cn.unionaid.audit.AuditEntry> entries = new java.util.ArrayList<>();
        String after = null;
        do {
            var page = queries.search(user.scope(), AuditScope.isRoot(user), filter, PageRequest.of(null, after, 500));
            entries.addAll(page.items());
            after = page.nextAfter();
        } while (after != null && entries.size() < 50_000);
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneId.of("Asia/Shanghai"));
        byte[] file = cn.unionaid.platform.sheets.Workbooks.write("审计日志", java.util.List.of("序号", "时间", "操作人",
                "操作", "对象", "内容", "客户端地址"), sink -> entries.forEach(e -> sink.accept(java.util.Arrays.asList(
                        Long.toString(e.id()), time.format(e.occurredAt()), e.actor(), wording.action(e), wording.entity(e),
                        wording.detail(e), e.clientAddress()))));
        audit.record("audit.exported", "audit_log", null, Map.of("rows", entries.size()));
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename("审计日志.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(file);
    }

    @PostMapping("/anchors")
    String anchor(RedirectAttributes flash) {
        anchors.anchorNow().ifPresent(a -> flash.addFlashAttribute("anchoredId", a.rowId()));
        return "redirect:/audit/verify";
    }

    @GetMapping("/verify")
    String verify(Model model) {
        var result = verifier.verify();
        audit.record("audit.verified", "audit_log", null, Map.of("ok", result.ok(), "rows", result.rowsChecked()));
        model.addAttribute("result", result);
        return "audit/verify";
    }
}
