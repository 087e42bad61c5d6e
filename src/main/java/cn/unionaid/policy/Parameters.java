package cn.unionaid.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.org.OrganisationView;
import cn.unionaid.org.Organisations;
import cn.unionaid.org.Regions;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.policy.internal.ParameterRepository;
import cn.unionaid.policy.internal.ProgramRepository;
import cn.unionaid.shared.InvalidValueException;
import cn.unionaid.shared.RegionCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standards (标准): each a named value per region and date, on a document. A new version is proposed by one
 * person and takes effect only when another approves it, and only if every example case of the programs
 * using it still passes; an approved version never changes (the database refuses it too).
 */
@Service
public class Parameters {

    private final ParameterRepository repository;
    private final ProgramRepository programs;
    private final Programs programService;
    private final Regions regions;
    private final Organisations organisations;
    private final AuditLog audit;
    private final boolean approveLowerUnions;

    Parameters(ParameterRepository repository, ProgramRepository programs, Programs programService, Regions regions,
            Organisations organisations, AuditLog audit,
            @Value("${unionaid.policy.standards.approve-lower-unions:false}") boolean approveLowerUnions) {
        this.repository = repository;
        this.programs = programs;
        this.programService = programService;
        this.regions = regions;
        this.organisations = organisations;
        this.audit = audit;
        this.approveLowerUnions = approveLowerUnions;
    }

    public record DefinitionWithVersions(ParameterDefinition definition, List<ParameterVersion> versions) {
    }

    /** Every standard with the versions the user's union sees (its own, those of the unions above and below). */
    @PreAuthorize(PolicyRoles.READERS)
    @Transactional(readOnly = true)
    public List<DefinitionWithVersions> all() {
        String orgPath = CurrentUser.require().scope().orgPath();
        return repository.definitions().stream()
                .map(d -> new DefinitionWithVersions(d, repository.versions(d.key(), orgPath))).toList();
    }

    /** Each standard's name by its key, for saying a rule in words. */
    @PreAuthorize(PolicyRoles.READERS)
    @Transactional(readOnly = true)
    public Map<String, String> names() {
        return repository.definitions().stream().collect(java.util.stream.Collectors.toMap(ParameterDefinition::key,
                ParameterDefinition::name));
    }

    @PreAuthorize(PolicyRoles.EDITORS)
    @Transactional
    public String define(String key, String name, ParameterUnit unit) {
        if (key == null || key.isBlank()) {
            // A clerk need not invent a code: one is made up for the union (programs' rules refer to it by it).
            key = "local." + CurrentUser.require().scope().orgId() + "." + Long.toString(System.currentTimeMillis(), 36);
        }
        if (!key.matches("[a-z0-9][a-z0-9._-]{1,79}") || name == null || name.isBlank() || unit == null) {
            throw BusinessRuleException.invalid("policy.error.parameterKey");
        }
        if (repository.definition(key).isPresent()) {
            return key;
        }
        repository.define(new ParameterDefinition(key, name.strip(), unit), CurrentUser.require().getUsername());
        audit.record("policy.parameterDefined", "parameter", key, Map.of("name", name.strip(), "unit", unit.name()));
        return key;
    }

    /**
     * Proposes a value (as people write it: 4800.00, 40, 1.5) for a region (null: national) from a date, for the
     * proposer's union: only for its own region and the regions below it (a national value only by the national
     * union).
     */
    @PreAuthorize(PolicyRoles.EDITORS)
    @Transactional
    public ParameterVersion propose(String key, String regionCode, LocalDate effectiveFrom, String value,
            String documentRef) {
        ParameterDefinition d = repository.definition(key)
                .orElseThrow(() -> BusinessRuleException.notFound("policy.error.unknownParameter", key));
        String region = null;
        if (regionCode != null && !regionCode.isBlank()) {
            region = RegionCode.of(regionCode).value();
            if (regions.find(RegionCode.of(region)).isEmpty()) {
                throw BusinessRuleException.invalid("region.error.unknown", region);
            }
        }
        OrganisationView union = proposersUnion();
        if (!StandardRegions.within(union, region)) {
            throw BusinessRuleException.forbidden("policy.error.regionOutsideUnion", union.name(),
                    region == null ? "全国" : region);
        }
        if (effectiveFrom == null || documentRef == null || documentRef.isBlank()) {
            throw BusinessRuleException.invalid("policy.error.version");
        }
        long parsed;
        try {
            parsed = d.unit().parse(value);
        } catch (InvalidValueException e) {
            throw e;
        } catch (RuntimeException e) {
            throw BusinessRuleException.invalid("policy.error.value", value);
        }
        if (parsed < 0) {
            throw BusinessRuleException.invalid("policy.error.value", value);
        }
        long id = repository.propose(union.id(), key, region, effectiveFrom, parsed, documentRef.strip(),
                CurrentUser.require().getUsername());
        audit.record("policy.parameterProposed", "parameter_version", id, Map.of("key", key,
                "region", region == null ? "全国" : region, "from", effectiveFrom.toString(), "value", parsed));
        return repository.version(id).orElseThrow();
    }

    /** The second person's approval; refused while a case of a program using the standard would fail. */
    @PreAuthorize(PolicyRoles.APPROVERS)
    @Transactional
    public ParameterVersion approve(DataScope scope, long id, String note) {
        return approveAll(scope, List.of(id), note).get(0);
    }

    /**
     * Approves several proposed versions together (as a policy file brings them), checking the example cases
     * with all of them in force. A case that cannot be computed yet because another standard is still only
     * proposed does not block; a case that computes a different decision or amount does. The approver must be of
     * the proposing union (or, where {@code unionaid.policy.standards.approve-lower-unions} is set, of a union above
     * it), and the cases checked are those of every program the versions would apply to, whoever approves.
     */
    @PreAuthorize(PolicyRoles.APPROVERS)
    @Transactional
    public List<ParameterVersion> approveAll(DataScope scope, List<Long> ids, String note) {
        List<ParameterVersion> candidates = ids.stream().map(this::proposedVersion).toList();
        for (ParameterVersion v : candidates) {
            if (!decidableIn(scope, v)) {
                throw BusinessRuleException.forbidden("policy.error.otherUnionsStandard", v.orgName());
            }
            if (repository.approvedExists(v.key(), v.regionCode(), v.effectiveFrom())) {
                throw BusinessRuleException.conflict("policy.error.approvedExists", v.key(), v.effectiveFrom().toString());
            }
        }
        java.util.Set<String> keys = candidates.stream().map(ParameterVersion::key).collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> unions = candidates.stream().map(ParameterVersion::orgPath)
                .collect(java.util.stream.Collectors.toSet());
        for (Program p : programs.usingAny(keys, unions)) {
            for (ExampleCase.Result r : programService.check(p, programService.cases(p.id()), candidates)) {
                if (!r.passed() && r.outcome() != null) {
                    throw BusinessRuleException.conflict("policy.error.caseFails", p.name(), r.exampleCase().name(),
                            r.outcome().decision().label() + " " + cn.unionaid.shared.Money.ofFen(r.outcome().amountFen())
                                    .toYuanString() + " 元：" + r.outcome().explanation());
                }
            }
        }
        String by = CurrentUser.require().getUsername();
        for (ParameterVersion v : candidates) {
            repository.decide(v.id(), "APPROVED", by, note);
            audit.record("policy.parameterApproved", "parameter_version", v.id(), Map.of("key", v.key()));
        }
        return candidates.stream().map(v -> repository.version(v.id()).orElseThrow()).toList();
    }

    /** Proposals of the user's union and the unions below it. */
    @PreAuthorize(PolicyRoles.READERS)
    @Transactional(readOnly = true)
    public List<ParameterVersion> proposed() {
        return repository.proposed(CurrentUser.require().scope().orgPath());
    }

    @PreAuthorize(PolicyRoles.APPROVERS)
    @Transactional
    public ParameterVersion reject(long id, String note) {
        ParameterVersion v = proposedVersion(id);
        if (!decidableIn(CurrentUser.require().scope(), v)) {
            throw BusinessRuleException.forbidden("policy.error.otherUnionsStandard", v.orgName());
        }
        if (note == null || note.isBlank()) {
            throw BusinessRuleException.invalid("policy.error.rejectNote");
        }
        repository.decide(id, "REJECTED", CurrentUser.require().getUsername(), note.strip());
        audit.record("policy.parameterRejected", "parameter_version", id, Map.of("note", note.strip()));
        return repository.version(id).orElseThrow();
    }

    /**
     * Whether a reviewer or leader of the union at {@code scope} may decide this proposal: one of their own union, or,
     * where {@code unionaid.policy.standards.approve-lower-unions} is set, of a union below it. The page shows the
     * approve and reject buttons by this same rule.
     */
    public boolean decidableIn(DataScope scope, ParameterVersion v) {
        return "PROPOSED".equals(v.status()) && (v.orgId() == scope.orgId() || (approveLowerUnions && scope.covers(v.orgPath())));
    }

    private OrganisationView proposersUnion() {
        DataScope scope = CurrentUser.require().scope();
        return organisations.find(scope, scope.orgId()).orElseThrow();
    }

    /** A proposal the user can see (their union's, above or below); another union's is not found. */
    private ParameterVersion proposedVersion(long id) {
        String orgPath = CurrentUser.require().scope().orgPath();
        ParameterVersion v = repository.version(id)
                .filter(x -> x.orgPath().startsWith(orgPath) || orgPath.startsWith(x.orgPath()))
                .orElseThrow(() -> BusinessRuleException.notFound("policy.error.versionNotFound"));
        if (!"PROPOSED".equals(v.status())) {
            throw BusinessRuleException.conflict("policy.error.decided");
        }
        if (v.proposedBy().equals(CurrentUser.require().getUsername())) {
            throw BusinessRuleException.forbidden("policy.error.fourEyes");
        }
        return v;
    }
}
