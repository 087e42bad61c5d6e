package cn.unionaid.disbursement;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.registry.Rosters;
import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A batch larger than a printed part of its 公示名单, through the whole flow (roster, run, batch, publicity, bank file
 * with a closed household left out, statement): its payments come back over the API as one array, its 公示名单 in
 * parts of {@link PublicityList#PART_SIZE} numbered on across parts and by union, and its evidence pack holds the
 * whole list and statement, computed here from the database.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicityListTests {

    private static final int MAIN = LargeBatch.MAIN;
    private static final int BRANCH = LargeBatch.BRANCH;
    private static final int STRAY = LargeBatch.STRAY;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    private BatchFlow api;
    private long batch;
    private String closedReference;

    @BeforeAll
    void aBatchOfTenThousandHouseholds() throws Exception {
        api = new BatchFlow(mvc, "t020");
        LargeBatch large = LargeBatch.of(mvc, jdbc);
        batch = large.batch();
        closedReference = large.closedReference();
    }

    private byte[] bytes(String url, Object... vars) throws Exception {
        return mvc.perform(get(url, vars).with(page())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor page() {
        return user(users.loadUserByUsername("t020.clerk"));
    }

    private String publicityPage(String parameter, String value) throws Exception {
        return mvc.perform(get("/batches/{id}/publicity-list", batch).param(parameter, value).with(page()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile(
            "<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>\\s*<td class=\"num\">([^<]*)</td></tr>");

    /** One column of the printed table's rows (0 序号, 1 姓名, 2 所属工会, 3 金额). */
    private static List<String> column(String page, int column) {
        String body = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
        return ROW.matcher(body).results().map(m -> m.group(column + 1)).toList();
    }

    private static String heading(String page) {
        return page.substring(page.indexOf("<h1>") + 4, page.indexOf("</h1>"));
    }

    @Test
    void theBatchsPaymentsComeBackAsOneArray() throws Exception {
        String body = mvc.perform(get("/api/v1/batches/{id}/items", batch).with(api.as("finance"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> references = JsonPath.read(body, "$[*].reference");
        assertThat(references).containsExactlyElementsOf(jdbc.sql("select reference from disbursement.batch_item where batch_id = ? order by id")
                .param(batch).query(String.class).list());
        List<String> closed = JsonPath.read(body, "$[?(@.reference == '" + closedReference + "')].status");
        assertThat(closed).containsExactly("EXCLUDED");
    }

    @Test
    void theWholeListIsPrintedInPartsNumberedOn() throws Exception {
        int listed = MAIN + BRANCH - 1;
        int parts = (listed + PublicityList.PART_SIZE - 1) / PublicityList.PART_SIZE;
        List<String> numbers = new ArrayList<>();
        for (int part = 1; part <= parts; part++) {
            String page = publicityPage("part", Integer.toString(part));
            assertThat(heading(page)).contains("第 " + part + " 册，共 " + parts + " 册");
            numbers.addAll(column(page, 0));
            assertThat(column(page, 0)).hasSize(part < parts ? PublicityList.PART_SIZE : listed - (parts - 1) * PublicityList.PART_SIZE);
        }
        assertThat(numbers).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, listed).mapToObj(Integer::toString).toList());
        // The list's amounts are the batch's payments that were not left out, to the fen.
        long printedFen = 0;
        for (int part = 1; part <= parts; part++) {
            printedFen += column(publicityPage("part", Integer.toString(part)), 3).stream().mapToLong(y -> cn.unionaid.shared.Money.parseYuan(y).fen()).sum();
        }
        assertThat(printedFen).isEqualTo(jdbc.sql("select sum(amount_fen) from disbursement.batch_item where batch_id = ? and status <> 'EXCLUDED'")
                .param(batch).query(Long.class).single());
        mvc.perform(get("/batches/{id}/publicity-list", batch).param("part", Integer.toString(parts + 1)).with(page()))
                .andExpect(status().isNotFound());
    }

    @Test
    void oneUnionsListHoldsItsMembersOnlyNumberedFromOne() throws Exception {
        String page = publicityPage("union", "赫山区某机械厂工会（公示分册测试）");
        assertThat(column(page, 2)).hasSize(BRANCH).containsOnly("赫山区某机械厂工会（公示分册测试）");
        assertThat(column(page, 0).get(0)).isEqualTo("1");
        assertThat(column(page, 0).get(BRANCH - 1)).isEqualTo(Integer.toString(BRANCH));
        assertThat(heading(page)).doesNotContain("册");
        assertThat(page).contains(">赫山区总工会（公示分册测试）（7099 人）</option>",
                " selected=\"selected\">赫山区某机械厂工会（公示分册测试）（3200 人）</option>");
    }

    @Test
    void aPrintedPartIsAPdfOfItsOwnNames() throws Exception {
        try (var pdf = Loader.loadPDF(bytes("/batches/{id}/publicity-list.pdf?part=2", batch))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("第 2 册，共 3 册").contains("5001").contains("10000").doesNotContain("10001");
            // For people to look at after the run, as the print shop will see it.
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(0, 72), "png",
                    java.nio.file.Path.of("target", "screenshots", "PublicityListTests-part-2-page-1.png").toFile());
        }
    }

    @Test
    void theEvidencePackHoldsTheWholeListAndStatement() throws Exception {
        byte[] zip = mvc.perform(get("/api/v1/controls/evidence-packs/{id}", batch).with(api.as("auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(entries.keySet()).contains("02-公示名单.csv", "05-银行对账单.csv").doesNotContain("02-公示名单.pdf");
        assertThat(entries.get("00-说明.txt")).contains("公示名单共 10,299 人");
        List<String> publicity = entries.get("02-公示名单.csv").lines().toList();
        assertThat(publicity).hasSize(MAIN + BRANCH);
        assertThat(publicity.get(0)).isEqualTo("\uFEFF序号,姓名,所属工会,金额(元)");
        assertThat(publicity.get(MAIN + BRANCH - 1)).startsWith("10299,");
        List<String> statement = entries.get("05-银行对账单.csv").lines().skip(1).toList();
        assertThat(statement).hasSize(MAIN + BRANCH - 1 + STRAY).allMatch(l -> l.contains(",支付成功,"));
        assertThat(statement.stream().filter(l -> l.contains(",按业务参考号,")).map(l -> l.split(",")[1]).toList())
                .doesNotHaveDuplicates().doesNotContain(closedReference).hasSize(MAIN + BRANCH - 1);
        assertThat(statement.stream().filter(l -> l.contains(",未匹配,"))).hasSize(STRAY);
        assertThat(entries.get("06-对账报告.csv")).contains("未匹配的对账单行," + STRAY);
    }

    @Test
    void theReportShowsTheFirstUnclaimedLinesAndTheRestComeAPageAtATime() throws Exception {
        String report = mvc.perform(get("/api/v1/batches/{id}/reconciliation", batch).with(api.as("finance")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(report, "$.unmatchedCount")).isEqualTo(STRAY);
        assertThat((List<?>) JsonPath.read(report, "$.unmatched")).hasSize(ReconciliationReport.LINES_SHOWN);
        assertThat((Integer) JsonPath.read(report, "$.statementLines")).isEqualTo(MAIN + BRANCH - 1 + STRAY);
        List<String> paid = JsonPath.read(report, "$.byStatus[?(@.status == 'PAID')].amountYuan");
        assertThat(paid).containsExactly(cn.unionaid.shared.Money.ofFen(jdbc.sql(
                "select sum(amount_fen) from disbursement.batch_item where batch_id = ? and status = 'PAID'").param(batch)
                .query(Long.class).single()).toYuanString());
        List<String> references = new ArrayList<>();
        String after = null;
        do {
            var request = get("/api/v1/batches/{id}/statement-lines", batch).param("size", "40").with(api.as("finance"));
            String page = mvc.perform(after == null ? request : request.param("after", after)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            references.addAll(JsonPath.read(page, "$.items[*].reference"));
            after = JsonPath.read(page, "$.nextAfter");
        } while (after != null);
        assertThat(references).containsExactlyElementsOf(java.util.stream.IntStream.range(0, STRAY)
                .mapToObj("ZZ-%05d"::formatted).toList());
        mvc.perform(get("/api/v1/batches/{id}/statement-lines", batch).param("setAside", "true").with(api.as("finance")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void theYearsLedgerComesBackWholeAndOnlyToItsReaders() throws Exception {
        String body = mvc.perform(get("/api/v1/funds/ledger").param("year", "2024").param("source", "SAME_LEVEL")
                .with(api.as("finance"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(body, "$[*].id");
        assertThat(ids.stream().map(Number::longValue).toList()).containsExactlyElementsOf(jdbc.sql("""
                select e.id from funds.ledger_entry e join org.organisation o on o.id = e.org_id
                 where o.code = 'T020' and e.year = 2024 and e.source = 'SAME_LEVEL' order by e.entry_date, e.id
                """).query(Long.class).list()).hasSizeGreaterThan(2 * (MAIN + BRANCH - 1));
        // Refused before the first byte: an error answer, not an opened array.
        String refused = mvc.perform(get("/api/v1/funds/ledger").param("year", "2024").param("source", "SAME_LEVEL")
                .with(cn.unionaid.DemoUsers.api("sysadmin"))).andExpect(status().isForbidden()).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).doesNotStartWith("[");
        mvc.perform(get("/api/v1/batches/{id}/items", batch).with(cn.unionaid.DemoUsers.api("ziyang.clerk")))
                .andExpect(status().isNotFound());
    }

    @Autowired
    Batches batches;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void twoBatchesMadeInOneTransactionEachHoldTheirOwnLines() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/policy/import")
                .with(api.as("clerk")).contentType("application/yaml").content("""
                        year: 2024
                        programs:
                          - {code: HS-MAY, name: 五一慰问, beneficiary: HOUSEHOLD, fundSources: [SAME_LEVEL], referenceDate: "2024-01-01",
                             windowFrom: "2024-01-01", windowTo: "2024-12-31",
                             rule: {conditions: [{type: IN_REGISTER}], amount: {type: FIXED, amount: t020.sfc}}}
                        """)).andExpect(status().isOk());
        long program = jdbc.sql("select p.id from policy.program p join org.organisation o on o.id = p.org_id where o.code = 'T020' and p.code = 'HS-MAY'")
                .query(Long.class).single();
        List<Long> two = jdbc.sql("select id from registry.household where household_no in ('HS-100001', 'HS-100002') order by household_no")
                .query(Long.class).list();
        var clerk = users.loadUserByUsername("t020.clerk");
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(clerk, null,
                        clerk.getAuthorities()));
        try {
            var scope = cn.unionaid.platform.CurrentUser.require().scope();
            List<Batch> made = new org.springframework.transaction.support.TransactionTemplate(transactions).execute(t -> List.of(
                    batches.manual(scope, program, cn.unionaid.shared.FundSource.SAME_LEVEL, "同一事务一",
                            List.of(new Batches.Line(two.get(0), 50_000))),
                    batches.manual(scope, program, cn.unionaid.shared.FundSource.SAME_LEVEL, "同一事务二",
                            List.of(new Batches.Line(two.get(1), 50_000)))));
            for (int i = 0; i < 2; i++) {
                assertThat(jdbc.sql("select subject_id from disbursement.batch_item where batch_id = ?").param(made.get(i).id())
                        .query(Long.class).list()).containsExactly(two.get(i));
            }
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }
}
