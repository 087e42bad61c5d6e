package cn.unionaid.disbursement;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.registry.Rosters;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Seed 004 (岳阳 2021 市财政、市总配套帮扶资金 370 万) run through budgets, receipts and batches from submission to
 * reconciliation; plus the controls around it: no skipped publicity, no open objection, no overspending.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Seed004DisbursementTests {

    private static final byte[] PHOTO = BatchFlow.PHOTO;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    private long program;
    private final List<Long> households = new ArrayList<>();

    private BatchFlow flow;

    private RequestPostProcessor as(String role) {
        return flow.as(role);
    }

    /** Signed in on the pages (a session), as a person of the union in this role. */
    private RequestPostProcessor onPages(String role) {
        return cn.unionaid.DemoUsers.page(users, "t004." + role);
    }

    private ResultActions postJson(String who, String url, String json, Object... vars) throws Exception {
        return flow.postJson(who, url, json, vars);
    }

    /** 资金到位: the union receives money of the source for the year (the finance role books it; 204 expected). */
    private void receive(int year, String source, String date, String yuan, String voucher) throws Exception {
        postJson("finance", "/api/v1/funds/receipts", """
                {"year":%d,"source":"%s","date":"%s","amountYuan":"%s","voucher":"%s"}""".formatted(year, source, date, yuan, voucher))
                .andExpect(status().isNoContent());
    }

    @BeforeAll
    void unionHouseholdsAndProgram() throws Exception {
        flow = new BatchFlow(mvc, "t004");
        TestUnions.open(mvc, jdbc, "T004", "安化县总工会（测试）", "430923", Map.of("t004.clerk", "\"CLERK\"",
                "t004.reviewer", "\"REVIEWER\"", "t004.leader", "\"LEADER\"", "t004.finance", "\"FINANCE\"",
                "t004.cashier", "\"FINANCE\""));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 47; i++) {
            rows.add(List.of("AH-" + i, "户主", "困难户" + i, Rosters.idNumber("430923", LocalDate.of(1965, 1, 1).plusDays(i * 53L), 700 + i),
                    "600", "健康", i % 2 == 0 ? "深度困难" : "相对困难", "因病致困", "", "中国建设银行", "62270000%011d".formatted(4000 + i),
                    "T004", "430923", "2020-01-01"));
        }
        mvc.perform(multipart("/api/v1/households/import").file(new MockMultipartFile("file", "安化.csv", "text/csv",
                Rosters.householdCsv(rows, StandardCharsets.UTF_8))).with(as("clerk"))).andExpect(jsonPath("$.imported").value(47));
        households.addAll(jdbc.sql("select h.id from registry.household h join org.organisation o on o.id = h.org_id where o.code = 'T004' order by h.household_no")
                .query(Long.class).list());
        for (int year : new int[] {2021, 2022, 2023}) {
            String yaml = """
                    year: %d
                    parameters:
                      - key: t004.cap
                        name: 手工发放上限
                        unit: YUAN
                        versions:
                          - {region: "430923", from: "2021-01-01", value: "200000.00", document: "岳工发〔2021〕1号"}
                    programs:
                      - code: YY-HELP
                        name: 困难职工帮扶
                        beneficiary: HOUSEHOLD
                        fundSources: [CITY_FINANCE, SAME_LEVEL]
                        referenceDate: "%d-01-01"
                        windowFrom: "%d-01-01"
                        windowTo: "%d-01-31"
                        rule:
                          conditions: [{type: IN_REGISTER}]
                          amount: {type: MANUAL, cap: t004.cap}
                    """.formatted(year, year, year, year + 1);
            mvc.perform(post("/api/v1/policy/import").with(as("clerk")).contentType("application/yaml").content(yaml))
                    .andExpect(status().isOk());
        }
        String proposed = mvc.perform(get("/api/v1/parameter-versions/proposed").with(as("reviewer")))
                .andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(proposed, "$[?(@.key == 't004.cap')].id");
        postJson("reviewer", "/api/v1/parameter-versions/approve", "{\"ids\":" + ids + "}").andExpect(status().isOk());
        program = programId(2021);
        postJson("finance", "/api/v1/funds/budget", "{\"year\":2021,\"source\":\"CITY_FINANCE\",\"amountYuan\":\"2700000\"}")
                .andExpect(status().isNoContent());
        postJson("finance", "/api/v1/funds/budget", "{\"year\":2021,\"source\":\"SAME_LEVEL\",\"amountYuan\":\"1000000\"}")
                .andExpect(status().isNoContent());
        receive(2021, "CITY_FINANCE", "2021-03-01", "2700000", "岳财社〔2021〕12号");
        receive(2021, "SAME_LEVEL", "2021-04-01", "1000000", "市总配套2021-01");
    }

    private long programId(int year) {
        return jdbc.sql("select p.id from policy.program p join org.organisation o on o.id = p.org_id where o.code = 'T004' and p.code = 'YY-HELP' and p.year = ?")
                .param(year).query(Long.class).single();
    }

    private long batch(long programId, String source, List<Long> who, List<String> amounts) throws Exception {
        return BatchFlow.created(flow.manual(programId, source, "困难职工帮扶", who, amounts));
    }

    /** Submission, review, decision, publicity with its photo, close, payment file: the steps before the bank. */
    private void throughPublicity(long id) throws Exception {
        flow.throughPublicity(id, "2021-11-20", "2021-11-22");
        mvc.perform(get("/api/v1/batches/{id}", id).with(as("clerk"))).andExpect(jsonPath("$.publicityTo").value("2021-11-26"));
    }

    private String paymentFile(long id) throws Exception {
        return new String(mvc.perform(post("/api/v1/batches/{id}/payment-file", id).param("layout", "GENERIC_CSV").with(as("finance")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** The bank's statement for a payment file: every line with the given result and date. */
    private static byte[] statement(String paymentFile, Map<Integer, String[]> overrides, String result, String date) {
        StringBuilder sb = new StringBuilder("业务参考号,账号,户名,金额,交易结果,交易日期\n");
        String[] lines = paymentFile.replace("\uFEFF", "").split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split(",");
            String[] o = overrides.getOrDefault(i, new String[] {result, date});
            sb.append(c[1]).append(',').append(c[3]).append(',').append(c[2]).append(',').append(c[4]).append(',')
                    .append(o[0]).append(',').append(o[1]).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ResultActions importStatement(long id, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/batches/{id}/statement", id)
                .file(new MockMultipartFile("file", "对账单.csv", "text/csv", content)).with(as("cashier")));
    }

    @Test
    void seed004TheYearIsPaidOutAsTheReportSays() throws Exception {
        long a = batch(program, "CITY_FINANCE", households.subList(0, 30), java.util.Collections.nCopies(30, "90000.00"));
        List<String> amountsB = new ArrayList<>(List.of("37900.00"));
        amountsB.addAll(java.util.Collections.nCopies(9, "106900.00"));
        long b = batch(program, "SAME_LEVEL", households.subList(30, 40), amountsB);
        throughPublicity(a);
        throughPublicity(b);
        String fileA = paymentFile(a);
        assertThat(fileA).contains("62270000000000040").contains("90000.00");
        importStatement(a, statement(fileA, Map.of(), "成功", "2021-12-28")).andExpect(jsonPath("$.paid").value(30))
                .andExpect(jsonPath("$.batchStatus").value("已对账"));
        // 发放名单 a page at a time (a province's batch holds hundreds of thousands), searchable by name or reference.
        List<List<Object>> itemsOfA = jdbc.sql("select id, reference, name from disbursement.batch_item where batch_id = ? order by id")
                .param(a).query((rs, n) -> List.<Object>of(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        var finance = onPages("finance");
        String first = mvc.perform(get("/batches/{id}", a).param("size", "10").with(finance)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains(itemsOfA.subList(0, 10).stream().map(r -> (String) r.get(1)).toArray(String[]::new))
                .doesNotContain((String) itemsOfA.get(10).get(1)).contains("after=" + itemsOfA.get(9).get(0));
        String second = mvc.perform(get("/batches/{id}", a).param("size", "10").param("after", itemsOfA.get(9).get(0).toString())
                .with(finance)).andReturn().getResponse().getContentAsString();
        assertThat(second).contains((String) itemsOfA.get(10).get(1), (String) itemsOfA.get(19).get(1))
                .doesNotContain((String) itemsOfA.get(9).get(1), (String) itemsOfA.get(20).get(1));
        String byReference = mvc.perform(get("/batches/{id}", a).param("q", (String) itemsOfA.get(25).get(1)).with(finance))
                .andReturn().getResponse().getContentAsString();
        assertThat(byReference).contains((String) itemsOfA.get(25).get(1)).doesNotContain((String) itemsOfA.get(24).get(1));
        // The API pages the same way, for a bank's robot or a province's platform.
        mvc.perform(get("/api/v1/batches/{id}/items/page", a).param("size", "20").param("after", itemsOfA.get(4).get(0).toString())
                        .with(as("finance")))
                .andExpect(jsonPath("$.items.length()").value(20))
                .andExpect(jsonPath("$.items[0].reference").value((String) itemsOfA.get(5).get(1)))
                .andExpect(jsonPath("$.nextAfter").value(itemsOfA.get(24).get(0).toString()));
        // A page key that is not one is refused in words, on the page and in the API alike.
        mvc.perform(get("/batches/{id}", a).param("after", "第二页").with(finance)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/batches/{id}/items/page", a).param("after", "第二页").with(as("finance")))
                .andExpect(status().isBadRequest());
        String fileB = paymentFile(b);
        byte[] statementB = statement(fileB, Map.of(1, new String[] {"成功", "2021-12-30"}), "成功", "2022-01-25");
        importStatement(b, statementB).andExpect(jsonPath("$.paid").value(10));
        importStatement(b, statementB).andExpect(jsonPath("$.alreadyImported").value(10)).andExpect(jsonPath("$.paid").value(0));
        // The database holds what a line may name: a payment of its own batch. Payments and their lines are never deleted.
        long itemOfA = jdbc.sql("select min(id) from disbursement.batch_item where batch_id = ?").param(a).query(Long.class).single();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
                insert into disbursement.statement_line (batch_id, line_digest, amount_fen, outcome, value_date, item_id,
                                                          matched_by, imported_by)
                values (?, repeat('f', 64), 9000000, 'RETURNED', date '2022-01-26', ?, 'HAND', 'finance')
                """).param(b).param(itemOfA).update()).rootCause().hasMessageContaining("not one of that batch's");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update disbursement.statement_line set batch_id = -1 where batch_id = ?")
                .param(b).update()).rootCause().hasMessageContaining("not one of that batch's");
        for (String table : List.of("statement_line", "batch_item", "batch")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from disbursement." + table + " where "
                    + (table.equals("batch") ? "id" : "batch_id") + " = ?").param(b).update())
                    .rootCause().hasMessageContaining("permission denied");
        }

        mvc.perform(get("/api/v1/funds/execution").param("year", "2021").with(as("leader")))
                .andExpect(jsonPath("$[0].name").value("年末")).andExpect(jsonPath("$[0].spentFen").value(273_790_000))
                .andExpect(jsonPath("$[0].rate").value("74.0%"))
                .andExpect(jsonPath("$[1].name").value("元旦")).andExpect(jsonPath("$[1].met").value(true))
                .andExpect(jsonPath("$[2].name").value("春节")).andExpect(jsonPath("$[2].date").value("2022-02-01"))
                .andExpect(jsonPath("$[2].rate").value("100.0%")).andExpect(jsonPath("$[2].met").value(true));
        mvc.perform(get("/api/v1/funds/balances").param("year", "2021").param("asOf", "2022-01-31").with(as("finance")))
                .andExpect(jsonPath("$[?(@.source == 'SAME_LEVEL')].executionOfBudget").value(org.hamcrest.Matchers.hasItem("100.0%")))
                .andExpect(jsonPath("$[?(@.source == 'CITY_FINANCE')].availableFen").value(org.hamcrest.Matchers.hasItem(0)));
        postJson("finance", "/api/v1/batches/{id}/complete", "{}", a).andExpect(jsonPath("$.status").value("COMPLETED"));
    }

    @Test
    void aReturned5000IsInTheLedgerRightAfterTheStatementIsImported() throws Exception {
        long p2022 = programId(2022);
        receive(2022, "CITY_FINANCE", "2022-03-01", "10000", "岳财社〔2022〕3号");
        long id = batch(p2022, "CITY_FINANCE", households.subList(40, 42), List.of("5000.00", "5000.00"));
        throughPublicity(id);
        String file = paymentFile(id);
        importStatement(id, statement(file, Map.of(2, new String[] {"退回", "2022-06-10"}), "成功", "2022-06-08"))
                .andExpect(jsonPath("$.paid").value(1)).andExpect(jsonPath("$.returned").value(1));
        String ledger = mvc.perform(get("/api/v1/funds/ledger").param("year", "2022").param("source", "CITY_FINANCE")
                .with(as("finance"))).andReturn().getResponse().getContentAsString();
        List<String> kinds = JsonPath.read(ledger, "$[*].kind");
        assertThat(kinds).containsSubsequence("RECEIPT", "RESERVE").contains("RETURN");
        mvc.perform(get("/api/v1/funds/balances").param("year", "2022").with(as("finance")))
                .andExpect(jsonPath("$[0].spentFen").value(500_000)).andExpect(jsonPath("$[0].availableFen").value(500_000));
        String items = mvc.perform(get("/api/v1/batches/{id}/items", id).with(as("finance"))).andReturn().getResponse()
                .getContentAsString();
        Number returned = ((List<Number>) JsonPath.read(items, "$[?(@.status == 'RETURNED')].id")).get(0);
        postJson("finance", "/api/v1/batches/{id}/complete", "{}", id).andExpect(status().isOk());
        postJson("finance", "/api/v1/batches/{id}/items/{item}/refund", "{\"reason\":\"银行卡已注销，退还市财政\"}", id, returned)
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/funds/balances").param("year", "2022").with(as("finance")))
                .andExpect(jsonPath("$[0].receivedFen").value(500_000));
    }

    @Test
    void aBatchCannotSkipPublicityNorGoOnWithAnOpenObjection() throws Exception {
        long p2023 = programId(2023);
        receive(2023, "SAME_LEVEL", "2023-02-01", "20000", "市总配套2023-01");
        long id = batch(p2023, "SAME_LEVEL", households.subList(42, 43), List.of("1000.00"));
        postJson("clerk", "/api/v1/batches/{id}/submit", "{}", id).andExpect(status().isOk());
        postJson("clerk", "/api/v1/batches/{id}/review", "{}", id).andExpect(status().isForbidden());
        postJson("reviewer", "/api/v1/batches/{id}/review", "{}", id).andExpect(status().isOk());
        postJson("leader", "/api/v1/batches/{id}/decision", "{\"minutesNo\":\"纪要〔2023〕1号\",\"decidedOn\":\"2023-03-01\"}", id)
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/batches/{id}/payment-file", id).with(as("finance"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("公示结束")));
        postJson("clerk", "/api/v1/batches/{id}/publicity/close", "{}", id).andExpect(status().isConflict());
        postJson("clerk", "/api/v1/batches/{id}/publicity", "{\"from\":\"2023-03-02\"}", id)
                .andExpect(jsonPath("$.publicityTo").value("2023-03-08"));
        String objections = postJson("clerk", "/api/v1/batches/{id}/objections", "{\"raisedBy\":\"匿名电话\",\"content\":\"该户已有稳定收入\"}", id)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        postJson("clerk", "/api/v1/batches/{id}/publicity/close", "{}", id).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("照片")));
        mvc.perform(multipart("/api/v1/batches/{id}/publicity/photo", id)
                .file(new MockMultipartFile("file", "公示.jpg", "image/jpeg", PHOTO)).with(as("clerk"))).andExpect(status().isOk());
        postJson("clerk", "/api/v1/batches/{id}/publicity/close", "{}", id).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("异议")));
        Number objection = JsonPath.read(objections, "$[0].id");
        postJson("reviewer", "/api/v1/batches/{id}/objections/{o}/resolve", "{\"resolution\":\"入户核实，收入仍低于低保，维持\"}", id, objection)
                .andExpect(status().isOk());
        postJson("clerk", "/api/v1/batches/{id}/publicity/close", "{}", id).andExpect(jsonPath("$.status").value("PUBLICITY_CLOSED"));
    }

    @Test
    void concurrentApprovalsNeverSpendMoreThanIsAvailable() throws Exception {
        long p2023 = programId(2023);
        receive(2023, "CITY_FINANCE", "2023-02-01", "100000", "岳财社〔2023〕5号");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long id = batch(p2023, "CITY_FINANCE", households.subList(10 + i, 11 + i), List.of("40000.00"));
            postJson("clerk", "/api/v1/batches/{id}/submit", "{}", id).andExpect(status().isOk());
            ids.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (long id : ids) {
                Callable<Integer> review = () -> postJson("reviewer", "/api/v1/batches/{id}/review", "{}", id)
                        .andReturn().getResponse().getStatus();
                results.add(pool.submit(review));
            }
            int ok = 0;
            int refused = 0;
            for (Future<Integer> f : results) {
                int code = f.get();
                ok += code == 200 ? 1 : 0;
                refused += code == 409 ? 1 : 0;
            }
            assertThat(ok).isEqualTo(2);
            assertThat(refused).isEqualTo(2);
        } finally {
            pool.shutdown();
        }
        mvc.perform(get("/api/v1/funds/balances").param("year", "2023").with(as("finance")))
                .andExpect(jsonPath("$[?(@.source == 'CITY_FINANCE')].reservedFen").value(org.hamcrest.Matchers.hasItem(8_000_000)))
                .andExpect(jsonPath("$[?(@.source == 'CITY_FINANCE')].availableFen").value(org.hamcrest.Matchers.hasItem(2_000_000)));
    }

    @Test
    void anAllocationBecomesTheLowerUnionsReceiptWithItsNoticeAsDocxAndPdf() throws Exception {
        long t004 = cn.unionaid.DemoUsers.orgId(jdbc, "T004");
        mvc.perform(post("/api/v1/orgs").with(cn.unionaid.DemoUsers.api("sysadmin")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"parentId":%d,"code":"T004-JC1","name":"安化某茶厂工会","level":"GRASSROOTS","regionCode":"430923"}
                        """.formatted(t004))).andExpect(status().isCreated());
        long lower = cn.unionaid.DemoUsers.orgId(jdbc, "T004-JC1");
        receive(2024, "CITY_FINANCE", "2024-02-01", "50000", "岳财社〔2024〕2号");
        postJson("finance", "/api/v1/funds/allocations", """
                {"year":2024,"source":"CITY_FINANCE","toOrgId":%d,"amountYuan":"60000","nature":"专项帮扶资金","conditions":"用于困难职工生活救助","date":"2024-02-10"}
                """.formatted(lower)).andExpect(status().isConflict());
        String allocation = postJson("finance", "/api/v1/funds/allocations", """
                {"year":2024,"source":"CITY_FINANCE","toOrgId":%d,"amountYuan":"30000","nature":"专项帮扶资金","conditions":"用于困难职工生活救助，专款专用","date":"2024-02-10"}
                """.formatted(lower)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(allocation, "$.id")).longValue();
        mvc.perform(get("/api/v1/funds/balances").param("year", "2024").with(as("finance")))
                .andExpect(jsonPath("$[?(@.source == 'CITY_FINANCE')].receivedFen").value(org.hamcrest.Matchers.hasItem(2_000_000)));
        assertThat(jdbc.sql("select sum(amount_fen) from funds.fund_receipt where org_id = ? and year = 2024").param(lower)
                .query(Long.class).single()).isEqualTo(3_000_000L);
        byte[] pdf = mvc.perform(get("/api/v1/funds/allocations/{id}/notice", id).with(as("finance")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            // The text layer reads as written: 工 is not extracted as the Kangxi radical ⼯, so a search finds the union.
            assertThat(text).contains("拨款通知单", "30000.00", "市财", "年拨字第" + id + "号", "安化某茶厂工会", "叁万元整",
                    "第 1 页，共 1 页").doesNotContain("⼯");
        }
        byte[] docx = mvc.perform(get("/api/v1/funds/allocations/{id}/notice", id).param("format", "docx").with(as("finance")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
                var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            assertThat(extractor.getText()).contains("拨款通知单", "2024年拨字第" + id + "号", "30000.00", "人民币大写叁万元整",
                    "2024年2月10日");
            assertThat(doc.getFooterList()).isNotEmpty();
            assertThat(String.valueOf(doc.getDocument().getBody().getSectPr().getPgSz().getW())).isEqualTo("11906");
        }
    }

    @Test
    void aPaymentNamedTwiceIsBookedInTheFileOrderAndALineWithoutReferenceIsMatchedByCard() throws Exception {
        long p2022 = programId(2022);
        receive(2022, "SAME_LEVEL", "2022-04-01", "3000", "市总配套2022-04");
        long id = batch(p2022, "SAME_LEVEL", households.subList(2, 5), List.of("900.00", "800.00", "700.00"));
        throughPublicity(id);
        String[] rows = paymentFile(id).replace("\uFEFF", "").split("\r\n");
        String[] a = rows[1].split(",");
        String[] b = rows[2].split(",");
        String[] c = rows[3].split(",");
        String statement = "业务参考号,账号,户名,金额,交易结果,交易日期\n"
                + String.join(",", a[1], a[3], a[2], a[4], "成功", "2022-06-01") + "\n"
                + String.join(",", a[1], a[3], a[2], a[4], "退回", "2022-06-05") + "\n"
                + String.join(",", "", b[3], b[2], b[4], "成功", "2022-06-01") + "\n"
                + String.join(",", c[1], c[3], c[2], c[4], "失败", "2022-06-01") + "\n";
        importStatement(id, statement.getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.paid").value(2))
                .andExpect(jsonPath("$.returned").value(1)).andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.unmatched").value(0));
        List<Long> items = jdbc.sql("select id from disbursement.batch_item where batch_id = ? order by id").param(id).query(Long.class).list();
        assertThat(jdbc.sql("select status from disbursement.batch_item where batch_id = ? order by id").param(id).query(String.class).list())
                .containsExactly("RETURNED", "PAID", "FAILED");
        assertThat(jdbc.sql("select kind from funds.ledger_entry where item_id = ? order by id").param(items.get(0)).query(String.class)
                .list()).containsExactly("RELEASE", "PAYMENT", "RETURN");
        assertThat(jdbc.sql("select note from funds.ledger_entry where item_id = ? and kind = 'RETURN'").param(items.get(0))
                .query(String.class).single()).isEqualTo("银行退回：" + a[2]);
        assertThat(jdbc.sql("select kind from funds.ledger_entry where item_id = ? order by id").param(items.get(1)).query(String.class)
                .list()).containsExactly("RELEASE", "PAYMENT");
        assertThat(jdbc.sql("select matched_by from disbursement.statement_line where item_id = ?").param(items.get(1)).query(String.class)
                .single()).isEqualTo("CARD_AMOUNT_NAME");
        assertThat(jdbc.sql("select kind from funds.ledger_entry where item_id = ? order by id").param(items.get(2)).query(String.class)
                .list()).containsExactly("RELEASE");
    }

    @Test
    void anUnmatchedStatementLineWaitsInTheQueueUntilMatchedByHand() throws Exception {
        long p2023 = programId(2023);
        receive(2023, "SAME_LEVEL", "2023-05-01", "3000", "市总配套2023-05");
        long id = batch(p2023, "SAME_LEVEL", households.subList(0, 2), List.of("700.00", "800.00"));
        throughPublicity(id);
        String file = paymentFile(id);
        String[] rows = file.replace("\uFEFF", "").split("\r\n");
        String first = rows[1].split(",")[1];
        // another bank's headers, and a second line whose reference the bank mangled
        String statement = "交易参考号,收款人,交易金额,交易状态,记账日期\n" + first + ",困难户0,700.00,交易成功,2023-06-01\n"
                + "X-UNKNOWN,困难户1,800.00,交易成功,2023-06-01\n";
        importStatement(id, statement.getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.paid").value(1))
                .andExpect(jsonPath("$.unmatched").value(1)).andExpect(jsonPath("$.batchStatus").value("已生成支付文件"));
        String report = mvc.perform(get("/api/v1/batches/{id}/reconciliation", id).with(as("finance"))).andReturn()
                .getResponse().getContentAsString();
        Number line = JsonPath.read(report, "$.unmatched[0].lineId");
        String items = mvc.perform(get("/api/v1/batches/{id}/items", id).with(as("finance"))).andReturn().getResponse()
                .getContentAsString();
        Number pending = ((List<Number>) JsonPath.read(items, "$[?(@.status == 'PENDING')].id")).get(0);
        // The page offers the line the payments it could settle: of its amount and not yet settled (not 困难户0's 700.00).
        String page = mvc.perform(get("/batches/{id}", id).with(onPages("finance")))
                .andReturn().getResponse().getContentAsString();
        String select = page.substring(page.indexOf("<select name=\"itemId\">"), page.indexOf("</select>", page.indexOf("<select name=\"itemId\">")));
        assertThat(select).contains("value=\"" + pending + "\"").contains("800.00").doesNotContain("700.00");
        postJson("cashier", "/api/v1/batches/{id}/statement-lines/{l}/match/{i}", "{}", id, line, pending)
                .andExpect(jsonPath("$.unmatched").isEmpty());
        mvc.perform(get("/api/v1/batches/{id}", id).with(as("finance"))).andExpect(jsonPath("$.status").value("RECONCILED"));
    }

    @Test
    void aStatementOfStrangersShowsItsFirstHundredUnmatchedLinesAndCountsTheRest() throws Exception {
        long id = fileSentFor(2, "600.00", "2023-05-02", "市总配套2023-05-B");
        StringBuilder statement = new StringBuilder("交易参考号,收款人,交易金额,交易状态,记账日期\n");
        for (int i = 0; i < 101; i++) {
            statement.append("X-STRANGER-").append(i).append(",外单位").append(i).append(",600.00,交易成功,2023-06-02\n");
        }
        importStatement(id, statement.toString().getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.unmatched").value(101));
        String page = batchPage(id);
        assertThat(page.split("<select name=\"itemId\">", -1)).as("hand-matching forms shown").hasSize(101);
        assertThat(page).contains("另有 1 行未匹配的对账单行未显示");
    }

    /** A batch of one household's 2023 payment, its money received, its publicity over and its bank file sent. */
    private long fileSentFor(int household, String amount, String receivedOn, String voucher) throws Exception {
        receive(2023, "SAME_LEVEL", receivedOn, "1000", voucher);
        long id = batch(programId(2023), "SAME_LEVEL", households.subList(household, household + 1), List.of(amount));
        throughPublicity(id);
        paymentFile(id);
        return id;
    }

    /** The batch's page as finance sees it. */
    private String batchPage(long id) throws Exception {
        return mvc.perform(get("/batches/{id}", id).with(onPages("finance"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    @Test
    void aLineThatNoPaymentOfTheBatchCouldSettleIsOfferedOnlyToBeSetAside() throws Exception {
        long id = fileSentFor(3, "500.00", "2023-05-03", "市总配套2023-05-C");
        importStatement(id, "交易参考号,收款人,交易金额,交易状态,记账日期\nX-ODD-1,外单位,123.00,交易成功,2023-06-03\n"
                .getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.unmatched").value(1));
        String page = batchPage(id);
        assertThat(page).doesNotContain("<select name=\"itemId\">").contains("本批次没有金额相同、可由此行结清的支付")
                .contains("不属于本批次");
    }

    @Test
    void aPayeeWhoseArchiveClosedSinceTheDecisionIsLeftOutOfTheBankFile() throws Exception {
        long p2024 = programId(2023);
        receive(2023, "CITY_FINANCE", "2023-08-01", "2000", "岳财社〔2023〕9号");
        long id = batch(p2024, "CITY_FINANCE", List.of(households.get(45), households.get(46), households.get(44)),
                List.of("600.00", "700.00", "500.00"));
        throughPublicity(id);
        postJson("clerk", "/api/v1/households/{h}/events", """
                {"kind":"CLOSED","date":"%s","reason":"户主已调离本市，档案注销"}""".formatted(LocalDate.now()), households.get(46))
                .andExpect(status().isOk());
        postJson("clerk", "/api/v1/households/{h}/events", """
                {"kind":"LIFTED","date":"%s","reason":"已稳定就业"}""".formatted(LocalDate.now()), households.get(44))
                .andExpect(status().isOk());
        String file = paymentFile(id);
        assertThat(file.split("\r\n")).hasSize(2);
        assertThat(file).contains("600.00").doesNotContain("700.00").doesNotContain("500.00");
        String items = mvc.perform(get("/api/v1/batches/{id}/items", id).with(as("finance"))).andReturn().getResponse()
                .getContentAsString();
        assertThat((List<String>) JsonPath.read(items, "$[?(@.status == 'EXCLUDED')].statusNote"))
                .containsExactly("档案已注销", "已脱困");
        // The money of both is released on the ledger, with the reason.
        assertThat(jdbc.sql("""
                select note from funds.ledger_entry where batch_id = ? and kind = 'RELEASE' and note like '发放前复核剔除%' order by item_id
                """).param(id).query(String.class).list()).containsExactly("发放前复核剔除：档案已注销", "发放前复核剔除：已脱困");
        mvc.perform(get("/funds").param("year", "2023").with(onPages("finance")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("下拨下级工会")));
    }
}
