package cn.unionaid.evaluation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.platform.documents.Documents;
import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
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
 * Seed 002 (a city union's 2022 third-party evaluation, 85 分 良) through the application: the budget and receipts
 * give 资金到位率 44.11 %, a payment to the 劳模协会 becomes a control finding the evaluator counts, the output leaf is
 * edited in the union's copy of the third-party system and measured by a manual actual with its evidence, and the
 * report comes out of the union's own template with every deduction and its reason.
 */
@IntegrationTest
class Seed002EvaluationTests {

    private static final byte[] SCAN = "%PDF-1.4 救助台账扫描件".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private static RequestPostProcessor as(String role) {
        return httpBasic("t008." + role, TestUnions.PASSWORD);
    }

    private ResultActions postJson(String who, String url, String json, Object... vars) throws Exception {
        return mvc.perform(post(url, vars).with(as(who)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void theThirdPartyTableIs85GoodWithEveryReasonAndTheReportUsesTheUnionsTemplate() throws Exception {
        long org = TestUnions.open(mvc, jdbc, "T008", "资阳区总工会（测试）", "430902", Map.of("t008.clerk", "\"CLERK\"",
                "t008.reviewer", "\"REVIEWER\"", "t008.leader", "\"LEADER\"", "t008.finance", "\"FINANCE\"",
                "t008.auditor", "\"AUDITOR\"", "t008.evaluator", "\"EVALUATOR\""));
        mvc.perform(post("/api/v1/policy/import").with(as("clerk")).contentType("application/yaml").content("""
                year: 2022
                parameters: [{key: t008.cap, name: 上限, unit: YUAN}]
                programs:
                  - {code: T008-HELP, name: 困难职工帮扶, beneficiary: MODEL_WORKER, fundSources: [PROVINCIAL_FINANCE],
                     referenceDate: "2022-01-01", windowFrom: "2022-01-01", windowTo: "2022-12-31",
                     rule: {conditions: [{type: IN_REGISTER}], amount: {type: MANUAL, cap: t008.cap}}}
                """)).andExpect(status().isOk());
        long program = jdbc.sql("select id from policy.program where org_id = ?").param(org).query(Long.class).single();
        postJson("finance", "/api/v1/funds/budget", "{\"year\":2022,\"source\":\"PROVINCIAL_FINANCE\",\"amountYuan\":\"34000000\"}")
                .andExpect(status().isNoContent());
        postJson("finance", "/api/v1/funds/receipts", """
                {"year":2022,"source":"PROVINCIAL_FINANCE","date":"2022-03-01","amountYuan":"14999000","voucher":"省财2022-8"}""")
                .andExpect(status().isNoContent());

        // 拨付了劳模协会工作经费10万元: a payment the application itself would never make, booked behind its back
        long batch = jdbc.sql("""
                insert into disbursement.batch (org_id, program_id, source, title, status, total_fen, prepared_by, publicity_photo)
                values (?, ?, 'PROVINCIAL_FINANCE', '协会经费', 'COMPLETED', 10000000, 'someone', 'ab/photo') returning id
                """).param(org).param(program).query(Long.class).single();
        long item = jdbc.sql("""
                insert into disbursement.batch_item (batch_id, subject_type, subject_id, name, org_name, card_enc, card_bidx, card_masked,
                                        amount_fen, reference, status)
                values (?, 'MODEL_WORKER', 0, '资阳区劳模协会', '资阳区总工会（测试）', '\\x00', '\\x00', '6216 **** **** 0000',
                        10000000, 'T008-ASSOC', 'PAID') returning id
                """).param(batch).query(Long.class).single();
        jdbc.sql("""
                insert into funds.ledger_entry (org_id, year, source, kind, entry_date, amount_fen, voucher, batch_id, item_id, created_by)
                values (?, 2022, 'PROVINCIAL_FINANCE', 'PAYMENT', '2022-05-10', 10000000, '记账凭证', ?, ?, 'someone')
                """).param(org).param(batch).param(item).update();
        // The auditor reads and notes; the checks are run by the union's business roles.
        mvc.perform(post("/api/v1/controls/runs").with(as("auditor"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/controls/runs").with(as("reviewer"))).andExpect(status().isCreated());
        String findings = mvc.perform(get("/api/v1/controls/findings").param("check", "ORGANISATION_ACCOUNT").with(as("auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long finding = ((Number) JsonPath.read(findings, "$.items[0].id")).longValue();

        // the union's copy of the third-party frame: the output leaf is the seed's 救助市直单位困难职工, counted by hand
        postJson("clerk", "/api/v1/evaluation/indicators?year=2022&frame=THIRD_PARTY", """
                {"code":"OUTPUT.QUANTITY","name":"救助市直单位困难职工","weight":16,"unit":"人","method":"DEDUCTIONS","bands":"80:4"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.customised").value(true));
        postJson("clerk", "/api/v1/evaluation/indicators?year=2022&frame=THIRD_PARTY", """
                {"code":"OUTPUT.QUALITY","name":"产出质量与时效","weight":16,"method":"DEDUCTIONS","bands":"八十:4"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("八十:4")));
        postJson("clerk", "/api/v1/evaluation/targets", "{\"year\":2022,\"indicator\":\"OUTPUT.QUANTITY\",\"target\":4850,\"unit\":\"人\"}")
                .andExpect(status().isNoContent());
        mvc.perform(multipart("/api/v1/evaluation/actuals").file(new MockMultipartFile("file", "救助台账.pdf", "application/pdf", SCAN))
                .param("year", "2022").param("frame", "THIRD_PARTY").param("indicator", "OUTPUT.QUANTITY").param("value", "3500")
                .with(as("clerk"))).andExpect(status().isCreated());
        mvc.perform(multipart("/api/v1/evaluation/actuals").file(new MockMultipartFile("file", "x.pdf", "application/pdf", SCAN))
                .param("year", "2022").param("frame", "THIRD_PARTY").param("indicator", "PROCESS.FUNDING").param("value", "100")
                .with(as("clerk"))).andExpect(status().isConflict());
        mvc.perform(multipart("/api/v1/evaluation/actuals").file(new MockMultipartFile("file", "x.txt", "text/plain", "3500".getBytes()))
                .param("year", "2022").param("frame", "THIRD_PARTY").param("indicator", "OUTPUT.QUANTITY").param("value", "4850")
                .with(as("clerk"))).andExpect(status().isBadRequest());

        String deduction = "{\"year\":2022,\"frame\":\"THIRD_PARTY\",\"indicator\":\"%s\",\"points\":%d,\"reason\":\"%s\"%s}";
        postJson("clerk", "/api/v1/evaluation/deductions", deduction.formatted("PROCESS.USE", 2, "x", ""))
                .andExpect(status().isForbidden());
        postJson("auditor", "/api/v1/evaluation/deductions", deduction.formatted("DECISION.TARGETS", 1,
                "审计无权扣分", "")).andExpect(status().isForbidden());
        postJson("evaluator", "/api/v1/evaluation/deductions", deduction.formatted("DECISION.TARGETS", 1,
                "“救助市直单位困难职工”目标值的设定不够合理", "")).andExpect(status().isCreated());
        postJson("evaluator", "/api/v1/evaluation/deductions", deduction.formatted("PROCESS.USE", 2, "拨付了劳模协会工作经费10万元",
                ",\"findingId\":" + finding)).andExpect(status().isCreated());
        postJson("evaluator", "/api/v1/evaluation/deductions", deduction.formatted("PROCESS.USE", 2, "再扣一次",
                ",\"findingId\":" + finding)).andExpect(status().isConflict());
        postJson("evaluator", "/api/v1/evaluation/deductions", deduction.formatted("PROCESS.MANAGEMENT", 2,
                "财务制度执行不够规范、公示资料未收录影像文件，归档工作有待完善", "")).andExpect(status().isCreated());
        postJson("evaluator", "/api/v1/evaluation/deductions", deduction.formatted("EFFECT.WORKERS", 1,
                "问卷调查结果显示，部分困难职工反映生活情况改善一般", "")).andExpect(status().isCreated());
        postJson("evaluator", "/api/v1/evaluation/deductions", deduction.formatted("EFFECT.MODELS", 1,
                "问卷调查结果显示，部分劳模反映生活情况改善一般", "")).andExpect(status().isCreated());

        String score = mvc.perform(get("/api/v1/evaluation/score").param("year", "2022").param("frame", "THIRD_PARTY")
                .with(as("leader"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Object) JsonPath.read(score, "$.grade")).isEqualTo("良");
        assertThat(((Number) JsonPath.read(score, "$.total")).doubleValue()).isEqualTo(85.0);
        List<String> levelOne = JsonPath.read(score, "$.lines[?(@.level == 1)].name");
        List<Number> levelOneScores = JsonPath.read(score, "$.lines[?(@.level == 1)].score");
        assertThat(levelOne).containsExactly("项目决策", "项目过程", "项目产出", "项目效益");
        assertThat(levelOneScores.stream().map(Number::intValue).toList()).containsExactly(19, 10, 28, 28);

        // the union's own letterhead template
        byte[] own;
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(Documents.defaultTemplate()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            d.insertNewParagraph(d.getParagraphs().get(0).getCTP().newCursor()).createRun().setText("资阳区总工会专用报告格式");
            d.write(out);
            own = out.toByteArray();
        }
        byte[] noTags;
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            d.createParagraph().createRun().setText("{{title}}");
            d.write(out);
            noTags = out.toByteArray();
        }
        mvc.perform(multipart(HttpMethod.PUT, "/api/v1/evaluation/templates/THIRD_PARTY")
                .file(new MockMultipartFile("file", "t.docx", "application/octet-stream", noTags)).with(as("clerk")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("paragraphs")));
        mvc.perform(multipart(HttpMethod.PUT, "/api/v1/evaluation/templates/THIRD_PARTY")
                .file(new MockMultipartFile("file", "资阳区.docx", "application/octet-stream", own)).with(as("clerk")))
                .andExpect(status().isNoContent());

        byte[] docx = mvc.perform(get("/api/v1/evaluation/report").param("year", "2022").param("frame", "THIRD_PARTY")
                .param("format", "docx").with(as("leader"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        String text;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            text = x.getText();
        }
        assertThat(text).contains("资阳区总工会专用报告格式", "2022年度帮扶专项资金绩效评价报告", "共安排帮扶专项资金3400万元，实际到位1499.9万元",
                "得分85分，等级“良”", "项目决策：满分20分，得分19分", "资金到位率44.11%，扣4分", "拨付了劳模协会工作经费10万元，扣2分",
                "“救助市直单位困难职工”3500人，低于绩效目标设定数80%，扣4分", "附表1 第三方绩效评价指标体系及评分表",
                "手工填报（救助台账.pdf）", "七、其他需要说明的问题");
        byte[] pdf = mvc.perform(get("/api/v1/evaluation/report").param("year", "2022").param("frame", "THIRD_PARTY")
                .param("format", "pdf").with(as("leader"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("44.11%", "3400", "1499.9", "85");
        }
        assertThat(jdbc.sql("select count(*) from audit.audit_log where action in ('evaluation.deducted', 'indicator.systemCreated', "
                + "'indicator.changed', 'indicator.actualRecorded', 'evaluation.templateUploaded') and actor like 't008.%'")
                .query(Long.class).single()).isEqualTo(9);
    }
}
