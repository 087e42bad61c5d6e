package cn.unionaid.evaluation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.registry.Rosters;
import cn.unionaid.registry.importing.ModelWorkerSheet;
import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Seed 000's year paid through the application (budget 172.3 万; 春节慰问 387 人, 生活困难补助 85 人, 特殊困难帮扶 67 人),
 * and the self-evaluation report written from it, read back from the DOCX and the PDF.
 */
@IntegrationTest
class Seed000ReportTests {

    private static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private ResultActions postJson(String who, String url, String json, Object... vars) throws Exception {
        return mvc.perform(post(url, vars).with(httpBasic("t007." + who, TestUnions.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** The batch of an official run walked from creation to completion, paid on {@code paidOn}. */
    private void pay(long runId, int people, String paidOn) throws Exception {
        String body = postJson("clerk", "/api/v1/batches/from-run", """
                {"runId":%d,"source":"PROVINCIAL_FINANCE","title":"发放"}""".formatted(runId))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        postJson("clerk", "/api/v1/batches/{id}/submit", "{}", id).andExpect(status().isOk());
        postJson("reviewer", "/api/v1/batches/{id}/review", "{}", id).andExpect(status().isOk());
        postJson("leader", "/api/v1/batches/{id}/decision", "{\"minutesNo\":\"纪要\",\"decidedOn\":\"2023-01-03\"}", id)
                .andExpect(status().isOk());
        postJson("clerk", "/api/v1/batches/{id}/publicity", "{\"from\":\"2023-01-04\"}", id).andExpect(status().isOk());
        mvc.perform(multipart("/api/v1/batches/{id}/publicity/photo", id).file(new MockMultipartFile("file", "p.jpg",
                "image/jpeg", PHOTO)).with(httpBasic("t007.clerk", TestUnions.PASSWORD))).andExpect(status().isOk());
        postJson("clerk", "/api/v1/batches/{id}/publicity/close", "{}", id).andExpect(status().isOk());
        mvc.perform(post("/api/v1/batches/{id}/payment-file", id).with(httpBasic("t007.finance", TestUnions.PASSWORD)))
                .andExpect(status().isOk());
        StringBuilder statement = new StringBuilder("业务参考号,户名,金额,交易结果,交易日期\n");
        jdbc.sql("select reference, name, amount_fen from disbursement.batch_item where batch_id = ?").param(id)
                .query((rs, n) -> statement.append(rs.getString(1)).append(',').append(rs.getString(2)).append(',')
                        .append(cn.unionaid.shared.Money.ofFen(rs.getLong(3)).toYuanString()).append(",成功,").append(paidOn)
                        .append('\n')).list();
        mvc.perform(multipart("/api/v1/batches/{id}/statement", id).file(new MockMultipartFile("file", "s.csv", "text/csv",
                statement.toString().getBytes(StandardCharsets.UTF_8))).with(httpBasic("t007.cashier", TestUnions.PASSWORD)))
                .andExpect(jsonPath("$.paid").value(people));
    }

    /** An official run of the program; its people and total are what the rule gives, checked here to the fen. */
    private long officialRun(long program, int people, long totalFen) throws Exception {
        String run = postJson("clerk", "/api/v1/programs/{id}/runs", "{}", program).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(run, "$.id")).longValue();
        assertThat((Integer) JsonPath.read(run, "$.eligible")).isEqualTo(people);
        assertThat(jdbc.sql("select sum(amount_fen) from policy.entitlement where run_id = ?").param(id).query(Long.class).single())
                .isEqualTo(totalFen);
        return id;
    }

    @Test
    void theReportStatesTheYearsFiguresFromItsOwnData() throws Exception {
        long org = TestUnions.open(mvc, jdbc, "T007", "益阳测试总工会", "430971", Map.of("t007.clerk", "\"CLERK\"",
                "t007.reviewer", "\"REVIEWER\"", "t007.leader", "\"LEADER\"", "t007.finance", "\"FINANCE\"",
                "t007.cashier", "\"FINANCE\""));
        // Seed 000 from its rule: 85 of the 387 live below the 离退休 line of 4500 元/月 by these gaps, so that
        // 生活困难补助 (gap × 12 months) comes to 103.974 万元; the others live above it.
        long[] gap = new long[85];
        for (int i = 0; i < 84; i++) {
            gap[i] = 500 + (i * 37L) % 1000;
        }
        gap[84] = 86_645 - java.util.Arrays.stream(gap, 0, 84).sum();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 387; i++) {
            long income = i < 85 ? 4500 - gap[i] : 5000 + (i * 53L) % 3000;
            rows.add(List.of("益劳模" + i, Rosters.idNumber("430971", LocalDate.of(1948, 1, 1).plusDays(i * 23L), 100 + (i % 800)),
                    "省部级劳动模范", "2000", "离退休", "益阳某厂", "T007", "430971", income + ".00", "2022-12", "", "中国工商银行",
                    "62220277%011d".formatted(i), "是", "保持", "2020-01-01", ""));
        }
        mvc.perform(multipart("/api/v1/model-workers/import").file(new MockMultipartFile("file", "t.xlsx",
                "application/octet-stream", Rosters.xlsx(ModelWorkerSheet.COLUMNS, rows)))
                .with(httpBasic("t007.clerk", TestUnions.PASSWORD))).andExpect(jsonPath("$.imported").value(387));
        List<Long> workers = jdbc.sql("select id from registry.model_worker where org_id = ? order by id").param(org).query(Long.class).list();
        String template = mvc.perform(post("/api/v1/policy/templates/SEED_000").param("year", "2023")
                .with(httpBasic("t007.clerk", TestUnions.PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        postJson("reviewer", "/api/v1/parameter-versions/approve", "{\"ids\":" + JsonPath.read(template, "$.proposedVersionIds")
                + "}").andExpect(status().isOk());
        Map<String, Long> programs = new java.util.HashMap<>();
        jdbc.sql("select code, id from policy.program where org_id = ?").param(org)
                .query((rs, n) -> programs.put(rs.getString(1), rs.getLong(2))).list();
        postJson("finance", "/api/v1/funds/budget", "{\"year\":2023,\"source\":\"PROVINCIAL_FINANCE\",\"amountYuan\":\"1723000\"}")
                .andExpect(status().isNoContent());
        postJson("finance", "/api/v1/funds/receipts", """
                {"year":2023,"source":"PROVINCIAL_FINANCE","date":"2023-01-02","amountYuan":"1723000","voucher":"省财2023-1"}""")
                .andExpect(status().isNoContent());

        // 67 claims for 特殊困难帮扶, seven of them above the 6000 元 cap, coming to 29.626 万元 after it.
        long[] asked = new long[67];
        for (int k = 0; k < 66; k++) {
            asked[k] = 2550 + (k * 173L) % 4000;
        }
        asked[66] = 296_260 - java.util.Arrays.stream(asked, 0, 66).map(a -> Math.min(a, 6000)).sum();
        for (int k = 0; k < 67; k++) {
            postJson("clerk", "/api/v1/programs/{id}/claims", """
                    {"subjectId":%d,"costYuan":"%d","requestedYuan":"%d","note":"大病医疗自付费用申请"}""".formatted(
                    workers.get(100 + k), asked[k] * 2, asked[k]), programs.get("LM-SPECIAL")).andExpect(status().isNoContent());
            // Only an approved claim is paid: the reviewer (not the clerk who registered it) approves each.
            postJson("reviewer", "/api/v1/programs/{id}/claims/{s}/review", "{\"approve\":true}", programs.get("LM-SPECIAL"),
                    workers.get(100 + k)).andExpect(status().isNoContent());
        }
        long hardshipFen = java.util.Arrays.stream(gap).sum() * 12 * 100;
        long specialFen = java.util.Arrays.stream(asked).map(a -> Math.min(a, 6000)).sum() * 100;
        assertThat(hardshipFen).isEqualTo(103_974_000L);
        assertThat(specialFen).isEqualTo(29_626_000L);
        long sfc = officialRun(programs.get("LM-SFC"), 387, 38_700_000L);
        long hardship = officialRun(programs.get("LM-HARDSHIP"), 85, hardshipFen);
        long special = officialRun(programs.get("LM-SPECIAL"), 67, specialFen);
        pay(sfc, 387, "2023-01-18");
        pay(hardship, 85, "2023-06-20");
        pay(special, 67, "2023-11-30");

        String survey = postJson("clerk", "/api/v1/evaluation/surveys", """
                {"programId":%d,"title":"春节慰问满意度调查","sampleSize":15,"seed":42}""".formatted(programs.get("LM-SFC")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long surveyId = ((Number) JsonPath.read(survey, "$.id")).longValue();
        List<Number> sample = JsonPath.read(survey, "$.respondents[*].subjectId");
        assertThat(sample.stream().map(Number::longValue).toList()).hasSize(15)
                .isEqualTo(cn.unionaid.shared.SeededSample.draw(workers, 15, 42));
        for (int i = 0; i < sample.size(); i++) {
            postJson("clerk", "/api/v1/evaluation/surveys/{id}/answers", """
                    {"subjectId":%d,"method":"PHONE","answers":["是","是","明显","%s"]}""".formatted(sample.get(i).longValue(),
                    i == 0 ? "不满意" : "满意"), surveyId).andExpect(status().isOk());
        }
        // No data, no score: two leaves have no target or no actual, so the report waits for the evaluator's confirmation.
        mvc.perform(get("/api/v1/evaluation/self-report").param("year", "2023").param("format", "docx")
                .with(httpBasic("t007.leader", TestUnions.PASSWORD))).andExpect(status().isConflict())
                .andExpect(content().string(containsString("帮扶人次、社会效益：困难职工和劳模生活改善")));
        byte[] docx = mvc.perform(get("/api/v1/evaluation/self-report").param("year", "2023").param("format", "docx")
                .param("confirmUnscored", "true")
                .with(httpBasic("t007.leader", TestUnions.PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        String text;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            text = x.getText();
        }
        assertThat(text).contains("共安排帮扶专项资金172.3万元", "春节慰问387人，38.7万元", "生活困难补助85人，103.974万元",
                "特殊困难帮扶67人，29.626万元", "截至2023年12月31日（年末）执行率100.0%", "有效问卷15份，满意（含基本满意）14份，满意度93.3%", "一、基本情况", "七、其他需要说明的问题",
                "以下2项指标因无实际值或未设定目标值未得分，经评价人确认后出具本报告：帮扶人次（", "帮扶人次未设定目标值，不得分",
                "建议：1.针对“帮扶人次”：补齐数据来源并在年初设定绩效目标");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs()).filteredOn(p -> p.getText().startsWith("一、基本情况")).singleElement()
                    .extracting(XWPFParagraph::getStyle).isEqualTo("Heading1");
            assertThat(doc.getParagraphs()).anyMatch(p -> p.getCTP().getFldSimpleList().stream()
                    .anyMatch(f -> f.getInstr().startsWith("TOC")));
            assertThat(doc.getFooterList()).isNotEmpty();
        }
        byte[] pdf = mvc.perform(get("/api/v1/evaluation/self-report").param("year", "2023").param("format", "pdf")
                .param("confirmUnscored", "true")
                .with(httpBasic("t007.leader", TestUnions.PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            // The text layer reads as written (生, 工 are not extracted as Kangxi radicals), so the PDF can be searched.
            assertThat(new PDFTextStripper().getText(doc)).contains("172.3", "387", "38.7", "85", "103.974", "67", "29.626",
                    "100.0%", "益阳测试总工会", "生活困难补助", "第 1 页").doesNotContain("⼯", "⽣");
        }
    }
}
