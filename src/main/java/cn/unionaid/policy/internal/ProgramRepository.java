package cn.unionaid.policy.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.DataScope;
import cn.unionaid.policy.BeneficiaryKind;
import cn.unionaid.policy.Program;
import cn.unionaid.policy.Rule;
import cn.unionaid.shared.FundSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Programs and the history of their rules. */
@Repository
public class ProgramRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProgramRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public String ruleJson(Rule rule) {
        return json.writeValueAsString(rule);
    }

    public Rule rule(String text) {
        return json.readValue(text, Rule.class);
    }

    public List<Program> visible(DataScope scope, Integer year) {
        return jdbc.sql("""
                select p.* from policy.program p join org.v_organisation o on o.id = p.org_id
                 where starts_with(o.path, ?) and (?::int is null or p.year = ?) order by p.year desc, p.code
                """).param(scope.orgPath()).param(year).param(year).query(this::program).list();
    }

    /** The programs of the unions at or below any of {@code unionPaths} whose rule uses one of {@code keys}. */
    public List<Program> usingAny(java.util.Set<String> keys, java.util.Set<String> unionPaths) {
        return jdbc.sql("""
                select p.* from policy.program p join org.v_organisation o on o.id = p.org_id
                 where exists (select 1 from unnest(?::text[]) u where starts_with(o.path, u)) order by p.id
                """).param(unionPaths.toArray(String[]::new)).query(this::program).stream()
                .filter(p -> !java.util.Collections.disjoint(p.parameterKeys(), keys)).toList();
    }

    public Optional<Program> find(DataScope scope, long id) {
        return jdbc.sql("select p.* from policy.program p join org.v_organisation o on o.id = p.org_id where p.id = ? and starts_with(o.path, ?)")
                .param(id).param(scope.orgPath()).query(this::program).optional();
    }

    public Optional<Program> findByCode(long orgId, int year, String code) {
        return jdbc.sql("select * from policy.program where org_id = ? and year = ? and code = ?").param(orgId).param(year)
                .param(code).query(this::program).optional();
    }

    public long insert(Program p, String by) {
        String rule = ruleJson(p.rule());
        long id = jdbc.sql("""
                insert into policy.program (org_id, year, code, name, beneficiary, fund_sources, reference_date, window_from,
                                     window_to, rule, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).param(p.orgId()).param(p.year()).param(p.code()).param(p.name()).param(p.beneficiary().name())
                .param(sources(p)).param(Date.valueOf(p.referenceDate())).param(Date.valueOf(p.windowFrom()))
                .param(Date.valueOf(p.windowTo())).param(rule).param(by).query(Long.class).single();
        jdbc.sql("insert into policy.program_rule_history (program_id, rule_version, rule, changed_by) values (?, 1, ?, ?)")
                .param(id).param(rule).param(by).update();
        return id;
    }

    /** Stores a changed program; a changed rule gets the next version number, kept in the history. */
    public void update(Program before, Program after, String by) {
        String rule = ruleJson(after.rule());
        boolean ruleChanged = !rule.equals(ruleJson(before.rule()));
        int version = ruleChanged ? before.ruleVersion() + 1 : before.ruleVersion();
        int n = jdbc.sql("""
                update policy.program set name = ?, beneficiary = ?, fund_sources = ?, reference_date = ?, window_from = ?,
                       window_to = ?, rule = ?, rule_version = ?, updated_at = now()
                 where id = ? and rule_version = ?
                """).param(after.name()).param(after.beneficiary().name()).param(sources(after))
                .param(Date.valueOf(after.referenceDate())).param(Date.valueOf(after.windowFrom()))
                .param(Date.valueOf(after.windowTo())).param(rule).param(version).param(before.id())
                .param(before.ruleVersion()).update();
        if (n != 1) {
            throw BusinessRuleException.conflict("error.concurrentChange");
        }
        if (ruleChanged) {
            jdbc.sql("insert into policy.program_rule_history (program_id, rule_version, rule, changed_by) values (?, ?, ?, ?)")
                    .param(before.id()).param(version).param(rule).param(by).update();
        }
    }

    private static String sources(Program p) {
        return p.fundSources().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private Program program(ResultSet rs, int n) throws SQLException {
        EnumSet<FundSource> sources = EnumSet.noneOf(FundSource.class);
        Arrays.stream(rs.getString("fund_sources").split(",")).filter(s -> !s.isBlank())
                .forEach(s -> sources.add(FundSource.valueOf(s)));
        return new Program(rs.getLong("id"), rs.getLong("org_id"), rs.getInt("year"), rs.getString("code"),
                rs.getString("name"), BeneficiaryKind.valueOf(rs.getString("beneficiary")), sources,
                rs.getDate("reference_date").toLocalDate(), rs.getDate("window_from").toLocalDate(),
                rs.getDate("window_to").toLocalDate(), rule(rs.getString("rule")), rs.getInt("rule_version"));
    }
}
