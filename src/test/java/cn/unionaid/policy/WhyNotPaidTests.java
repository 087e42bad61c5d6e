package cn.unionaid.policy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.disbursement.BatchFlow;
import cn.unionaid.registry.Rosters;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15 §5: a run says exactly why someone is not paid, with the dates that decide it, and counts the excluded by
 * cause; a roster row without 建档日期 is refused, never dated today.
 */
@IntegrationTest
class WhyNotPaidTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRunNamesTheCauseAndItsDatesAndCountsTheExcludedByCause() throws Exception {
        long union = TestUnions.open(mvc, jdbc, "T016", "沅江市总工会（原因测试）", "430981", Map.of("t016.clerk", "\"CLERK\"",
                "t016.reviewer", "\"REVIEWER\""));
        BatchFlow flow = new BatchFlow(mvc, "t016");
        String[] opened = {"2022-01-10", "2022-01-10", "2024-03-15", "2022-01-10"};
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < opened.length; i++) {
            rows.add(row(i, opened[i]));
        }
        mvc.perform(multipart("/api/v1/households/import").file(new MockMultipartFile("file", "沅江.csv", "text/csv",
                Rosters.householdCsv(rows, StandardCharsets.UTF_8))).with(flow.as("clerk"))).andExpect(jsonPath("$.imported").value(4));
        List<Long> h = jdbc.sql("select id from registry.household where org_id = ? order by household_no").param(union).query(Long.class).list();
        flow.postJson("clerk", "/api/v1/households/{id}/events", "{\"kind\":\"CLOSED\",\"date\":\"2023-10-01\",\"reason\":\"迁居外省\"}",
                h.get(1)).andExpect(status().isOk());
        flow.postJson("clerk", "/api/v1/households/{id}/events", "{\"kind\":\"LIFTED\",\"date\":\"2024-01-01\",\"reason\":\"已稳定就业\"}",
                h.get(3)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/policy/import").with(flow.as("clerk")).contentType("application/yaml").content("""
                year: 2024
                parameters: [{key: t016.sfc, name: 慰问金, unit: YUAN, versions: [{from: "2024-01-01", value: "800", document: 沅工发〔2024〕1号}]}]
                programs:
                  - {code: YJ-SFC, name: 春节慰问, beneficiary: HOUSEHOLD, fundSources: [SAME_LEVEL], referenceDate: "2024-01-01",
                     windowFrom: "2024-01-01", windowTo: "2024-12-31", rule: {conditions: [{type: IN_REGISTER}], amount: {type: FIXED, amount: t016.sfc}}}
                """)).andExpect(status().isOk());
        String proposed = mvc.perform(get("/api/v1/parameter-versions/proposed").with(flow.as("reviewer"))).andReturn()
                .getResponse().getContentAsString();
        flow.postJson("reviewer", "/api/v1/parameter-versions/approve", "{\"ids\":" + JsonPath.read(proposed,
                "$[?(@.key == 't016.sfc')].id") + "}").andExpect(status().isOk());
        long program = jdbc.sql("select id from policy.program where org_id = ? and code = 'YJ-SFC'").param(union).query(Long.class).single();
        String run = flow.postJson("clerk", "/api/v1/programs/{id}/runs", "{}", program).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long runId = ((Number) JsonPath.read(run, "$.id")).longValue();

        mvc.perform(get("/api/v1/runs/{id}/entitlements/{s}", runId, h.get(0)).with(flow.as("clerk")))
                .andExpect(jsonPath("$.decision").value("ELIGIBLE")).andExpect(jsonPath("$.amountYuan").value("800.00"));
        mvc.perform(get("/api/v1/runs/{id}/entitlements/{s}", runId, h.get(1)).with(flow.as("clerk")))
                .andExpect(jsonPath("$.reasonCode").value("CLOSED"))
                .andExpect(jsonPath("$.explanation", containsString("2023-10-01 注销，参照日期 2024-01-01 已不在册")));
        mvc.perform(get("/api/v1/runs/{id}/entitlements/{s}", runId, h.get(2)).with(flow.as("clerk")))
                .andExpect(jsonPath("$.reasonCode").value("OPENED_LATER"))
                .andExpect(jsonPath("$.explanation", containsString("建档日期 2024-03-15 晚于参照日期 2024-01-01")));
        mvc.perform(get("/api/v1/runs/{id}/entitlements/{s}", runId, h.get(3)).with(flow.as("clerk")))
                .andExpect(jsonPath("$.reasonCode").value("LIFTED"))
                .andExpect(jsonPath("$.explanation", containsString("2024-01-01 脱困")));
        String totals = mvc.perform(get("/api/v1/runs/{id}/totals", runId).with(flow.as("clerk"))).andReturn().getResponse()
                .getContentAsString();
        Map<String, Integer> byCause = new java.util.HashMap<>();
        List<Map<String, Object>> lines = JsonPath.read(totals, "$.byExclusion");
        lines.forEach(l -> byCause.put(l.get("name").toString(), ((Number) l.get("people")).intValue()));
        assertThat(byCause).containsExactlyInAnyOrderEntriesOf(Map.of("档案已注销", 1, "建档晚于参照日期", 1, "已脱困", 1));

        // A finished run never changes: the database refuses a changed amount, an added person and a deletion.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "update policy.entitlement set amount_fen = 90000 where run_id = ? and subject_id = ?").param(runId).param(h.get(0)).update())
                .rootCause().hasMessageContaining("can only be written while it is being computed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
                insert into policy.entitlement (run_id, subject_type, subject_id, name, region_code, in_register, decision,
                                                amount_fen, reason_code, explanation)
                values (?, 'HOUSEHOLD', -1, '补录', '430981', true, 'ELIGIBLE', 80000, 'ELIGIBLE', '补录')
                """).param(runId).update()).rootCause().hasMessageContaining("can only be written while it is being computed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from policy.entitlement where run_id = ?")
                .param(runId).update()).rootCause().hasMessageContaining("permission denied");
        assertThat(jdbc.sql("select sum(amount_fen) from policy.entitlement where run_id = ?").param(runId).query(Long.class)
                .single()).isEqualTo(80000L);
    }

    @Test
    void aRosterRowWithoutItsOpeningDateIsRefusedNamingRowAndColumn() throws Exception {
        TestUnions.open(mvc, jdbc, "T017", "沅江市总工会（建档测试）", "430981", Map.of("t017.clerk", "\"CLERK\""));
        List<List<String>> rows = List.of(row(0, "2022-01-10"), rowOf("T017", 1, ""));
        mvc.perform(multipart("/api/v1/households/import").file(new MockMultipartFile("file", "沅江.csv", "text/csv",
                        Rosters.householdCsv(List.of(rowOf("T017", 0, "2022-01-10"), rows.get(1)), StandardCharsets.UTF_8)))
                        .with(new BatchFlow(mvc, "t017").as("clerk")))
                .andExpect(jsonPath("$.errors[?(@.column == '建档日期')].row").value(org.hamcrest.Matchers.hasItem(3)))
                .andExpect(jsonPath("$.errors[?(@.column == '建档日期')].message").value(org.hamcrest.Matchers.hasItem("必填项为空")));
    }

    private static List<String> row(int i, String openedOn) {
        return rowOf("T016", i, openedOn);
    }

    private static List<String> rowOf(String org, int i, String openedOn) {
        return List.of(org + "-" + (10 + i), "户主", "沅江困难户" + org + i,
                Rosters.idNumber("430981", LocalDate.of(1968, 7, 1).plusDays(i * 77L + org.hashCode() % 50), 600 + i),
                "600", "健康", "深度困难", "因病致困", "", "中国建设银行", "62270081%011d".formatted(Math.abs(org.hashCode() % 1000) * 10 + i),
                org, "430981", openedOn);
    }
}
