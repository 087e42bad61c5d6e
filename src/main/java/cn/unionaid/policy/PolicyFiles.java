package cn.unionaid.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.DataScope;
import cn.unionaid.policy.internal.ParameterRepository;
import cn.unionaid.shared.LunarDates;
import cn.unionaid.shared.Money;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and writes policy files, and loads the built-in templates of the seeds' programs. Imported standards
 * arrive as proposals: a second person approves them before any run can use them.
 */
@Service
public class PolicyFiles {

    /** The built-in templates: seed 000 (益阳 省部级劳模专项) and seed 002 (常德 职工及劳模帮扶). */
    public enum Template {
        SEED_000("policy-templates/seed-000.yaml", "益阳市总工会 省部级劳模专项补助（春节慰问、生活困难补助、特殊困难帮扶、疗休养）"),
        SEED_002("policy-templates/seed-002.yaml", "常德市总工会 市级劳模生活困难补助（补足至标准线）、两节送温暖");

        private final String resource;
        private final String description;

        Template(String resource, String description) {
            this.resource = resource;
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public record ImportSummary(int parametersDefined, int versionsProposed, int versionsAlreadyPresent,
            int programsSaved, int casesSaved, List<Long> proposedVersionIds) {
    }

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Parameters parameters;
    private final ParameterRepository parameterRepository;
    private final Programs programs;
    private final AuditLog audit;
    private final cn.unionaid.org.Organisations organisations;

    PolicyFiles(Parameters parameters, ParameterRepository parameterRepository, Programs programs, AuditLog audit,
            cn.unionaid.org.Organisations organisations) {
        this.organisations = organisations;
        this.parameters = parameters;
        this.parameterRepository = parameterRepository;
        this.programs = programs;
        this.audit = audit;
    }

    public static PolicyDocument parse(String yaml) {
        try {
            return YAML.readValue(yaml, PolicyDocument.class);
        } catch (JacksonException e) {
            throw BusinessRuleException.invalid("policy.error.file", e.getOriginalMessage());
        }
    }

    public static String write(PolicyDocument document) {
        return YAML.writeValueAsString(document);
    }

    /** Loads a template for a year: its dates are that year's, the Spring Festival date included. */
    @PreAuthorize(PolicyRoles.EDITORS)
    @Transactional
    public ImportSummary loadTemplate(DataScope scope, Template template, int year) {
        String text;
        try (InputStream in = new ClassPathResource(template.resource).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String region = unionRegion(scope);
        text = text.replace("${year}", Integer.toString(year)).replace("${previousYear}", Integer.toString(year - 1))
                .replace("${springFestival}", LunarDates.springFestival(year).toString())
                .replace("${region}", region == null ? "110000" : region);
        return importDocument(scope, parse(text));
    }

    /** The importing union's region: where a version without one applies (null for the national union). */
    private String unionRegion(DataScope scope) {
        return organisations.find(scope, scope.orgId()).map(cn.unionaid.org.OrganisationView::regionCode).orElse(null);
    }

    @PreAuthorize(PolicyRoles.EDITORS)
    @Transactional
    public ImportSummary importDocument(DataScope scope, PolicyDocument document) {
        int defined = 0;
        int proposed = 0;
        int present = 0;
        List<Long> ids = new ArrayList<>();
        for (PolicyDocument.Parameter p : document.parameters()) {
            if (parameterRepository.definition(p.key()).isEmpty()) {
                parameters.define(p.key(), p.name(), p.unit());
                defined++;
            }
            ParameterUnit unit = parameterRepository.definition(p.key()).orElseThrow().unit();
            for (PolicyDocument.Version v : p.versions()) {
                String region = v.region() == null ? unionRegion(scope) : v.region();
                long value = unit.parse(v.value());
                boolean exists = parameterRepository.versions(p.key(), scope.orgPath()).stream()
                        .filter(x -> x.orgId() == scope.orgId()).anyMatch(x -> !"REJECTED".equals(x.status())
                        && Objects.equals(x.regionCode(), region) && x.effectiveFrom().equals(v.from())
                        && x.value() == value);
                if (exists) {
                    present++;
                } else {
                    ids.add(parameters.propose(p.key(), region, v.from(), v.value(), v.document()).id());
                    proposed++;
                }
            }
        }
        int saved = 0;
        int cases = 0;
        if (!document.programs().isEmpty() && document.year() == null) {
            throw BusinessRuleException.invalid("policy.error.fileYear");
        }
        for (PolicyDocument.ProgramEntry e : document.programs()) {
            Program program = programs.save(scope, new Program(null, scope.orgId(), document.year(), e.code(), e.name(),
                    e.beneficiary(), e.fundSources(), e.referenceDate(), e.windowFrom(), e.windowTo(), e.rule(), 1));
            saved++;
            for (PolicyDocument.Case c : e.cases()) {
                programs.addCase(scope, program.id(), c.name(), c.inputs(), c.expectedDecision(),
                        Money.parseYuan(c.expectedAmount()).fen());
                cases++;
            }
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("parametersDefined", defined);
        detail.put("versionsProposed", proposed);
        detail.put("programs", saved);
        detail.put("cases", cases);
        audit.record("policy.fileImported", "policy", document.year(), detail);
        return new ImportSummary(defined, proposed, present, saved, cases, ids);
    }

    /** The union's programs of a year and every standard they use, as a policy file. */
    @PreAuthorize(PolicyRoles.READERS)
    @Transactional(readOnly = true)
    public String export(DataScope scope, int year) {
        List<Program> list = programs.list(scope, year).stream().filter(p -> p.orgId() == scope.orgId()).toList();
        java.util.Set<String> keys = new java.util.TreeSet<>();
        list.forEach(p -> keys.addAll(p.parameterKeys()));
        List<PolicyDocument.Parameter> params = new ArrayList<>();
        for (String key : keys) {
            ParameterDefinition d = parameterRepository.definition(key).orElseThrow();
            params.add(new PolicyDocument.Parameter(key, d.name(), d.unit(), parameterRepository.versions(key, scope.orgPath()).stream()
                    .filter(v -> "APPROVED".equals(v.status()) && v.appliesTo(scope.orgPath()))
                    .map(v -> new PolicyDocument.Version(v.regionCode(), v.effectiveFrom(), plain(d.unit(), v.value()),
                            v.documentRef())).toList()));
        }
        List<PolicyDocument.ProgramEntry> entries = list.stream().map(p -> new PolicyDocument.ProgramEntry(p.code(),
                p.name(), p.beneficiary(), p.fundSources(), p.referenceDate(), p.windowFrom(), p.windowTo(), p.rule(),
                programs.cases(p.id()).stream().map(c -> new PolicyDocument.Case(c.name(), c.inputs(),
                        c.expectedDecision(), Money.ofFen(c.expectedAmountFen()).toYuanString())).toList())).toList();
        return write(new PolicyDocument(year, params, entries));
    }

    private static String plain(ParameterUnit unit, long value) {
        return switch (unit) {
            case YUAN -> Money.ofFen(value).toYuanString();
            case MULTIPLE -> java.math.BigDecimal.valueOf(value, 3).stripTrailingZeros().toPlainString();
            default -> Long.toString(value);
        };
    }
}
