package cn.unionaid.policy.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import cn.unionaid.org.Regions;
import cn.unionaid.platform.Messages;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.policy.AmountRule;
import cn.unionaid.policy.Assessment;
import cn.unionaid.policy.BeneficiaryKind;
import cn.unionaid.policy.Calculator;
import cn.unionaid.policy.Decision;
import cn.unionaid.policy.LoadedParameters;
import cn.unionaid.policy.Outcome;
import cn.unionaid.policy.ParameterDefinition;
import cn.unionaid.policy.PersonInputs;
import cn.unionaid.policy.Program;
import cn.unionaid.policy.RankKey;
import cn.unionaid.policy.RegisterStanding;
import cn.unionaid.policy.ResolvedParameter;
import cn.unionaid.registry.Employment;
import cn.unionaid.registry.HardshipCategory;
import cn.unionaid.registry.OnFile;
import cn.unionaid.registry.SubjectType;
import cn.unionaid.registry.Honour;
import cn.unionaid.platform.db.LargeQueries;
import cn.unionaid.platform.db.ReadWhileCopying;
import cn.unionaid.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work of one run, in one transaction: the population is streamed out of PostgreSQL with a cursor, each
 * person computed by the {@link Calculator} and written back with COPY (no per-row SQL), the reading and computing
 * on a second connection and thread while the run's connection writes ({@link ReadWhileCopying}); then the coverage and
 * budget limits are applied in SQL over a ranking, and the totals are taken.
 */
@Component
public class RunComputation {

    private static final List<String> COLUMNS = List.of("run_id", "subject_type", "subject_id", "name", "region_code",
            "grouping", "employment", "income_fen", "birth_date", "in_register", "cost_fen", "decision", "amount_fen",
            "reason_code", "explanation");

    /** When the archive was opened (its first 建档), and the first event on or before the date that took it off the register. */
    private static final String STANDING = """
            s.opened as opened_on, gone.kind as left_kind, gone.event_date as left_on
            """;
    /**
     * The register's kept spans (first 建档 and first ending date, kept as events are written and compared with them
     * every night) give both dates in one join; the ending event itself is looked up only for the few whose span ended
     * on or before the date.
     */
    private static final String GONE = """
            left join registry.v_on_file_span s on s.subject_type = '%1$s' and s.subject_id = %2$s.id
            left join lateral (select e.kind, e.event_date from registry.v_registry_event e
                                where s.ended <= :d and e.subject_type = '%1$s' and e.subject_id = %2$s.id
                                  and e.event_date = s.ended and e.kind in (%3$s) order by e.id limit 1) gone on true
            """;
    private static final String OTHER_PROGRAMS = """
            (select coalesce(sum(x.amount_fen), 0) from policy.entitlement x
              where x.run_id = any(:otherRuns) and x.subject_id = %s.id and x.subject_type = '%s')
            """;
    private static final String MODEL_WORKERS = """
            select m.id, m.name, m.region_code, m.honour, m.employment, m.monthly_income_fen as income, m.birth_date,
                   null as category, %s, c.cost_fen, c.requested_fen, %s as other
              from registry.v_model_worker m join org.v_organisation o on o.id = m.org_id
              left join policy.entitlement_claim c on c.program_id = :program and c.status = 'APPROVED' and c.subject_type = 'MODEL_WORKER'
                                           and c.subject_id = m.id
              %s
             where starts_with(o.path, :scope) and (:all or m.id = any(:ids))
             order by m.id
            """.formatted(STANDING, OTHER_PROGRAMS.formatted("m", "MODEL_WORKER"),
            GONE.formatted("MODEL_WORKER", "m", OnFile.endingKinds(SubjectType.MODEL_WORKER)));
    private static final String HOUSEHOLDS = """
            select h.id, coalesce(hd.name, h.household_no) as name, h.region_code, null as honour, null as employment,
                   (select sum(x.monthly_income_fen) / count(*) from registry.v_household_member x where x.household_id = h.id) as income,
                   hd.birth_date, h.category, %s, c.cost_fen, c.requested_fen, %s as other
              from registry.v_household h join org.v_organisation o on o.id = h.org_id
              left join registry.v_household_member hd on hd.household_id = h.id and hd.relation = 'HEAD'
              left join policy.entitlement_claim c on c.program_id = :program and c.status = 'APPROVED' and c.subject_type = 'HOUSEHOLD'
                                           and c.subject_id = h.id
              %s
             where starts_with(o.path, :scope) and (:all or h.id = any(:ids))
             order by h.id
            """.formatted(STANDING, OTHER_PROGRAMS.formatted("h", "HOUSEHOLD"),
            GONE.formatted("HOUSEHOLD", "h", OnFile.endingKinds(SubjectType.HOUSEHOLD)));
    private static final String OTHER_RUNS = """
            select max(r.id) from policy.entitlement_run r join policy.program p on p.id = r.program_id
             where p.org_id = ? and p.year = ? and p.id <> ? and r.kind = 'OFFICIAL' and r.status = 'DONE'
             group by r.program_id
            """;
    private static final String CUT = """
            with ranked as (
                select e.subject_id, row_number() over (order by %s) as rn,
                       sum(e.amount_fen) over (order by %s rows unbounded preceding) as running
                  from policy.entitlement e where e.run_id = :run and e.decision in ('ELIGIBLE', 'CAPPED'))
            update policy.entitlement e set decision = 'CUT', amount_fen = 0, reason_code = :code,
                   explanation = e.explanation || :prefix || r.rn || :suffix
              from ranked r
             where e.run_id = :run and e.subject_id = r.subject_id and %s
            """;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ParameterRepository parameters;
    private final RunRepository runs;
    private final Regions regions;
    private final Messages messages;
    private final LargeQueries largeQueries;
    private final ReadWhileCopying readWhileCopying;

    RunComputation(JdbcClient jdbc, DataSource dataSource, ParameterRepository parameters, RunRepository runs,
            Regions regions, Messages messages, LargeQueries largeQueries, ReadWhileCopying readWhileCopying) {
        this.largeQueries = largeQueries;
        this.readWhileCopying = readWhileCopying;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.parameters = parameters;
        this.runs = runs;
        this.regions = regions;
        this.messages = messages;
    }

    @Transactional
    public void compute(long runId, Program program, String programOrgPath, LocalDate referenceDate, boolean whatIf) {
        runs.holdWhileComputing(runId);
        LoadedParameters source = parameters(program, referenceDate, whatIf);
        Calculator calculator = new Calculator(program.rule(), source, referenceDate, messages::get);
        String subjectType = program.beneficiary().name();
        Long[] otherRuns = otherRuns(program);
        // The population is read and computed on a second connection while this one writes the entitlements.
        readWhileCopying.copy("policy.entitlement", COLUMNS, populationSql(program),
                connection -> populationParams(connection, program, programOrgPath, referenceDate, null, otherRuns),
                (rs, copy) -> {
                    PersonInputs p = person(rs, program.beneficiary(), referenceDate);
                    Outcome o = calculator.evaluate(p);
                    copy.row(runId, subjectType, p.subjectId(), p.name(), p.regionCode(),
                            p.honour() != null ? p.honour().label() : p.category() != null ? p.category().label() : null,
                            p.employment() == null ? null : p.employment().name(), p.incomeFen(), p.birthDate(),
                            p.inRegister(), p.costFen(), o.decision().name(), o.amountFen(), o.reasonCode(),
                            o.explanation());
                });
        String tieBreak = applyLimits(runId, program, source);
        runs.finish(runId, source.used(), tieBreak);
    }

    /**
     * What the program's rules (approved standards only) allow each of these people as of the reference date, one
     * by one, without the limits on the whole population. A claim-based program takes the amount asked on the
     * line as the claim when none is on file, so its cap applies to the line.
     */
    @Transactional(readOnly = true)
    public Map<Long, Assessment> assess(Program program, String programOrgPath, LocalDate referenceDate,
            Map<Long, Long> askedFen) {
        LoadedParameters source = parameters(program, referenceDate, false);
        Calculator calculator = new Calculator(program.rule(), source, referenceDate, messages::get);
        boolean claimBased = program.rule().amount() instanceof AmountRule.Manual;
        Map<Long, Assessment> result = new java.util.HashMap<>();
        population(program, programOrgPath, referenceDate, askedFen.keySet(), (ResultSet rs) -> {
            PersonInputs p = person(rs, program.beneficiary(), referenceDate);
            if (claimBased && !p.hasClaim()) {
                p = new PersonInputs(p.subjectId(), p.name(), p.regionCode(), p.honour(), p.employment(), p.incomeFen(),
                        p.birthDate(), p.inRegister(), p.category(), null, askedFen.get(p.subjectId()),
                        p.otherProgramsFen(), p.standing());
            }
            Outcome o;
            try {
                o = calculator.evaluate(p);
            } catch (BusinessRuleException e) {
                o = new Outcome(Decision.INELIGIBLE, 0, "MISSING_STANDARD", messages.of(e));
            }
            result.put(p.subjectId(), new Assessment(p.subjectId(), o.decision(), o.amountFen(), claimBased,
                    o.explanation()));
        });
        return result;
    }

    private LoadedParameters parameters(Program program, LocalDate referenceDate, boolean whatIf) {
        Map<String, String> names = parameters.definitions().stream()
                .collect(Collectors.toMap(ParameterDefinition::key, ParameterDefinition::name));
        return new LoadedParameters(parameters.usable(program.parameterKeys(), referenceDate, whatIf, program.orgId()),
                names, referenceDate,
                region -> regions.standardInForce(RegionCode.of(region), referenceDate).map(s -> s.monthly()));
    }

    /** Streams the program's population (or only {@code subjectIds}) with what the rules need of each. */
    private void population(Program program, String programOrgPath, LocalDate referenceDate,
            java.util.Collection<Long> subjectIds, org.springframework.jdbc.core.RowCallbackHandler each) {
        // Planned for the people asked about (three on a batch line, or a province), sorted and joined in memory.
        Connection connection = DataSourceUtils.getConnection(dataSource);
        largeQueries.stream(populationSql(program), populationParams(connection, program, programOrgPath, referenceDate,
                subjectIds, otherRuns(program)), each);
    }

    /** The latest official runs of the union's other programs of the year, for a yearly cap. */
    private Long[] otherRuns(Program program) {
        return program.rule().yearCap() == null ? new Long[0]
                : jdbc.sql(OTHER_RUNS).param(program.orgId()).param(program.year()).param(program.id())
                        .query(Long.class).list().toArray(Long[]::new);
    }

    private static String populationSql(Program program) {
        return program.beneficiary() == BeneficiaryKind.MODEL_WORKER ? MODEL_WORKERS : HOUSEHOLDS;
    }

    /** The population query's parameters, its arrays made by the connection that reads. */
    private org.springframework.jdbc.core.namedparam.MapSqlParameterSource populationParams(Connection connection,
            Program program, String programOrgPath, LocalDate referenceDate, java.util.Collection<Long> subjectIds,
            Long[] otherRuns) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("d", Date.valueOf(referenceDate)).addValue("program", program.id())
                .addValue("scope", programOrgPath).addValue("otherRuns", arrayOf(connection, otherRuns))
                .addValue("all", subjectIds == null)
                .addValue("ids", arrayOf(connection, subjectIds == null ? new Long[0] : subjectIds.toArray(Long[]::new)));
    }

    private String applyLimits(long runId, Program program, LoadedParameters source) {
        String order = program.rule().ranking().stream().map(RankKey::orderBy)
                .collect(Collectors.joining(", ", "", program.rule().ranking().isEmpty() ? "" : ", ")) + "e.subject_id";
        String tieBreak = program.rule().ranking().stream().map(RankKey::label)
                .collect(Collectors.joining("，", "", program.rule().ranking().isEmpty() ? "" : "，"))
                + messages.get("policy.why.tieBreak");
        String anyRegion = regionOf(program.orgId());
        if (program.rule().coveragePercent() != null) {
            ResolvedParameter pct = source.get(program.rule().coveragePercent(), anyRegion);
            long base = jdbc.sql("select count(*) from policy.entitlement where run_id = ? and in_register").param(runId)
                    .query(Long.class).single();
            long limit = base * pct.value() / 100;
            jdbc.sql(CUT.formatted(order, order, "r.rn > :limit")).param("run", runId).param("code", "CUT_COVERAGE")
                    .param("prefix", messages.get("policy.why.cutCoverage", pct.cited(), base, limit, tieBreak))
                    .param("suffix", messages.get("policy.why.cutSuffix")).param("limit", limit).update();
        }
        if (program.rule().budget() != null) {
            ResolvedParameter budget = source.get(program.rule().budget(), anyRegion);
            jdbc.sql(CUT.formatted(order, order, "r.running > :budget")).param("run", runId).param("code", "CUT_BUDGET")
                    .param("prefix", messages.get("policy.why.cutBudget", budget.cited(), tieBreak))
                    .param("suffix", messages.get("policy.why.cutSuffix")).param("budget", budget.value()).update();
        }
        return tieBreak;
    }

    /** The region of the program's union, for limits set for the whole program; the root falls back to national. */
    private String regionOf(long orgId) {
        return jdbc.sql("select coalesce(region_code, '110000') from org.v_organisation where id = ?").param(orgId)
                .query(String.class).single();
    }

    private static java.sql.Array arrayOf(Connection c, Long[] ids) {
        try {
            return c.createArrayOf("bigint", ids);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PersonInputs person(ResultSet rs, BeneficiaryKind kind, LocalDate referenceDate) throws SQLException {
        long income = rs.getLong("income");
        Long incomeFen = rs.wasNull() ? null : income;
        long cost = rs.getLong("cost_fen");
        Long costFen = rs.wasNull() ? null : cost;
        long requested = rs.getLong("requested_fen");
        Long requestedFen = rs.wasNull() ? null : requested;
        Date birth = rs.getDate("birth_date");
        String honour = rs.getString("honour");
        String employment = rs.getString("employment");
        String category = rs.getString("category");
        Date opened = rs.getDate("opened_on");
        Date left = rs.getDate("left_on");
        RegisterStanding standing = new RegisterStanding(opened == null ? null : opened.toLocalDate(),
                rs.getString("left_kind"), left == null ? null : left.toLocalDate());
        return new PersonInputs(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"),
                honour == null ? null : Honour.valueOf(honour), employment == null ? null : Employment.valueOf(employment),
                incomeFen, birth == null ? null : birth.toLocalDate(), standing.onFile(referenceDate),
                category == null ? null : HardshipCategory.valueOf(category), costFen, requestedFen, rs.getLong("other"),
                standing);
    }
}
