package cn.unionaid.org;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.org.internal.RegionRepository;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.Page;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.shared.Money;
import cn.unionaid.shared.RegionCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** GB/T 2260 regions and the history of their minimum-living standards (低保标准). */
@Service
public class Regions {

    private final RegionRepository repository;
    private final AuditLog audit;

    Regions(RegionRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Page<Region> search(PageRequest page) {
        return Page.of(repository.page(page.likePattern(), page.after(), page.size() + 1), page.size(),
                r -> r.code().value());
    }

    /** All region codes, for validating a whole sheet without a query per row. */
    @Transactional(readOnly = true)
    public java.util.Set<String> allCodes() {
        return repository.allCodes();
    }

    /** A region and every region below it: the regions a union of {@code code} may set standards for. */
    @Transactional(readOnly = true)
    public List<Region> within(RegionCode code) {
        return repository.withinRegion(code);
    }

    @Transactional(readOnly = true)
    public Optional<Region> find(RegionCode code) {
        return repository.find(code);
    }

    @Transactional(readOnly = true)
    public List<SubsistenceStandard> standards(RegionCode code) {
        return repository.standards(code);
    }

    /**
     * The standard in force in a region on a date: the region's own, else its city's, else its province's.
     * A region with none is reported as missing, never as zero.
     */
    @Transactional(readOnly = true)
    public Optional<SubsistenceStandard> standardInForce(RegionCode code, LocalDate date) {
        Optional<RegionCode> current = Optional.of(code);
        while (current.isPresent()) {
            Optional<SubsistenceStandard> found = repository.standardAt(current.get(), date);
            if (found.isPresent()) {
                return found;
            }
            current = current.get().parent();
        }
        return Optional.empty();
    }

    /** Records a new standard from a date on. Earlier standards stay as they were. */
    @PreAuthorize("hasRole('SYSADMIN')")
    @Transactional
    public SubsistenceStandard recordStandard(RegionCode code, Money monthly, LocalDate effectiveFrom,
            String documentRef) {
        if (repository.find(code).isEmpty()) {
            throw BusinessRuleException.invalid("region.error.unknown", code.value());
        }
        if (monthly == null || monthly.fen() <= 0) {
            throw BusinessRuleException.invalid("subsistence.error.amount");
        }
        if (effectiveFrom == null) {
            throw BusinessRuleException.invalid("subsistence.error.date");
        }
        if (repository.standardExists(code, effectiveFrom)) {
            throw BusinessRuleException.conflict("subsistence.error.duplicate", code.value(), effectiveFrom.toString());
        }
        String doc = documentRef == null || documentRef.isBlank() ? null : documentRef.strip();
        long id = repository.insertStandard(code, monthly, effectiveFrom, doc, CurrentUser.require().getUsername());
        audit.record("subsistence.recorded", "subsistence_standard", id,
                Map.of("region", code.value(), "monthlyFen", monthly.fen(), "effectiveFrom", effectiveFrom.toString(),
                        "documentRef", doc == null ? "" : doc));
        return repository.standards(code).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }
}
