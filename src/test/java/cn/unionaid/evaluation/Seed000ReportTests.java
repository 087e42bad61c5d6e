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

    /** A hand-made batch walked from creation to completion, paid on {@code paidOn}. */
    private void pay(long program, List<Long> who, List<String> amounts, String paidOn) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < who.size(); i++) {
            lines.append(i == 0 ? "" : ",").append("{\"subjectId\":%d,\"amountYuan\":\"%s\"}".formatted(who.get(i), amounts.get(i)));
        }
        String body = postJson("clerk", "/api/v1/batches", """
                {"programId":%d,"source":"PROVINCIAL_FINANCE","title":"发放","lines":[%s]}""".formatted(program, lines))
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
        jdbc.sql("select reference, name, amount_fen from batch_item where batch_id = ?").param(id)
                .query((rs, n) -> statement.append(rs.getString(1)).append(',').append(rs.getString(2)).append(',')
                        .append(cn.unionaid.shared.Money.ofFen(rs.getLong(3)).toYuanString()).append(",成功,").append(paidOn)
                        .append('\n')).list();
        mvc.perform(multipart("/api/v1/batches/{id}/statement", id).file(new MockMultipartFile("file", "s.csv", "text/csv",
                statement.toString().getBytes(StandardCharsets.UTF_8))).with(httpBasic("t007.cashier", TestUnions.PASSWORD)))
                .andExpect(jsonPath("$.paid").value(who.size()));
    }

    private static List<String> amounts(int n, String each, String last) {
        List<String> list = new ArrayList<>(java.util.Collections.nCopies(n - 1, each));
        list.add(last);
        return list;
    }

    @Test
    void theReportStatesTheYearsFiguresFromItsOwnData() throws Exception {
        long org = TestUnions.open(mvc, jdbc, "T007", "益阳测试总工会", "430971", Map.of("t007.clerk", "\"CLERK\"",
                "t007.reviewer", "\"REVIEWER\"", "t007.leader", "\"LEADER\"", "t007.finance", "\"FINANCE\"",
                "t007.cashier", "\"FINANCE\""));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 387; i++) {
            rows.add(List.of("益劳模" + i, Rosters.idNumber("430971", LocalDate.of(1948, 1, 1).plusDays(i * 23L), 100 + (i % 800)),
                    "省部级劳动模范", "2000", "离退休", "益阳某厂", "T007", "430971", "3000", "2022-12", "", "中国工商银行",
                    "62220277%011d".formatted(i), "是", "保持", "2020-01-01", ""));
        }
        mvc.perform(multipart("/api/v1/model-workers/import").file(new MockMultipartFile("file", "t.xlsx",
                "application/octet-stream", Rosters.xlsx(ModelWorkerSheet.COLUMNS, rows)))
                .with(httpBasic("t007.clerk", TestUnions.PASSWORD))).andExpect(jsonPath("$.imported").value(387));
        List<Long> workers = jdbc.sql("select id from model_worker where org_id = ? order by id").param(org).query(Long.class).list();
        mvc.perform(post("/api/v1/policy/import").with(httpBasic("t007.clerk", TestUnions.PASSWORD)).contentType("application/yaml")
                .content("""
                        year: 2023
                        parameters: [{key: t007.cap, name: 上限, unit: YUAN, versions: [{from: "2023-01-01", value: "20000", document: 测试文件}]}]
                        programs:
                          - {code: SFC, name: 春节慰问, beneficiary: MODEL_WORKER, fundSources: [PROVINCIAL_FINANCE], referenceDate: "2023-01-22",
                             windowFrom: "2023-01-01", windowTo: "2023-12-31", rule: {conditions: [{type: IN_REGISTER}], amount: {type: MANUAL, cap: t007.cap}}}
                          - {code: HARDSHIP, name: 生活困难补助, beneficiary: MODEL_WORKER, fundSources: [PROVINCIAL_FINANCE], referenceDate: "2023-01-01",
                             windowFrom: "2023-01-01", windowTo: "2023-12-31", rule: {conditions: [{type: IN_REGISTER}], amount: {type: MANUAL, cap: t007.cap}}}
                          - {code: SPECIAL, name: 特殊困难帮扶, beneficiary: MODEL_WORKER, fundSources: [PROVINCIAL_FINANCE], referenceDate: "2023-01-01",
                             windowFrom: "2023-01-01", windowTo: "2023-12-31", rule: {conditions: [{type: IN_REGISTER}], amount: {type: MANUAL, cap: t007.cap}}}
                        """)).andExpect(status().isOk());
        String proposed = mvc.perform(get("/api/v1/parameter-versions/proposed").with(httpBasic("t007.reviewer", TestUnions.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        postJson("reviewer", "/api/v1/parameter-versions/approve", "{\"ids\":" + JsonPath.read(proposed,
                "$[?(@.key == 't007.cap')].id") + "}").andExpect(status().isOk());
        Map<String, Long> programs = new java.util.HashMap<>();
        jdbc.sql("select code, id from program where org_id = ?").param(org)
                .query((rs, n) -> programs.put(rs.getString(1), rs.getLong(2))).list();
        postJson("finance", "/api/v1/funds/budget", "{\"year\":2023,\"source\":\"PROVINCIAL_FINANCE\",\"amountYuan\":\"1723000\"}")
                .andExpect(status().isNoContent());
        postJson("finance", "/api/v1/funds/receipts", """
                {"year":2023,"source":"PROVINCIAL_FINANCE","date":"2023-01-02","amountYuan":"1723000","voucher":"省财2023-1"}""")
                .andExpect(status().isNoContent());

        pay(programs.get("SFC"), workers, java.util.Collections.nCopies(387, "1000"), "2023-01-18");
        pay(programs.get("HARDSHIP"), workers.subList(0, 85), amounts(85, "12232", "12252"), "2023-06-20");
        pay(programs.get("SPECIAL"), workers.subList(100, 167), amounts(67, "4422", "4408"), "2023-11-30");

        String survey = postJson("clerk", "/api/v1/evaluation/surveys", """
                {"programId":%d,"title":"春节慰问满意度调查","sampleSize":15,"seed":42}""".formatted(programs.get("SFC")))
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
