package cn.unionaid.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.registry.Rosters;
import cn.unionaid.registry.importing.ModelWorkerSheet;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Seed 000 (益阳 2023 省部级劳模专项) run on a roster that matches it: 387 registered, living model workers, 85 of
 * them below their line (在职 4800 元/月, 离退休 4500 元/月).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Seed000RunTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;
    @Autowired
    EntitlementRuns entitlementRuns;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private final Map<String, Long> programs = new java.util.HashMap<>();

    private static RequestPostProcessor clerk() {
        return httpBasic("t000.clerk", TestUnions.PASSWORD);
    }

    private static RequestPostProcessor reviewer() {
        return httpBasic("t000.reviewer", TestUnions.PASSWORD);
    }

    /** 387 provincial-level model workers of 沅江: rows 0–84 below their line, the others above it. */
    static List<List<String>> roster() {
        String[] honours = {"省部级劳动模范", "全国劳动模范", "省部级先进工作者", "享受省部级劳模待遇", "全国五一劳动奖章"};
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 387; i++) {
            boolean retired = i % 3 != 0;
            long line = retired ? 4500 : 4800;
            long income = i < 85 ? line - 100 - (i * 37L) % 2000 : line + (i * 53L) % 3000;
            rows.add(List.of("劳模" + i, Rosters.idNumber("430981", java.time.LocalDate.of(1950, 1, 1).plusDays(i * 29L), i),
                    honours[i % honours.length], "2000", retired ? "离退休" : "在职", "沅江某单位", "T000", "430981",
                    income + ".00", "2022-12", "", "中国农业银行", "62284810%011d".formatted(i), "是", "保持", "2020-01-01", ""));
        }
        return rows;
    }

    @BeforeAll
    void unionRosterAndStandards() throws Exception {
        TestUnions.open(mvc, jdbc, "T000", "沅江市总工会（测试）", "430981",
                Map.of("t000.clerk", "\"CLERK\",\"FINANCE\"", "t000.reviewer", "\"REVIEWER\""));
        mvc.perform(multipart("/api/v1/model-workers/import")
                        .file(new MockMultipartFile("file", "沅江劳模.xlsx", "application/octet-stream",
                                Rosters.xlsx(ModelWorkerSheet.COLUMNS, roster())))
                        .with(clerk()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(387));
        String summary = mvc.perform(post("/api/v1/policy/templates/SEED_000").param("year", "2023").with(clerk()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.programsSaved").value(4))
                .andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(summary, "$.proposedVersionIds");
        if (!ids.isEmpty()) {
            mvc.perform(post("/api/v1/parameter-versions/approve").with(clerk()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"ids\":" + ids + "}")).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/parameter-versions/approve").with(reviewer()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"ids\":" + ids + ",\"note\":\"与省总分配计划核对一致\"}")).andExpect(status().isOk());
        }
        String list = mvc.perform(get("/api/v1/programs").param("year", "2023").with(clerk()))
                .andReturn().getResponse().getContentAsString();
        List<String> codes = JsonPath.read(list, "$[*].code");
        List<Number> pids = JsonPath.read(list, "$[*].id");
        for (int i = 0; i < codes.size(); i++) {
            programs.put(codes.get(i), pids.get(i).longValue());
        }
    }

    private String run(String code, String body) throws Exception {
        return mvc.perform(post("/api/v1/programs/{id}/runs", programs.get(code)).with(clerk())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void springFestivalCondolenceIs387PeopleAnd38Point7Wan() throws Exception {
        String run = run("LM-SFC", "{}");
        assertThat((Integer) JsonPath.read(run, "$.eligible")).isEqualTo(387);
        assertThat((String) JsonPath.read(run, "$.totalWanYuan")).isEqualTo("38.7");
        assertThat((String) JsonPath.read(run, "$.referenceDate")).isEqualTo("2023-01-22");
        assertThat((String) JsonPath.read(run, "$.parameters[0].documentRef")).contains("2023");
    }

    @Test
    void livingHardshipSubsidyGoesToThe85BelowTheirLineWithTheReasonSpelledOut() throws Exception {
        String run = run("LM-HARDSHIP", "{}");
        assertThat((Integer) JsonPath.read(run, "$.eligible")).isEqualTo(85);
        long runId = ((Number) JsonPath.read(run, "$.id")).longValue();
        long first = jdbc.sql("select subject_id from policy.entitlement where run_id = ? and name = '劳模1'").param(runId)
                .query(Long.class).single();
        mvc.perform(get("/api/v1/runs/{r}/entitlements/{s}", runId, first).with(clerk()))
                .andExpect(jsonPath("$.decision").value("ELIGIBLE"))
                .andExpect(jsonPath("$.explanation", containsString("离退休标准线 4500.00 元")))
                .andExpect(jsonPath("$.explanation", containsString("× 12 个月")))
                .andExpect(jsonPath("$.explanation", containsString("省总2023年度劳模专项资金使用计划")));
        long above = jdbc.sql("select subject_id from policy.entitlement where run_id = ? and name = '劳模100'").param(runId)
                .query(Long.class).single();
        mvc.perform(get("/api/v1/runs/{r}/entitlements/{s}", runId, above).with(clerk()))
                .andExpect(jsonPath("$.decision").value("INELIGIBLE"))
                .andExpect(jsonPath("$.reasonCode").value("INCOME_NOT_BELOW"));
    }

    /**
     * A run is read on a second connection in its transaction's snapshot; a transaction that has written reads on its
     * own connection, so that it sees its own change: here one person's income lowered, uncommitted.
     */
    @Test
    void aRunInATransactionThatHasWrittenSeesItsOwnChangeAndOtherwiseTheSameEntitlements() throws Exception {
        long readBeside = ((Number) JsonPath.read(run("LM-HARDSHIP", "{}"), "$.id")).longValue();
        long person = jdbc.sql("select subject_id from policy.entitlement where run_id = ? and name = '劳模100'")
                .param(readBeside).query(Long.class).single();
        var clerk = users.loadUserByUsername("t000.clerk");
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(clerk, null,
                        clerk.getAuthorities()));
        String rows = """
                select subject_id, name, region_code, grouping, employment, income_fen, birth_date, in_register, cost_fen,
                       decision, amount_fen, reason_code, explanation
                  from policy.entitlement where run_id = ? and subject_id <> ? order by subject_id
                """;
        try {
            var scope = cn.unionaid.platform.CurrentUser.require().scope();
            new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(t -> {
                jdbc.sql("update registry.model_worker set monthly_income_fen = 100000 where id = ?").param(person).update();
                RunView inOne = entitlementRuns.run(scope, programs.get("LM-HARDSHIP"), null, false);
                assertThat(inOne.eligible()).isEqualTo(86);
                assertThat(jdbc.sql("select decision from policy.entitlement where run_id = ? and subject_id = ?")
                        .param(inOne.id()).param(person).query(String.class).single()).isEqualTo("ELIGIBLE");
                List<Map<String, Object>> others = jdbc.sql(rows).param(inOne.id()).param(person).query().listOfRows();
                assertThat(others).hasSize(386)
                        .isEqualTo(jdbc.sql(rows).param(readBeside).param(person).query().listOfRows());
                t.setRollbackOnly();
            });
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        assertThat(jdbc.sql("select decision from policy.entitlement where run_id = ? and subject_id = ?").param(readBeside)
                .param(person).query(String.class).single()).isEqualTo("INELIGIBLE");
    }

    @Test
    void aBindingCoverageLimitCutsExactlyToFortyPercentTheSameWayEveryTime() throws Exception {
        long program = programs.get("LM-SPECIAL");
        List<Long> ids = jdbc.sql("""
                select m.id from registry.model_worker m join org.organisation o on o.id = m.org_id where o.code = 'T000' order by m.id limit 200
                """).query(Long.class).list();
        for (int i = 0; i < ids.size(); i++) {
            mvc.perform(post("/api/v1/programs/{id}/claims", program).with(clerk()).contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"subjectId":%d,"costYuan":"%d","requestedYuan":"%d","note":"医药费清单"}
                            """.formatted(ids.get(i), 1000 + (i % 7) * 5000, 3000 + (i % 5) * 1000)))
                    .andExpect(status().isNoContent());
            mvc.perform(post("/api/v1/programs/{id}/claims/{s}/review", program, ids.get(i)).with(reviewer())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}")).andExpect(status().isNoContent());
        }
        String first = run("LM-SPECIAL", "{}");
        assertThat((Integer) JsonPath.read(first, "$.eligible")).isEqualTo(154);
        assertThat((Integer) JsonPath.read(first, "$.cut")).isEqualTo(46);
        String second = run("LM-SPECIAL", "{}");
        long a = ((Number) JsonPath.read(first, "$.id")).longValue();
        long b = ((Number) JsonPath.read(second, "$.id")).longValue();
        mvc.perform(get("/api/v1/runs/{a}/compare/{b}", a, b).with(clerk()))
                .andExpect(jsonPath("$.gained").value(0)).andExpect(jsonPath("$.lost").value(0));
        String cut = jdbc.sql("select explanation from policy.entitlement where run_id = ? and decision = 'CUT' limit 1")
                .param(a).query(String.class).single();
        assertThat(cut).contains("覆盖面上限", "至多 154 人", "自付费用高者优先");
        long maxCut = jdbc.sql("select max(cost_fen) from policy.entitlement where run_id = ? and decision = 'CUT'").param(a)
                .query(Long.class).single();
        long minKept = jdbc.sql("select min(cost_fen) from policy.entitlement where run_id = ? and decision in ('ELIGIBLE', 'CAPPED')")
                .param(a).query(Long.class).single();
        assertThat(minKept).isGreaterThanOrEqualTo(maxCut);
    }

    @Test
    void aWhatIfRunUsesTheProposedStandardAndIsComparedWithTheOfficialOne() throws Exception {
        String official = run("LM-SFC", "{}");
        mvc.perform(post("/api/v1/parameters/lm.sfc.amount/versions").with(clerk()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"regionCode":"430981","effectiveFrom":"2023-01-01","value":"1200","documentRef":"拟调整（测算）"}"""))
                .andExpect(status().isCreated());
        String whatIf = run("LM-SFC", "{\"whatIf\":true}");
        assertThat((String) JsonPath.read(whatIf, "$.kind")).isEqualTo("WHAT_IF");
        assertThat((String) JsonPath.read(whatIf, "$.totalYuan")).isEqualTo("464400.00");
        mvc.perform(get("/api/v1/runs/{a}/compare/{b}", ((Number) JsonPath.read(official, "$.id")).longValue(),
                        ((Number) JsonPath.read(whatIf, "$.id")).longValue()).with(clerk()))
                .andExpect(jsonPath("$.gained").value(387)).andExpect(jsonPath("$.gainedYuan").value("77400.00"));
        assertThat((String) JsonPath.read(run("LM-SFC", "{}"), "$.totalYuan")).isEqualTo("387000.00");
    }

    @Test
    void aMissingStandardStopsTheRunAndNamesIt() throws Exception {
        mvc.perform(post("/api/v1/parameters").with(clerk()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\":\"t000.bonus\",\"name\":\"测试奖励标准\",\"unit\":\"YUAN\"}")).andExpect(status().isNoContent());
        // Without a key one is made up for the union, and named in the answer's Location.
        String location = mvc.perform(post("/api/v1/parameters").with(clerk()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"测试自定义标准\",\"unit\":\"YUAN\"}")).andExpect(status().isNoContent())
                .andReturn().getResponse().getHeader("Location");
        org.assertj.core.api.Assertions.assertThat(location).matches("/api/v1/parameters/local\\.\\d+\\.[0-9a-z]+/versions");
        String yaml = """
                year: 2023
                programs:
                  - code: T-BONUS
                    name: 测试项目
                    beneficiary: MODEL_WORKER
                    fundSources: [SAME_LEVEL]
                    referenceDate: "2023-06-01"
                    windowFrom: "2023-01-01"
                    windowTo: "2023-12-31"
                    rule:
                      conditions: [{type: IN_REGISTER}]
                      amount: {type: FIXED, amount: t000.bonus}
                """;
        mvc.perform(post("/api/v1/policy/import").with(clerk()).contentType("application/yaml").content(yaml))
                .andExpect(status().isOk()).andExpect(jsonPath("$.programsSaved").value(1));
        long program = jdbc.sql("select id from policy.program where code = 'T-BONUS'").query(Long.class).single();
        mvc.perform(post("/api/v1/programs/{id}/runs", program).with(clerk()).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("t000.bonus（测试奖励标准）")))
                .andExpect(jsonPath("$.detail", containsString("没有已批准的版本")));
        assertThat(jdbc.sql("select status from policy.entitlement_run where program_id = ? order by id desc limit 1")
                .param(program).query(String.class).single()).isEqualTo("REFUSED");
        assertThat(jdbc.sql("select count(*) from policy.entitlement e join policy.entitlement_run r on r.id = e.run_id where r.program_id = ?")
                .param(program).query(Long.class).single()).isZero();
    }

    @Test
    void theExampleCasesOfTheTemplatePassAndTheFileExportsAgain() throws Exception {
        mvc.perform(get("/api/v1/programs/{id}/cases", programs.get("LM-HARDSHIP")).with(clerk()))
                .andExpect(jsonPath("$[0].passed").value(true)).andExpect(jsonPath("$[1].passed").value(true))
                .andExpect(jsonPath("$[2].passed").value(true));
        String yaml = mvc.perform(get("/api/v1/policy/export").param("year", "2023").with(clerk()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(yaml).contains("lm.hardship.line.retired", "4500.00", "TOP_UP", "生活困难补助");
        PolicyDocument doc = PolicyFiles.parse(yaml);
        assertThat(doc.programs()).extracting(PolicyDocument.ProgramEntry::code).contains("LM-SFC", "LM-HARDSHIP");
    }

    @Test
    void thePagesShowTheRuleTheCasesTheRunAndOnePersonsExplanation() throws Exception {
        String run = run("LM-HARDSHIP", "{}");
        long runId = ((Number) JsonPath.read(run, "$.id")).longValue();
        long person = jdbc.sql("select subject_id from policy.entitlement where run_id = ? and name = '劳模2'").param(runId)
                .query(Long.class).single();
        var page = cn.unionaid.DemoUsers.page(users, "t000.clerk");
        mvc.perform(get("/policy/programs").param("year", "2023").with(page)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("生活困难补助")));
        mvc.perform(get("/policy/programs/{id}", programs.get("LM-HARDSHIP")).with(page)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("月收入低于标准线")));
        mvc.perform(get("/policy/runs/{id}", runId).with(page)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("应发 85 人")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("data-chart")));
        mvc.perform(get("/policy/runs/{id}/people/{s}", runId, person).with(page)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("补足差额")));
        mvc.perform(get("/policy/parameters").with(page)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("lm.hardship.line.retired")));
    }
}
