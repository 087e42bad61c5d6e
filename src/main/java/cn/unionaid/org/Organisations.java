package cn.unionaid.org;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.org.internal.OrganisationRepository;
import cn.unionaid.org.internal.RegionRepository;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Page;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.shared.RegionCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The union tree as other modules and the pages see it, always through the caller's data scope. */
@Service
public class Organisations {

    private final OrganisationRepository repository;
    private final RegionRepository regions;
    private final AuditLog audit;

    Organisations(OrganisationRepository repository, RegionRepository regions, AuditLog audit) {
        this.repository = repository;
        this.regions = regions;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Page<OrganisationView> visible(DataScope scope, PageRequest page) {
        return Page.of(repository.visible(scope, page.likePattern(), page.after(), page.size() + 1), page.size(),
                OrganisationView::path);
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationView> find(DataScope scope, long id) {
        return repository.findView(scope, id);
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationView> findByCode(DataScope scope, String code) {
        return repository.findViewByCode(scope, code);
    }

    /** Every organisation in scope by its code, for imports that name unions by code. */
    @Transactional(readOnly = true)
    public Map<String, OrganisationView> byCode(DataScope scope) {
        Map<String, OrganisationView> map = new java.util.HashMap<>();
        repository.visible(scope, "%", null, Integer.MAX_VALUE).forEach(o -> map.put(o.code(), o));
        return map;
    }

    @Transactional(readOnly = true)
    public long countVisible(DataScope scope) {
        return repository.countVisible(scope);
    }

    /**
     * The union a reader chose to view ({@code orgId}, null for their own), which must be in their scope, with
     * the list to choose from. A union outside the scope is refused as not found.
     */
    @Transactional(readOnly = true)
    public UnionChoice choose(DataScope scope, Long orgId) {
        List<OrganisationView> unions = repository.visible(scope, "%", null, 1_000);
        if (orgId == null || orgId == scope.orgId()) {
            return new UnionChoice(unions.size() > 1 ? unions : List.of(), scope, scope.orgId(), false);
        }
        OrganisationView chosen = repository.findView(scope, orgId)
                .orElseThrow(() -> BusinessRuleException.notFound("org.error.notFound"));
        return new UnionChoice(unions, new DataScope(chosen.id(), chosen.path()), chosen.id(), true);
    }

    @Transactional(readOnly = true)
    public DataScope scopeOf(OrgId org) {
        return repository.scopeOf(org.value());
    }

    /** Opens a union below {@code parentId}, which must be in the caller's scope. */
    @PreAuthorize("hasRole('SYSADMIN')")
    @Transactional
    public OrganisationView open(DataScope scope, long parentId, String code, String name, OrgLevel level,
            String regionCode) {
        Organisation parent = repository.find(parentId).filter(p -> scope.covers(p.path()))
                .orElseThrow(() -> BusinessRuleException.notFound("org.error.notFound"));
        RegionCode region = knownRegion(regionCode);
        Organisation child = parent.openChild(code == null ? null : code.strip(), name, level, region);
        if (repository.codeTaken(child.code())) {
            throw BusinessRuleException.conflict("org.error.codeTaken", child.code());
        }
        Organisation saved = repository.insert(child, parent.path());
        audit.record("org.opened", "organisation", saved.id(), describe(saved));
        return repository.findView(scope, saved.id()).orElseThrow();
    }

    @PreAuthorize("hasRole('SYSADMIN')")
    @Transactional
    public OrganisationView correct(DataScope scope, long id, String name, String regionCode) {
        Organisation org = repository.find(id).filter(o -> scope.covers(o.path()))
                .orElseThrow(() -> BusinessRuleException.notFound("org.error.notFound"));
        Map<String, Object> before = describe(org);
        RegionCode parentRegion = org.parentId() == null ? null
                : repository.find(org.parentId()).map(Organisation::region).orElse(null);
        org.correct(name, knownRegion(regionCode), parentRegion);
        repository.update(org);
        audit.record("org.corrected", "organisation", id, Map.of("before", before, "after", describe(org)));
        return repository.findView(scope, id).orElseThrow();
    }

    private RegionCode knownRegion(String regionCode) {
        if (regionCode == null || regionCode.isBlank()) {
            return null;
        }
        RegionCode region = RegionCode.of(regionCode);
        if (!regions.exists(region)) {
            throw BusinessRuleException.invalid("region.error.unknown", region.value());
        }
        return region;
    }

    private static Map<String, Object> describe(Organisation org) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", org.code());
        m.put("name", org.name());
        m.put("level", org.level().name());
        m.put("parentId", org.parentId());
        m.put("region", org.region() == null ? null : org.region().value());
        return m;
    }
}
