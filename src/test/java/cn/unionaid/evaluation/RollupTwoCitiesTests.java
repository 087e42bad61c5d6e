package cn.unionaid.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.unionaid.DemoUsers;
import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.disbursement.BatchFlow;
import cn.unionaid.registry.Rosters;
import cn.unionaid.shared.Money;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The province's roll-up of a year nobody else touched (2021), over two cities given fresh data here: seeded amounts,
 * a return inside the year, an allocation down to a county. What each city's row must say is computed in the test from
 * what happened, and compared to the fen; the total is their sum and the allocation is shown, never spent twice.
 */
@IntegrationTest
class RollupTwoCitiesTests {

    private static final int YEAR = 2021;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    /** What a city's row must say, from what the test made happen. */
    record Expected(long budget, long received, long down, long paid, long people, long households) {
    }

    @Test
    void twoCitiesFiguresAreWhatHappenedAndTheTotalIsTheirSum() throws Exception {
        Expected changde = city("430700", "t019cd", "430702", "常德", 2021_07L, 1_000_000);
        Expected yueyang = city("430600", "t019yy", "430602", "岳阳", 2021_06L, 0);

        String json = mvc.perform(get("/api/v1/rollup").param("year", Integer.toString(YEAR)).with(DemoUsers.api("hunan.evaluator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        check(json, "常德市总工会", changde);
        check(json, "岳阳市总工会", yueyang);
        long paid = changde.paid() + yueyang.paid();
        assertThat(((Number) JsonPath.read(json, "$.total.paidFen")).longValue()).isEqualTo(paid);
        assertThat(((Number) JsonPath.read(json, "$.total.receivedFen")).longValue())
                .isEqualTo(changde.received() + yueyang.received());
        assertThat(((Number) JsonPath.read(json, "$.total.allocatedDownFen")).longValue()).isEqualTo(1_000_000);
        assertThat(((Number) JsonPath.read(json, "$.total.people")).longValue()).isEqualTo(changde.people() + yueyang.people());

        byte[] docx = mvc.perform(get("/api/v1/rollup/report").param("year", Integer.toString(YEAR)).param("format", "docx")
                .with(DemoUsers.api("hunan.evaluator"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
                var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("支出" + Money.ofFen(paid).toWanYuanString() + "万元",
                    "向下级拨付" + Money.ofFen(1_000_000).toWanYuanString() + "万元",
                    "常德市总工会：到位" + Money.ofFen(changde.received()).toWanYuanString() + "万元");
        }
    }

    private static void check(String json, String name, Expected e) {
        List<Map<String, Object>> rows = JsonPath.read(json, "$.rows[?(@.name == '" + name + "')]");
        assertThat(rows).as(name).hasSize(1);
        Map<String, Object> r = rows.get(0);
        assertThat(List.of(r.get("budgetFen"), r.get("receivedFen"), r.get("allocatedDownFen"), r.get("paidFen"), r.get("people"),
                r.get("households")).stream().map(v -> ((Number) v).longValue()).toList()).as(name)
                .containsExactly(e.budget(), e.received(), e.down(), e.paid(), e.people(), e.households());
    }

    /** A city's year: four households, a budget and a receipt, maybe an allocation down, one batch with one return. */
    private Expected city(String code, String p, String region, String place, long seed, long allocateFen) throws Exception {
        long org = DemoUsers.orgId(jdbc, code);
        TestUnions.staff(mvc, jdbc, org, Map.of(p + ".clerk", "\"CLERK\"", p + ".reviewer", "\"REVIEWER\"", p + ".leader",
                "\"LEADER\"", p + ".finance", "\"FINANCE\"", p + ".cashier", "\"FINANCE\""));
        BatchFlow flow = new BatchFlow(mvc, p);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(List.of(p.toUpperCase() + "-" + i, "户主", place + "汇总户" + i,
                    Rosters.idNumber(region, LocalDate.of(1963, 3, 1).plusDays(i * 97L), 200 + i), "700", "健康", "深度困难",
                    "因病致困", "", "中国银行", "62166100%011d".formatted(Long.parseLong(code) * 10 + i), code, region, "2020-06-01"));
        }
        mvc.perform(multipart("/api/v1/households/import").file(new MockMultipartFile("file", "h.csv", "text/csv",
                Rosters.householdCsv(rows, StandardCharsets.UTF_8))).with(httpBasic(p + ".clerk", TestUnions.PASSWORD)))
                .andExpect(jsonPath("$.imported").value(4));
        List<Long> h = jdbc.sql("select id from registry.household where org_id = ? and household_no like ? order by household_no")
                .param(org).param(p.toUpperCase() + "-%").query(Long.class).list();
        mvc.perform(post("/api/v1/policy/import").with(flow.as("clerk")).contentType("application/yaml").content("""
                year: %1$d
                parameters: [{key: %2$s.cap, name: 上限, unit: YUAN, versions: [{from: "%1$d-01-01", value: "5000", document: 汇总测试〔%1$d〕1号}]}]
                programs:
                  - {code: %3$s-HELP, name: 困难职工帮扶, beneficiary: HOUSEHOLD, fundSources: [SAME_LEVEL], referenceDate: "%1$d-01-01",
                     windowFrom: "%1$d-01-01", windowTo: "%1$d-12-31", rule: {conditions: [{type: IN_REGISTER}], amount: {type: MANUAL, cap: %2$s.cap}}}
                """.formatted(YEAR, p, p.toUpperCase()))).andExpect(status().isOk());
        flow.approveProposed(p + ".cap");
        flow.sameLevelFunds(YEAR, "60000", "50000", YEAR + "-02-01", "汇总测试配套-1");
        if (allocateFen > 0) {
            long county = TestUnions.openUnder(mvc, jdbc, org, p.toUpperCase() + "C", place + "某县总工会（汇总测试）", "COUNTY",
                    region, Map.of());
            flow.postJson("finance", "/api/v1/funds/allocations", """
                    {"year":%d,"source":"SAME_LEVEL","toOrgId":%d,"amountYuan":"%s","nature":"专项帮扶资金","conditions":"专款专用","date":"%d-03-01"}
                    """.formatted(YEAR, county, Money.ofFen(allocateFen).toYuanString(), YEAR)).andExpect(status().isCreated());
        }
        long program = jdbc.sql("select id from policy.program where org_id = ? and code = ?").param(org).param(p.toUpperCase() + "-HELP")
                .query(Long.class).single();
        Random random = new Random(seed);
        Map<Long, Long> fen = new HashMap<>();
        h.forEach(id -> fen.put(id, (800 + random.nextInt(1201)) * 100L + random.nextInt(100)));
        long batch = BatchFlow.created(flow.manual(program, "SAME_LEVEL", YEAR + "年帮扶", h,
                h.stream().map(id -> Money.ofFen(fen.get(id)).toYuanString()).toList()));
        flow.throughPublicity(batch, YEAR + "-06-01", YEAR + "-06-05");
        flow.paymentFile(batch);
        Map<Long, String> refs = new HashMap<>();
        jdbc.sql("select subject_id, reference from disbursement.batch_item where batch_id = ?").param(batch)
                .query((rs, n) -> refs.put(rs.getLong(1), rs.getString(2))).list();
        // the last household's money comes back in July; the others are paid on 20 June
        List<String> lines = new ArrayList<>();
        for (long id : h) {
            lines.add(refs.get(id) + ",," + Money.ofFen(fen.get(id)).toYuanString() + ","
                    + (id == h.get(3) ? "退回," + YEAR + "-07-01" : "成功," + YEAR + "-06-20"));
        }
        flow.statement(batch, lines).andExpect(jsonPath("$.paid").value(3)).andExpect(jsonPath("$.returned").value(1));
        long paid = h.subList(0, 3).stream().mapToLong(fen::get).sum();
        return new Expected(6_000_000, 5_000_000 - allocateFen, allocateFen, paid, 3, 3);
    }
}
