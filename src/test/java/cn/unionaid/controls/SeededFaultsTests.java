package cn.unionaid.controls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.platform.db.EmbeddedDatabaseServer;
import cn.unionaid.registry.Rosters;
import cn.unionaid.registry.importing.ModelWorkerSheet;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A union whose year was paid properly through the application has no finding; the same union with exactly one
 * instance of each violation, written behind the application's back the way a careless or dishonest hand would,
 * has exactly one finding per check and nothing else.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeededFaultsTests {

    private static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedDatabaseServer server;

    private long org;
    private final Map<String, Long> programs = new HashMap<>();
    private final List<Long> workers = new ArrayList<>();
    private long cleanBatch;

    private static RequestPostProcessor as(String role) {
        return httpBasic("t006." + role, TestUnions.PASSWORD);
    }

    private ResultActions postJson(String who, String url, String json, Object... vars) throws Exception {
        return mvc.perform(post(url, vars).with(as(who)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @BeforeAll
    void aYearPaidProperly() throws Exception {
        org = TestUnions.open(mvc, jdbc, "T006", "南县总工会（测试）", "430921", Map.of("t006.clerk", "\"CLERK\"",
                "t006.reviewer", "\"REVIEWER\"", "t006.leader", "\"LEADER\"", "t006.finance", "\"FINANCE\"",
                "t006.cashier", "\"FINANCE\"",
                "t006.auditor", "\"AUDITOR\""));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(List.of("南县劳模" + i, Rosters.idNumber("430921", LocalDate.of(1952, 2, 1).plusDays(i * 71L), 300 + i),
                    i == 9 ? "市级劳动模范" : "省部级劳动模范", "2001", "离退休", "南县某厂", "T006", "430921", "3000", "2024-12", "",
                    "中国银行", "62165800%011d".formatted(600 + i), "是", "保持", "2020-01-01", ""));
        }
        mvc.perform(multipart("/api/v1/model-workers/import").file(new MockMultipartFile("file", "南县.xlsx",
                "application/octet-stream", Rosters.xlsx(ModelWorkerSheet.COLUMNS, rows))).with(as("clerk")))
                .andExpect(jsonPath("$.imported").value(10));
        workers.addAll(jdbc.sql("select id from registry.model_worker where org_id = ? order by name").param(org).query(Long.class).list());
        String summary = mvc.perform(post("/api/v1/policy/import").with(as("clerk")).contentType("application/yaml").content("""
                year: 2025
                parameters:
                  - {key: t006.amount, name: 慰问标准, unit: YUAN, versions: [{from: "2025-01-01", value: "1000", document: 测试文件}]}
                  - {key: t006.cov, name: 覆盖面上限, unit: PERCENT, versions: [{from: "2025-01-01", value: "50", document: 测试文件}]}
                programs:
                  - {code: NX-SFC, name: 春节慰问, beneficiary: MODEL_WORKER, fundSources: [SAME_LEVEL], referenceDate: "2025-01-29",
                     windowFrom: "2025-01-01", windowTo: "2025-12-31",
                     rule: {conditions: [{type: IN_REGISTER}, {type: HONOUR_IN, honours: [PROVINCIAL_MODEL]}], amount: {type: FIXED, amount: t006.amount}}}
                  - {code: NX-SPECIAL, name: 特殊困难帮扶, beneficiary: MODEL_WORKER, fundSources: [SAME_LEVEL], referenceDate: "2025-01-01",
                     windowFrom: "2025-01-01", windowTo: "2025-12-31",
                     rule: {conditions: [{type: IN_REGISTER}], amount: {type: FIXED, amount: t006.amount}, coveragePercent: t006.cov}}
                  - {code: NX-OTHER, name: 其他帮扶, beneficiary: MODEL_WORKER, fundSources: [ACFTU_CENTRAL], referenceDate: "2025-01-01",
                     windowFrom: "2025-01-01", windowTo: "2025-12-31",
                     rule: {conditions: [{type: IN_REGISTER}], amount: {type: FIXED, amount: t006.amount}}}
                """)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> versions = JsonPath.read(summary, "$.proposedVersionIds");
        postJson("reviewer", "/api/v1/parameter-versions/approve", "{\"ids\":" + versions + "}").andExpect(status().isOk());
        for (String code : List.of("NX-SFC", "NX-SPECIAL", "NX-OTHER")) {
            programs.put(code, jdbc.sql("select id from policy.program where org_id = ? and code = ?").param(org).param(code)
                    .query(Long.class).single());
        }
        postJson("finance", "/api/v1/funds/budget", "{\"year\":2025,\"source\":\"SAME_LEVEL\",\"amountYuan\":\"20000\"}");
        postJson("finance", "/api/v1/funds/receipts", """
                {"year":2025,"source":"SAME_LEVEL","date":"2025-01-05","amountYuan":"20000","voucher":"南县配套2025-1"}""")
                .andExpect(status().isNoContent());
        String run = postJson("clerk", "/api/v1/programs/{id}/runs", "{}", programs.get("NX-SFC"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(run, "$.eligible")).isEqualTo(9);
        postJson("clerk", "/api/v1/programs/{id}/runs", "{}", programs.get("NX-SPECIAL")).andExpect(status().isCreated());
        String batch = postJson("clerk", "/api/v1/batches/from-run", """
                {"runId":%s,"source":"SAME_LEVEL","title":"2025年春节慰问"}""".formatted(JsonPath.read(run, "$.id").toString()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        cleanBatch = ((Number) JsonPath.read(batch, "$.id")).longValue();
        postJson("clerk", "/api/v1/batches/{id}/submit", "{}", cleanBatch).andExpect(status().isOk());
        postJson("reviewer", "/api/v1/batches/{id}/review", "{}", cleanBatch).andExpect(status().isOk());
        postJson("leader", "/api/v1/batches/{id}/decision", "{\"minutesNo\":\"南县纪要〔2025〕1号\",\"decidedOn\":\"2025-01-10\"}", cleanBatch)
                .andExpect(status().isOk());
        postJson("clerk", "/api/v1/batches/{id}/publicity", "{\"from\":\"2025-01-13\"}", cleanBatch).andExpect(status().isOk());
        mvc.perform(multipart("/api/v1/batches/{id}/publicity/photo", cleanBatch)
                .file(new MockMultipartFile("file", "p.jpg", "image/jpeg", PHOTO)).with(as("clerk"))).andExpect(status().isOk());
        postJson("clerk", "/api/v1/batches/{id}/publicity/close", "{}", cleanBatch).andExpect(status().isOk());
        mvc.perform(post("/api/v1/batches/{id}/payment-file", cleanBatch).param("layout", "GENERIC_CSV").with(as("finance")))
                .andExpect(status().isOk());
        StringBuilder statement = new StringBuilder("业务参考号,户名,金额,交易结果,交易日期\n");
        jdbc.sql("select reference, name, amount_fen from disbursement.batch_item where batch_id = ?").param(cleanBatch)
                .query((rs, n) -> statement.append(rs.getString(1)).append(',').append(rs.getString(2)).append(',')
                        .append(rs.getLong(3) / 100).append(",成功,2025-01-24\n")).list();
        mvc.perform(multipart("/api/v1/batches/{id}/statement", cleanBatch).file(new MockMultipartFile("file", "s.csv",
                "text/csv", statement.toString().getBytes(StandardCharsets.UTF_8))).with(as("cashier")))
                .andExpect(jsonPath("$.paid").value(9));
        postJson("finance", "/api/v1/batches/{id}/complete", "{}", cleanBatch).andExpect(status().isOk());
    }

    private Map<String, Long> liveFindingsOfUnion() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select check_code, count(*) from controls.finding where org_id = ? and status <> 'CLOSED' group by check_code")
                .param(org).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private long batchBehindTheBack(String program, String source, boolean photo) {
        return jdbc.sql("""
                insert into disbursement.batch (org_id, program_id, source, title, status, total_fen, prepared_by, publicity_photo)
                values (?, ?, ?, '手工补录', 'COMPLETED', 0, 'someone', ?) returning id
                """).param(org).param(programs.get(program)).param(source).param(photo ? "ab/photo" : null)
                .query(Long.class).single();
    }

    private long paidItem(long batch, long subject, String name, long fen, String source, String date) {
        long item = jdbc.sql("""
                insert into disbursement.batch_item (batch_id, subject_type, subject_id, name, org_name, card_enc, card_bidx, card_masked,
                                        amount_fen, reference, status, entitled_fen, entitlement_kind)
                values (?, 'MODEL_WORKER', ?, ?, '南县总工会（测试）', '\\x00', '\\x00', '6216 **** **** 0000', ?, ?, 'PAID', ?, 'EXACT')
                returning id
                """).param(batch).param(subject).param(name).param(fen).param("SEED-" + batch + "-" + subject).param(fen)
                .query(Long.class).single();
        payment(item, batch, fen, source, date);
        return item;
    }

    private void payment(Long item, Long batch, long fen, String source, String date) {
        jdbc.sql("""
                insert into funds.ledger_entry (org_id, year, source, kind, entry_date, amount_fen, voucher, batch_id, item_id, created_by)
                values (?, 2025, ?, 'PAYMENT', ?::date, ?, '补录', ?, ?, 'someone')
                """).param(org).param(source).param(date).param(fen).param(batch).param(item).update();
    }

    @Test
    void aCleanYearHasNoFindingAndEachSeededViolationExactlyOne() throws Exception {
        mvc.perform(post("/api/v1/controls/runs").with(as("leader"))).andExpect(status().isCreated());
        assertThat(liveFindingsOfUnion()).as("a year paid through the application").isEmpty();

        String w = "南县劳模";
        // 冒领: death recorded before the payment date of the clean batch
        jdbc.sql("insert into registry.registry_event (subject_type, subject_id, kind, event_date, reason, recorded_by) values ('MODEL_WORKER', ?, 'DECEASED', '2025-01-20', '补录', 'someone')")
                .param(workers.get(0)).update();
        // 虚列支出: a payee with no archive
        long ghost = batchBehindTheBack("NX-SFC", "SAME_LEVEL", true);
        long ghostItem = paidItem(ghost, 999_999_999L, "查无此人", 100_00, "SAME_LEVEL", "2025-02-01");
        // ... and booked twice: still one finding for the one payment, and the run does not fail on it
        payment(ghostItem, ghost, 100_00, "SAME_LEVEL", "2025-02-02");
        // 扩大发放范围: someone the run found ineligible, slipped into the run's batch
        long outside = paidItem(cleanBatch, workers.get(9), w + "9", 1000_00, "SAME_LEVEL", "2025-01-24");
        // 不按标准发放: one payee of the run's batch paid more than the run says
        jdbc.sql("update disbursement.batch_item set amount_fen = 150000 where batch_id = ? and subject_id = ?").param(cleanBatch)
                .param(workers.get(1)).update();
        // 重复发放: the same person paid again for the same program — the database itself refuses it now
        long again = batchBehindTheBack("NX-SFC", "SAME_LEVEL", true);
        assertThatThrownBy(() -> paidItem(again, workers.get(2), w + "2", 1000_00, "SAME_LEVEL",
                "2025-02-03")).isInstanceOf(DuplicateKeyException.class);
        // 覆盖面: seven paid in a program limited to 50 % of ten
        long special = batchBehindTheBack("NX-SPECIAL", "SAME_LEVEL", true);
        for (int i = 1; i <= 6; i++) {
            paidItem(special, workers.get(i), w + i, 100_00, "SAME_LEVEL", "2025-03-01");
        }
        // 向协会账户支付
        paidItem(special, workers.get(7), "南县劳模协会", 100_00, "SAME_LEVEL", "2025-03-01");
        // 现金: a payment with no bank transfer behind it
        payment(null, null, 50_00, "SAME_LEVEL", "2025-04-01");
        // 跨年度: paid after the program's window
        paidItem(batchBehindTheBack("NX-SPECIAL", "SAME_LEVEL", true), workers.get(8), w + "8", 100_00, "SAME_LEVEL", "2026-02-01");
        // 退回未入账: a returned line of the statement never booked
        jdbc.sql("insert into disbursement.statement_line (batch_id, line_digest, name, amount_fen, outcome, value_date, imported_by) values (?, ?, '某人', 100000, 'RETURNED', '2025-02-10', 'someone')")
                .param(cleanBatch).param("seed-" + System.nanoTime()).update();
        // 公示无证据: a completed batch without the photo of its posted list
        batchBehindTheBack("NX-OTHER", "ACFTU_CENTRAL", false);
        // 资金来源混用: paid from another source than the batch's
        paidItem(batchBehindTheBack("NX-OTHER", "SAME_LEVEL", true), workers.get(3), w + "3", 100_00, "CITY_FINANCE", "2025-05-01");
        // 超预算
        jdbc.sql("insert into funds.budget_line (org_id, year, source, amount_fen, created_by) values (?, 2025, 'ACFTU_CENTRAL', 5000, 'someone')")
                .param(org).update();
        paidItem(batchBehindTheBack("NX-OTHER", "ACFTU_CENTRAL", true), workers.get(4), w + "4", 100_00, "ACFTU_CENTRAL", "2025-05-02");

        mvc.perform(post("/api/v1/controls/runs").with(as("leader"))).andExpect(status().isCreated());
        Map<String, Long> expected = new HashMap<>();
        for (ControlCheck c : ControlCheck.values()) {
            expected.put(c.name(), 1L);
        }
        expected.remove(ControlCheck.DUPLICATE.name());
        assertThat(liveFindingsOfUnion()).isEqualTo(expected);

        mvc.perform(post("/api/v1/controls/runs").with(as("leader"))).andExpect(status().isCreated());
        assertThat(liveFindingsOfUnion()).as("a re-run does not duplicate").isEqualTo(expected);

        jdbc.sql("update disbursement.batch_item set status = 'RETURNED' where id = ?").param(outside).update();
        jdbc.sql("update disbursement.batch_item set status = 'REFUNDED' where id = ?").param(outside).update();
        mvc.perform(post("/api/v1/controls/runs").with(as("leader"))).andExpect(status().isCreated());
        assertThat(liveFindingsOfUnion()).doesNotContainKey("OUTSIDE_POPULATION").hasSize(11);
        assertThat(jdbc.sql("select closed_reason from controls.finding where org_id = ? and check_code = 'OUTSIDE_POPULATION'")
                .param(org).query(String.class).single()).isEqualTo("复查时原因已消除");

        String findings = mvc.perform(get("/api/v1/controls/findings").param("check", "ORGANISATION_ACCOUNT").with(as("auditor")))
                .andReturn().getResponse().getContentAsString();
        Number id = JsonPath.read(findings, "$.items[0].id");
        assertThat((String) JsonPath.read(findings, "$.items[0].detail")).contains("南县劳模协会");
        postJson("auditor", "/api/v1/controls/findings/{id}/note", "{\"status\":\"EXPLAINED\",\"note\":\"已责令收回\"}", id)
                .andExpect(status().isNoContent());
        postJson("auditor", "/api/v1/batches/{id}/submit", "{}", cleanBatch).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/controls/runs").with(as("auditor"))).andExpect(status().isForbidden());
        postJson("auditor", "/api/v1/funds/receipts", """
                {"year":2025,"source":"SAME_LEVEL","date":"2025-01-05","amountYuan":"1","voucher":"x"}""")
                .andExpect(status().isForbidden());
    }

    /**
     * The database refuses a second live payment of a person in a program (V12), and the 重复发放 check stays as the
     * auditor's independent reading of what was paid. To see it find one, the guard is taken away for a moment by
     * the database's owner, as a restore from an old dump or a hand in the database could have done.
     */
    @Test
    void aPersonPaidTwiceInAProgramIsFoundWhenTheDatabaseGuardWasBypassed() throws Exception {
        var ownerConnection = new org.springframework.jdbc.datasource.SingleConnectionDataSource(server.ownerJdbcUrl(),
                EmbeddedDatabaseServer.OWNER, "", true);
        var owner = new org.springframework.jdbc.core.JdbcTemplate(ownerConnection);
        String guard = owner.queryForObject(
                "select pg_get_indexdef('disbursement.batch_item_one_live_per_program'::regclass)", String.class);
        long[] twice = {0};
        owner.execute("drop index disbursement.batch_item_one_live_per_program");
        try {
            twice[0] = paidItem(batchBehindTheBack("NX-SFC", "SAME_LEVEL", true), workers.get(5), "南县劳模5", 1000_00,
                    "SAME_LEVEL", "2025-02-05");
            mvc.perform(post("/api/v1/controls/runs").with(as("leader"))).andExpect(status().isCreated());
            assertThat(liveFindingsOfUnion()).containsEntry("DUPLICATE", 1L);
            assertThat(jdbc.sql("select detail from controls.finding where org_id = ? and check_code = 'DUPLICATE' and status <> 'CLOSED'")
                    .param(org).query(String.class).single()).startsWith("南县劳模5 在项目“春节慰问”中被支付 2 次（批次 ");
        } finally {
            // refunded, the second payment is no longer live: the guard comes back (also after a failed assertion,
            // so that no other test runs without it) and the re-run closes the finding
            if (twice[0] != 0) {
                jdbc.sql("update disbursement.batch_item set status = 'RETURNED' where id = ?").param(twice[0]).update();
                jdbc.sql("update disbursement.batch_item set status = 'REFUNDED' where id = ?").param(twice[0]).update();
            }
            owner.execute(guard);
            ownerConnection.destroy();
        }
        mvc.perform(post("/api/v1/controls/runs").with(as("leader"))).andExpect(status().isCreated());
        assertThat(liveFindingsOfUnion()).doesNotContainKey("DUPLICATE");
    }

    @Test
    void theEvidencePackOfABatchHoldsItsDecisionPublicityPaymentReconciliationAndVerifiedChain() throws Exception {
        byte[] zip = mvc.perform(get("/api/v1/controls/evidence-packs/{id}", cleanBatch).with(as("auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(entries).containsKeys("00-说明.txt", "02-公示名单.pdf", "03-公示照片.jpg", "04-支付文件SHA256.txt",
                "05-银行对账单.csv", "06-对账报告.csv", "07-审计日志摘录.csv", "08-哈希链.csv", "09-锚点校验.txt");
        assertThat(entries.get("00-说明.txt")).contains("南县纪要〔2025〕1号");
        assertThat(entries.get("07-审计日志摘录.csv")).contains("batch.reviewed", "batch.publicityClosed", "batch.statementImported");
        assertThat(entries.get("09-锚点校验.txt")).contains("全链校验：通过");
        String[] chain = entries.get("08-哈希链.csv").replace("\uFEFF", "").split("\r\n");
        for (int i = 2; i < chain.length; i++) {
            assertThat(chain[i].split(",")[1]).as("row %s links to the row before", i).isEqualTo(chain[i - 1].split(",")[2]);
        }
        assertThat(jdbc.sql("select count(*) from audit.audit_log where actor = 't006.auditor' and action = 'controls.evidencePackDownloaded'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
