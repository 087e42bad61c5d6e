package cn.unionaid.evaluation;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.disbursement.BatchFlow;
import cn.unionaid.registry.Rosters;
import cn.unionaid.shared.Money;
import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15 on a union nobody prepared (高新区, 2023): the year's figures as of 31 December, computed here from what
 * happened and compared to the fen; January payments, a return in 2023 and one in 2024, a closed archive and a 2026
 * import; the figures of 2023 do not move when later data arrive; the report's parts add up to its total at one
 * cut-off; a report whose figures disagree is not issued; the metrics' definitions are the documented ones.
 */
@IntegrationTest
class YearFiguresTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPastYearNeverMovesAndItsPartsAddUpToItsTotal() throws Exception {
        long union = TestUnions.open(mvc, jdbc, "T015", "高新区总工会（口径测试）", "430972", Map.of("t015.clerk", "\"CLERK\"",
                "t015.reviewer", "\"REVIEWER\"", "t015.leader", "\"LEADER\"", "t015.finance", "\"FINANCE\"",
                "t015.cashier", "\"FINANCE\""));
        BatchFlow flow = new BatchFlow(mvc, "t015");
        importHouseholds("GX", 12, "2022-06-01", "t015.clerk");
        List<Long> h = jdbc.sql("select id from household where org_id = ? order by household_no").param(union)
                .query(Long.class).list();
        mvc.perform(post("/api/v1/policy/import").with(flow.as("clerk")).contentType("application/yaml").content("""
                year: 2023
                parameters: [{key: t015.cap, name: 上限, unit: YUAN, versions: [{from: "2023-01-01", value: "5000", document: 高新工发〔2023〕1号}]}]
                programs:
                  - {code: GX-HELP, name: 困难职工帮扶, beneficiary: HOUSEHOLD, fundSources: [SAME_LEVEL], referenceDate: "2023-01-01",
                     windowFrom: "2023-01-01", windowTo: "2024-01-31", rule: {conditions: [{type: IN_REGISTER}], amount: {type: MANUAL, cap: t015.cap}}}
                  - {code: GX-SFC, name: 春节慰问, beneficiary: HOUSEHOLD, fundSources: [SAME_LEVEL], referenceDate: "2023-01-01",
                     windowFrom: "2023-01-01", windowTo: "2024-01-31", rule: {conditions: [{type: IN_REGISTER}], amount: {type: MANUAL, cap: t015.cap}}}
                """)).andExpect(status().isOk());
        String proposed = mvc.perform(get("/api/v1/parameter-versions/proposed").with(flow.as("reviewer"))).andReturn()
                .getResponse().getContentAsString();
        flow.postJson("reviewer", "/api/v1/parameter-versions/approve", "{\"ids\":" + JsonPath.read(proposed,
                "$[?(@.key == 't015.cap')].id") + "}").andExpect(status().isOk());
        flow.postJson("finance", "/api/v1/funds/budget", "{\"year\":2023,\"source\":\"SAME_LEVEL\",\"amountYuan\":\"60000\"}")
                .andExpect(status().isNoContent());
        flow.postJson("finance", "/api/v1/funds/receipts", """
                {"year":2023,"source":"SAME_LEVEL","date":"2023-02-01","amountYuan":"50000","voucher":"高新配套2023-1"}""")
                .andExpect(status().isNoContent());
        long help = jdbc.sql("select id from program where org_id = ? and code = 'GX-HELP'").param(union).query(Long.class).single();
        long sfc = jdbc.sql("select id from program where org_id = ? and code = 'GX-SFC'").param(union).query(Long.class).single();
        // h9 leaves the register in May: on file at 31 December are 11.
        flow.postJson("clerk", "/api/v1/households/{id}/events", "{\"kind\":\"CLOSED\",\"date\":\"2023-05-01\",\"reason\":\"已脱困\"}",
                h.get(9)).andExpect(status().isOk());

        // Fresh amounts: a seeded random yuan amount per household, between 800 and 2,000.
        Random random = new Random(20231231L);
        Map<Long, Long> fen = new HashMap<>();
        h.forEach(id -> fen.put(id, (800 + random.nextInt(1201)) * 100L));
        long a = BatchFlow.created(flow.manual(help, "SAME_LEVEL", "2023年帮扶", h.subList(0, 6),
                h.subList(0, 6).stream().map(id -> Money.ofFen(fen.get(id)).toYuanString()).toList()));
        flow.throughPublicity(a, "2023-06-01", "2023-06-05");
        flow.paymentFile(a);
        Map<Long, String> refs = references(a);
        // h1 comes back in July 2023; everybody else is paid on 20 June.
        List<String> lines = new ArrayList<>();
        for (long id : h.subList(0, 6)) {
            lines.add(refs.get(id) + ",," + Money.ofFen(fen.get(id)).toYuanString() + "," + (id == h.get(1) ? "退回,2023-07-01" : "成功,2023-06-20"));
        }
        flow.statement(a, lines).andExpect(jsonPath("$.paid").value(5)).andExpect(jsonPath("$.returned").value(1));
        // 春节 money of the 2023 budget paid in January 2024 (h6..h8).
        long b = BatchFlow.created(flow.manual(sfc, "SAME_LEVEL", "2024年春节慰问", h.subList(6, 9),
                h.subList(6, 9).stream().map(id -> Money.ofFen(fen.get(id)).toYuanString()).toList()));
        flow.throughPublicity(b, "2023-12-20", "2023-12-21");
        flow.paymentFile(b);
        Map<Long, String> refsB = references(b);
        flow.statement(b, h.subList(6, 9).stream().map(id -> refsB.get(id) + ",," + Money.ofFen(fen.get(id)).toYuanString()
                + ",成功,2024-01-15").toList()).andExpect(jsonPath("$.paid").value(3));

        // What 31 December 2023 must show, computed here from what happened.
        List<Long> paidAtYearEnd = List.of(h.get(0), h.get(2), h.get(3), h.get(4), h.get(5));
        long amount = paidAtYearEnd.stream().mapToLong(fen::get).sum();
        Map<String, Object> before = metrics(flow);
        assertThat(before.get("HOUSEHOLDS_HELPED").toString()).isEqualTo("5");
        assertThat(new BigDecimal(before.get("AMOUNT_PAID").toString())).isEqualByComparingTo(BigDecimal.valueOf(amount).movePointLeft(6));
        assertThat(new BigDecimal(before.get("COVERAGE").toString())).isEqualByComparingTo(
                BigDecimal.valueOf(500).divide(BigDecimal.valueOf(11), 2, RoundingMode.HALF_UP));
        assertThat(new BigDecimal(before.get("EXECUTION_RATE").toString())).isEqualByComparingTo(
                BigDecimal.valueOf(amount * 100).divide(BigDecimal.valueOf(6_000_000), 2, RoundingMode.HALF_UP));

        // Later data: h2's payment comes back in March 2024, and 20 households are put on file in 2026.
        flow.statement(a, List.of(refs.get(h.get(2)) + ",," + Money.ofFen(fen.get(h.get(2))).toYuanString() + ",退回,2024-03-01"))
                .andExpect(jsonPath("$.returned").value(1));
        importHouseholds("GX26", 20, "2026-11-01", "t015.clerk");
        assertThat(metrics(flow)).as("2023 as of its year end, after 2024 and 2026 data").isEqualTo(before);

        // The report: one cut-off for the total and its parts; the January money is in neither.
        byte[] docx = mvc.perform(get("/api/v1/evaluation/self-report").param("year", "2023").param("format", "docx")
                .param("confirmUnscored", "true").with(flow.as("leader"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        String text;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            text = x.getText();
        }
        String wan = Money.ofFen(amount).toWanYuanString();
        assertThat(text).contains("截至2023年12月31日共发放" + wan + "万元，其中困难职工帮扶5人，" + wan + "万元。")
                .doesNotContain("春节慰问3人");

        // A paid payment with nothing on the ledger behind it: the report's figures disagree, and it is not issued.
        long c = BatchFlow.created(flow.manual(help, "SAME_LEVEL", "补发", List.of(h.get(10)), List.of("900.00")));
        jdbc.sql("update batch_item set status = 'PAID' where batch_id = ?").param(c).update();
        mvc.perform(get("/api/v1/evaluation/self-report").param("year", "2023").param("format", "docx")
                .param("confirmUnscored", "true").with(flow.as("leader"))).andExpect(status().isConflict())
                .andExpect(content().string(containsString("批次 " + c + "“补发”已支付明细 900.00 元，与台账支付减退回 0.00 元不一致")));
    }

    @Test
    void everyMetricsDefinitionIsTheDocumentedOne() throws Exception {
        String doc = Files.readString(Path.of("docs/metrics.md"));
        for (Metric m : Metric.values()) {
            assertThat(doc).as(m.name()).contains("| " + m.label() + " | " + m.unit() + " | `" + m.name() + "` | "
                    + m.definition() + " |");
        }
    }

    private Map<String, Object> metrics(BatchFlow flow) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/evaluation/metrics").param("year", "2023").with(flow.as("leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
    }

    private Map<Long, String> references(long batch) {
        Map<Long, String> refs = new HashMap<>();
        jdbc.sql("select subject_id, reference from batch_item where batch_id = ?").param(batch)
                .query((rs, n) -> refs.put(rs.getLong(1), rs.getString(2))).list();
        return refs;
    }

    private void importHouseholds(String prefix, int n, String openedOn, String clerk) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(List.of(prefix + "-" + (100 + i), "户主", "高新困难户" + prefix + i,
                    Rosters.idNumber("430972", LocalDate.of(1962, 5, 1).plusDays(i * 131L + prefix.length() * 7L), 400 + i),
                    "700", "健康", "深度困难", "因病致困", "", "中国银行", "62166100%011d".formatted(prefix.length() * 1000 + i),
                    "T015", "430972", openedOn));
        }
        mvc.perform(multipart("/api/v1/households/import").file(new MockMultipartFile("file", "高新.csv", "text/csv",
                        Rosters.householdCsv(rows, StandardCharsets.UTF_8)))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(
                        clerk, TestUnions.PASSWORD)))
                .andExpect(jsonPath("$.imported").value(n));
    }
}
