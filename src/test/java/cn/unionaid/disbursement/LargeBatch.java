package cn.unionaid.disbursement;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.unionaid.TestUnions;
import cn.unionaid.registry.Rosters;
import com.jayway.jsonpath.JsonPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A batch larger than a printed part of its 公示名单, made once per test database through the whole flow by the union
 * T020 and its staff ({@code t020.clerk} …): 10,300 households of two unions (7,100 of 赫山区总工会, 3,200 of a
 * grassroots union under it), a run of 500 元 each, publicity, one household closed afterwards and so left out of the
 * bank file, and a statement that pays the rest and lists 150 other units' payments no payment claims.
 *
 * @param batch           the batch's id
 * @param closedReference the reference of the payment left out
 */
public record LargeBatch(long batch, String closedReference) {

    public static final int MAIN = 7_100;
    public static final int BRANCH = 3_200;
    public static final int STRAY = ReconciliationReport.LINES_SHOWN + 50;
    public static final String MAIN_UNION = "赫山区总工会（公示分册测试）";
    public static final String BRANCH_UNION = "赫山区某机械厂工会（公示分册测试）";
    private static final String TITLE = "春节慰问（分册）";

    /** The batch, made by the first test that asks for it. */
    public static synchronized LargeBatch of(MockMvc mvc, JdbcClient jdbc) throws Exception {
        var made = jdbc.sql("select b.id from disbursement.batch b join org.organisation o on o.id = b.org_id where o.code = 'T020' and b.title = ?")
                .param(TITLE).query(Long.class).optional();
        if (made.isPresent()) {
            return new LargeBatch(made.get(), jdbc.sql("""
                    select reference from disbursement.batch_item where batch_id = ? and status = 'EXCLUDED'
                    """).param(made.get()).query(String.class).single());
        }
        BatchFlow api = new BatchFlow(mvc, "t020");
        long batch;
        String closedReference;

        long main = TestUnions.open(mvc, jdbc, "T020", MAIN_UNION, "430903", Map.of("t020.clerk", "\"CLERK\"",
                "t020.reviewer", "\"REVIEWER\"", "t020.leader", "\"LEADER\"", "t020.finance", "\"FINANCE\"",
                "t020.cashier", "\"FINANCE\"", "t020.auditor", "\"AUDITOR\""));
        TestUnions.openUnder(mvc, jdbc, main, "T020A", BRANCH_UNION, "GRASSROOTS", "430903", Map.of());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < MAIN + BRANCH; i++) {
            rows.add(List.of("HS-" + (100000 + i), "户主", "赫山困难户" + i,
                    Rosters.idNumber("430903", LocalDate.of(1961, 1, 1).plusDays(i / 900), 100 + i % 900), "800", "健康",
                    "相对困难", "因病致困", "", "中国农业银行", "62284800%011d".formatted(900000 + i), i < MAIN ? "T020" : "T020A",
                    "430903", "2020-06-01"));
        }
        mvc.perform(multipart("/api/v1/households/import").file(new MockMultipartFile("file", "赫山.csv", "text/csv",
                Rosters.householdCsv(rows, StandardCharsets.UTF_8))).with(api.as("clerk")))
                .andExpect(jsonPath("$.imported").value(MAIN + BRANCH));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/policy/import")
                .with(api.as("clerk")).contentType("application/yaml").content("""
                        year: 2024
                        parameters:
                          - {key: t020.sfc, name: 春节慰问金标准（元/户）, unit: YUAN,
                             versions: [{region: "430903", from: "2023-01-01", value: "500.00", document: "赫工发〔2023〕1号"}]}
                        programs:
                          - {code: HS-SFC, name: 春节慰问, beneficiary: HOUSEHOLD, fundSources: [SAME_LEVEL], referenceDate: "2024-01-01",
                             windowFrom: "2024-01-01", windowTo: "2024-12-31",
                             rule: {conditions: [{type: IN_REGISTER}], amount: {type: FIXED, amount: t020.sfc}}}
                        """)).andExpect(status().isOk());
        api.approveProposed("t020.sfc");
        api.sameLevelFunds(2024, "6000000", "6000000", "2024-01-10", "赫工配套2024-01");
        long program = jdbc.sql("select id from policy.program where org_id = ? and code = 'HS-SFC'").param(main)
                .query(Long.class).single();
        String run = api.postJson("clerk", "/api/v1/programs/{id}/runs", "{}", program).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        batch = BatchFlow.created(api.postJson("clerk", "/api/v1/batches/from-run", """
                {"runId":%d,"source":"SAME_LEVEL","title":"%s"}""".formatted(((Number) JsonPath.read(run, "$.id")).longValue(), TITLE)));
        api.throughPublicity(batch, "2024-01-20", "2024-01-22");
        // Closed after the publicity: the bank file leaves this household out, and so does every printed list since.
        long closed = jdbc.sql("select id from registry.household where household_no = 'HS-100000'").query(Long.class).single();
        api.postJson("clerk", "/api/v1/households/{id}/events", "{\"kind\":\"CLOSED\",\"date\":\"2024-02-01\",\"reason\":\"迁居外省\"}",
                closed).andExpect(status().isOk());
        closedReference = jdbc.sql("select reference from disbursement.batch_item where batch_id = ? and subject_id = ?")
                .param(batch).param(closed).query(String.class).single();
        api.paymentFile(batch);
        List<String> lines = new ArrayList<>();
        jdbc.sql("select reference, name, amount_fen from disbursement.batch_item where batch_id = ? and status = 'PENDING' order by id")
                .param(batch).query((rs, n) -> lines.add(rs.getString(1) + "," + rs.getString(2) + ","
                        + cn.unionaid.shared.Money.ofFen(rs.getLong(3)).toYuanString() + ",成功,2024-02-10")).list();
        // The bank lists other units' payments too: lines no payment claims, more than a report shows.
        for (int i = 0; i < STRAY; i++) {
            lines.add("ZZ-%05d,外单位职工%d,%d.00,成功,2024-02-10".formatted(i, i, 100 + i));
        }
        api.statement(batch, lines).andExpect(jsonPath("$.paid").value(MAIN + BRANCH - 1))
                .andExpect(jsonPath("$.unmatched").value(STRAY));
            return new LargeBatch(batch, closedReference);
    }
}
