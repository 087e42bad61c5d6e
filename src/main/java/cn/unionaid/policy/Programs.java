package cn.unionaid.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.org.Regions;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Messages;
import cn.unionaid.policy.internal.ParameterRepository;
import cn.unionaid.policy.internal.ProgramRepository;
import cn.unionaid.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Programs of the caller's unions: their rules, example cases and claims. */
@Service
public class Programs {

    private final ProgramRepository programs;
    private final ParameterRepository parameters;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Messages messages;

    Programs(ProgramRepository programs, ParameterRepository parameters, Regions regions, JdbcClient jdbc,
            JsonMapper json, AuditLog audit, Messages messages) {
        this.programs = programs;
        this.parameters = parameters;
        this.regions = regions;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.messages = messages;
    }

    @PreAuthorize(PolicyRoles.READERS)
    @Transactional(readOnly = true)
    public List<Program> list(DataScope scope, Integer year) {
        return programs.visible(scope, year);
    }

    @PreAuthorize(PolicyRoles.READERS)
    @Transactional(readOnly = true)
    public Optional<Program> find(DataScope scope, long id) {
        return programs.find(scope, id);
    }

    /** Creates the program, or replaces the one with the same union, year and code (its rule gets a new version). */
    @PreAuthorize(PolicyRoles.EDITORS)
    @Transactional
    public Program save(DataScope scope, Program program) {
        if (!scope.covers(orgPath(program.orgId()))) {
            throw BusinessRuleException.notFound("org.error.notFound");
        }
        for (String key : program.parameterKeys()) {
            if (parameters.definition(key).isEmpty()) {
                throw BusinessRuleException.invalid("policy.error.unknownParameter", key);
            }
        }
        String by = CurrentUser.require().getUsername();
        Optional<Program> existing = programs.findByCode(program.orgId(), program.year(), program.code());
        long id;
        if (existing.isPresent()) {
            programs.update(existing.get(), program, by);
            id = existing.get().id();
        } else {
            id = programs.insert(program, by);
        }
        audit.record(existing.isPresent() ? "policy.programChanged" : "policy.programCreated", "program", id,
                Map.of("code", program.code(), "year", program.year(), "rule", programs.ruleJson(program.rule())));
        return programs.find(scope, id).orElseThrow();
    }

    @PreAuthorize(PolicyRoles.EDITORS)
    @Transactional
    public ExampleCase addCase(DataScope scope, long programId, String name, ExampleCase.Inputs inputs,
            Decision expected, long expectedAmountFen) {
        Program program = require(scope, programId);
        if (name == null || name.isBlank() || inputs == null || expected == null || expectedAmountFen < 0
                || inputs.regionCode() == null) {
            throw BusinessRuleException.invalid("policy.error.case");
        }
        RegionCode.of(inputs.regionCode());
        long id = jdbc.sql("""
                insert into policy.program_case (program_id, name, inputs, expected_decision, expected_amount_fen, created_by)
                values (?, ?, ?, ?, ?, ?) on conflict (program_id, name) do update
                   set inputs = excluded.inputs, expected_decision = excluded.expected_decision,
                       expected_amount_fen = excluded.expected_amount_fen
                returning id
                """).param(program.id()).param(name.strip()).param(json.writeValueAsString(inputs)).param(expected.name())
                .param(expectedAmountFen).param(CurrentUser.require().getUsername()).query(Long.class).single();
        audit.record("policy.caseSaved", "program", programId, Map.of("case", name.strip()));
        return new ExampleCase(id, programId, name.strip(), inputs, expected, expectedAmountFen);
    }

    @PreAuthorize(PolicyRoles.READERS)
    @Transactional(readOnly = true)
    public List<ExampleCase.Result> checkCases(DataScope scope, long programId) {
        Program program = require(scope, programId);
        return check(program, cases(programId), List.of());
    }

    List<ExampleCase> cases(long programId) {
        return jdbc.sql("select * from policy.program_case where program_id = ? order by id").param(programId)
                .query((rs, n) -> new ExampleCase(rs.getLong("id"), programId, rs.getString("name"),
                        json.readValue(rs.getString("inputs"), ExampleCase.Inputs.class),
                        Decision.valueOf(rs.getString("expected_decision")), rs.getLong("expected_amount_fen"))).list();
    }

    /** Runs cases against the approved standards plus the versions about to be approved. */
    List<ExampleCase.Result> check(Program program, List<ExampleCase> cases, List<ParameterVersion> candidates) {
        List<ParameterVersion> versions = new java.util.ArrayList<>(
                parameters.usable(program.parameterKeys(), program.referenceDate(), false, program.orgId()));
        String programOrgPath = orgPath(program.orgId());
        candidates.stream().filter(c -> !c.effectiveFrom().isAfter(program.referenceDate()))
                .filter(c -> c.appliesTo(programOrgPath)).forEach(versions::add);
        Map<String, String> names = parameters.definitions().stream()
                .collect(Collectors.toMap(ParameterDefinition::key, ParameterDefinition::name));
        return cases.stream().map(c -> {
            LoadedParameters source = new LoadedParameters(versions, names, program.referenceDate(),
                    region -> regions.standardInForce(RegionCode.of(region), program.referenceDate())
                            .map(s -> s.monthly()));
            try {
                Outcome o = new Calculator(program.rule(), source, program.referenceDate(), messages::get)
                        .evaluate(c.inputs().toPerson(c.name()));
                boolean passed = o.decision() == c.expectedDecision() && o.amountFen() == c.expectedAmountFen();
                return new ExampleCase.Result(c, o, passed, null);
            } catch (BusinessRuleException e) {
                return new ExampleCase.Result(c, null, false, messages.of(e));
            }
        }).toList();
    }

    Program require(DataScope scope, long id) {
        return programs.find(scope, id).orElseThrow(() -> BusinessRuleException.notFound("policy.error.programNotFound"));
    }

    private String orgPath(long orgId) {
        return jdbc.sql("select path from org.v_organisation where id = ?").param(orgId).query(String.class).optional()
                .orElse("");
    }
}
