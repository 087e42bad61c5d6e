package cn.unionaid.crosscheck;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.disbursement.BatchFlow;
import cn.unionaid.platform.files.FileStore;
import cn.unionaid.registry.Rosters;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Lists from other registers stop money before it leaves: a death list blocks a batch's review until the payment is
 * removed, a business-owner list flags a household and holds its payment until a second person accepts the
 * explanation, a list that arrives after review takes the payment out of the bank file, and nothing of the list is kept
 * in clear.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class CrossCheckTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutsideLists lists;
    @Autowired
    FileStore files;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    private BatchFlow api;
    private long union;
    private final List<Long> households = new ArrayList<>();
    private final List<String> heads = new ArrayList<>();
    private final List<String> children = new ArrayList<>();

    @BeforeAll
    void aCountyWithSixHouseholdsAndAProgram() throws Exception {
        api = new BatchFlow(mvc, "t019");
        union = TestUnions.open(mvc, jdbc, "T019", "安化县总工会（外部比对测试）", "430923", Map.of("t019.clerk", "\"CLERK\"",
                "t019.reviewer", "\"REVIEWER\"", "t019.leader", "\"LEADER\"", "t019.finance", "\"FINANCE\"",
                "t019.both", "\"CLERK\",\"REVIEWER\""));
        TestUnions.open(mvc, jdbc, "T019S", "新化县总工会（外部比对测试）", "430921", Map.of("t019s.clerk", "\"CLERK\""));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String head = Rosters.idNumber("430923", LocalDate.of(1961, 5, 1).plusDays(i * 131L), 500 + i);
            String child = Rosters.idNumber("430923", LocalDate.of(1995, 2, 1).plusDays(i * 17L), 600 + i);
            heads.add(head);
            children.add(child);
            rows.add(List.of("AH-" + (100 + i), "户主", "安化困难户" + i, head, "800", "健康", "深度困难", "因病致困", "",
                    "中国农业银行", "62284800%011d".formatted(9100 + i), "T019", "430923", "2020-06-01"));
            rows.add(List.of("AH-" + (100 + i), "子女", "安化子女" + i, child, "0", "健康"));
        }
        mvc.perform(multipart("/api/v1/households/import").file(new MockMultipartFile("file", "安化.csv", "text/csv",
                Rosters.householdCsv(rows, StandardCharsets.UTF_8))).with(api.as("clerk"))).andExpect(jsonPath("$.imported").value(6));
        households.addAll(jdbc.sql("select h.id from registry.household h where h.org_id = ? order by h.household_no").param(union)
                .query(Long.class).list());
        String yaml = """
                year: 2024
                parameters:
                  - key: t019.sfc
                    name: 春节慰问金标准（元/户）
                    unit: YUAN
                    versions:
                      - {region: "430923", from: "2023-01-01", value: "1000.00", document: "安工发〔2023〕2号"}
                programs:
                  - {code: AH-SFC, name: 春节慰问, beneficiary: HOUSEHOLD, fundSources: [SAME_LEVEL], referenceDate: "2024-01-01",
                     windowFrom: "2024-01-01", windowTo: "2024-12-31",
                     rule: {conditions: [{type: IN_REGISTER}], amount: {type: FIXED, amount: t019.sfc}}}
                """;
        mvc.perform(post("/api/v1/policy/import").with(api.as("clerk")).contentType("application/yaml").content(yaml))
                .andExpect(status().isOk());
        String proposed = mvc.perform(get("/api/v1/parameter-versions/proposed").with(api.as("reviewer")))
                .andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(proposed, "$[?(@.key =~ /t019\\..*/)].id");
        api.postJson("reviewer", "/api/v1/parameter-versions/approve", "{\"ids\":" + ids + "}").andExpect(status().isOk());
        api.postJson("finance", "/api/v1/funds/receipts", """
                {"year":2024,"source":"SAME_LEVEL","date":"2024-01-10","amountYuan":"50000","voucher":"安化配套2024-01"}""")
                .andExpect(status().isNoContent());
    }

    private long program() {
        return jdbc.sql("select id from policy.program where org_id = ? and code = 'AH-SFC'").param(union).query(Long.class).single();
    }

    private ResultActions importList(String who, String kind, String asOf, String csv) throws Exception {
        return mvc.perform(multipart("/api/v1/cross-checks/lists").file(new MockMultipartFile("file", "名单.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).param("kind", kind).param("source", "安化县民政局").param("asOf", asOf)
                .with(api.as(who)));
    }

    private String hits(String who, String query) throws Exception {
        return mvc.perform(get("/api/v1/cross-checks/hits?" + query).with(api.as(who))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private long total(long batch) {
        return jdbc.sql("select total_fen from disbursement.batch where id = ?").param(batch).query(Long.class).single();
    }

    @Test
    void aDeathListBlocksReviewUntilThePaymentIsRemovedAndABusinessOwnerNeedsASecondPersonsAcceptance() throws Exception {
        long batch = BatchFlow.created(api.manual(program(), "SAME_LEVEL", "春节慰问（比对）",
                households.subList(0, 3), List.of("1000.00", "1000.00", "1000.00")));
        api.postJson("clerk", "/api/v1/batches/{id}/submit", "{}", batch).andExpect(status().isOk());
        long listsBefore = jdbc.sql("select count(*) from crosscheck.outside_list").query(Long.class).single();

        // A bad row refuses the whole list, naming the row and the field; nothing is kept.
        importList("clerk", "DEATH", "2024-02-01", "身份证号,姓名,日期\n" + heads.get(0) + ",安化困难户0,2024-01-20\n12345,某人,\n")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("第 3 行“身份证号”")));
        assertThat(jdbc.sql("select count(*) from crosscheck.outside_list").query(Long.class).single()).isEqualTo(listsBefore);

        // The death of household 0's head, dated before any payment: its archive and its payment are hit.
        String unknown = Rosters.idNumber("430923", LocalDate.of(1950, 1, 1), 999);
        importList("clerk", "DEATH", "2024-02-01", "身份证号,姓名,日期\n" + heads.get(0) + ",安化困难户0,2024-01-20\n"
                + unknown + ",外地人,2024-01-02\n").andExpect(status().isCreated())
                .andExpect(jsonPath("$.entries").value(2)).andExpect(jsonPath("$.hits").value(2))
                .andExpect(jsonPath("$.paymentHits").value(1));
        api.postJson("reviewer", "/api/v1/batches/{id}/review", "{}", batch).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("安化困难户0")));
        String held = hits("reviewer", "batchId=" + batch);
        assertThat((List<String>) JsonPath.read(held, "$.items[*].status")).containsExactly("OPEN");
        assertThat((List<String>) JsonPath.read(held, "$.items[*].idNumberMasked")).containsExactly(heads.get(0).substring(0, 6)
                + "********" + heads.get(0).substring(14));
        long deathHit = ((Number) JsonPath.read(held, "$.items[0].id")).longValue();

        // Nobody outside the union sees it.
        mvc.perform(get("/api/v1/cross-checks/hits/{id}", deathHit).with(new BatchFlow(mvc, "t019s").as("clerk")))
                .andExpect(status().isNotFound());

        // The clerk takes the payment out; the batch is 2,000 yuan now.
        mvc.perform(post("/api/v1/cross-checks/hits/{id}/removal", deathHit).with(api.as("clerk"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REMOVED"));
        assertThat(total(batch)).isEqualTo(200_000);

        // A business owner in household 1 (the child): the household is flagged and its payment held.
        importList("clerk", "BUSINESS_OWNER", "2024-02-01", "身份证号\n" + children.get(1) + "\n").andExpect(status().isCreated())
                .andExpect(jsonPath("$.paymentHits").value(1));
        String flagged = hits("clerk", "status=OPEN");
        List<Map<String, Object>> owner = JsonPath.read(flagged, "$.items[?(@.kind == 'BUSINESS_OWNER')]");
        assertThat(owner).hasSize(2).allMatch(h -> ((Number) h.get("subjectId")).longValue() == households.get(1));
        assertThat(owner).anyMatch(h -> h.get("batchItemId") == null && ((String) h.get("rule")).contains("重新核定"));
        long ownerHit = owner.stream().filter(h -> h.get("batchItemId") != null).map(h -> ((Number) h.get("id")).longValue())
                .findFirst().orElseThrow();
        api.postJson("reviewer", "/api/v1/batches/{id}/review", "{}", batch).andExpect(status().isConflict());

        // Explained with evidence by one person; the same person cannot accept it, another can.
        mvc.perform(multipart("/api/v1/cross-checks/hits/{id}/explanation", ownerHit)
                .file(new MockMultipartFile("evidence", "注销证明.jpg", "image/jpeg", BatchFlow.PHOTO))
                .param("explanation", "该个体工商户已于2023年注销，经营期间无收入").with(api.as("both")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("EXPLAINED"));
        api.postJson("reviewer", "/api/v1/batches/{id}/review", "{}", batch).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/cross-checks/hits/{id}/acceptance", ownerHit).with(api.as("both")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/cross-checks/hits/{id}/acceptance", ownerHit).with(api.as("reviewer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
        api.postJson("reviewer", "/api/v1/batches/{id}/review", "{}", batch).andExpect(status().isOk());

        // The page shows the same hits, with the actions the reader's role allows.
        String page = mvc.perform(get("/crosschecks").param("batchId", Long.toString(batch))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        users.loadUserByUsername("t019.reviewer")))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("外部数据比对", "已剔除", "说明已认可", "安化困难户0").doesNotContain(heads.get(0));

        // Every step is in the audit log.
        assertThat(jdbc.sql("select count(*) from audit.audit_log where action like 'crosscheck.%' and entity_id in (?, ?)")
                .param(Long.toString(deathHit)).param(Long.toString(ownerHit)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aListThatArrivesAfterReviewTakesThePaymentOutOfTheBankFileAndReleasesItsMoney() throws Exception {
        long batch = BatchFlow.created(api.manual(program(), "SAME_LEVEL", "春节慰问（复核）",
                households.subList(3, 6), List.of("1000.00", "1000.00", "1000.00")));
        api.throughPublicity(batch, "2024-02-01", "2024-02-05");
        importList("reviewer", "DEATH", "2024-02-20", "身份证号,日期\n" + heads.get(4) + ",2024-02-18\n")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.paymentHits").value(1));
        String file = mvc.perform(post("/api/v1/batches/{id}/payment-file", batch).param("layout", "GENERIC_CSV")
                .with(api.as("finance"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(file).contains("安化困难户3", "安化困难户5").doesNotContain("安化困难户4");
        assertThat(total(batch)).isEqualTo(200_000);
        assertThat(jdbc.sql("select status from disbursement.batch_item where batch_id = ? and subject_id = ?").param(batch)
                .param(households.get(4)).query(String.class).single()).isEqualTo("EXCLUDED");
        // reserved 3,000 at review, 1,000 released when the file left it out
        assertThat(jdbc.sql("select coalesce(sum(amount_fen), 0) from funds.ledger_entry where batch_id = ? and kind = 'RELEASE'")
                .param(batch).query(Long.class).single()).isEqualTo(100_000);
        assertThat((List<String>) JsonPath.read(hits("finance", "batchId=" + batch), "$.items[*].status"))
                .containsExactly("REMOVED");
    }

    @Test
    void theListIsNeverKeptInClearAndIsPurgedAfterItsTimeWhileItsHitsStay() throws Exception {
        String id = heads.get(2);
        String body = importList("clerk", "VEHICLE", "2024-03-01", "身份证号,姓名\n" + id + ",安化困难户2\n")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long list = ((Number) JsonPath.read(body, "$.listId")).longValue();
        String key = jdbc.sql("select file_key from crosscheck.outside_list where id = ?").param(list).query(String.class).single();
        byte[] stored = Files.readAllBytes(files.root().resolve(key));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(id);
        assertThat(jdbc.sql("select count(*) from crosscheck.outside_list_entry where list_id = ? and id_number_masked like '%' || ? || '%'")
                .param(list).param(id.substring(6, 14)).query(Long.class).single()).isZero();
        long hits = jdbc.sql("select count(*) from crosscheck.cross_check_hit where list_id = ?").param(list).query(Long.class).single();
        assertThat(hits).isEqualTo(1);

        jdbc.sql("update crosscheck.outside_list set purge_after = current_date - 1 where id = ?").param(list).update();
        lists.purgeExpired();
        assertThat(jdbc.sql("select count(*) from crosscheck.outside_list_entry where list_id = ?").param(list).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select purged_at is not null and file_key is null from crosscheck.outside_list where id = ?").param(list)
                .query(Boolean.class).single()).isTrue();
        try (Stream<Path> left = Files.walk(files.root())) {
            assertThat(left.anyMatch(p -> p.endsWith(key))).isFalse();
        }
        assertThat(jdbc.sql("select count(*) from crosscheck.cross_check_hit where list_id = ?").param(list).query(Long.class).single())
                .isEqualTo(hits);
    }

    /** Counted by the year's cut-off: a stop after 31 December belongs to no earlier year's figures. */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void theYearsFiguresCountThePaymentsStoppedAndTheExplanationsAcceptedByTheCutOff() throws Exception {
        String before = mvc.perform(get("/api/v1/evaluation/metrics").param("year", "2024").with(api.as("leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(before, "$.CROSS_CHECK_STOPPED")).longValue()).isZero();
        // what the two batches above resolved, as if it had happened in 2024
        List<Map<String, Object>> resolved = jdbc.sql("""
                select h.status, count(distinct h.batch_item_id) as n from crosscheck.cross_check_hit h
                 where h.org_id = ? and h.batch_item_id is not null and h.status in ('REMOVED', 'ACCEPTED') group by h.status
                """).param(union).query().listOfRows();
        long removed = resolved.stream().filter(r -> "REMOVED".equals(r.get("status"))).mapToLong(r -> ((Number) r.get("n")).longValue()).sum();
        long accepted = resolved.stream().filter(r -> "ACCEPTED".equals(r.get("status"))).mapToLong(r -> ((Number) r.get("n")).longValue()).sum();
        assertThat(removed).isEqualTo(2);
        assertThat(accepted).isEqualTo(1);
        jdbc.sql("update crosscheck.cross_check_hit set resolved_at = timestamptz '2024-12-31 23:00:00+08' where org_id = ? and resolved_at is not null")
                .param(union).update();
        String after = mvc.perform(get("/api/v1/evaluation/metrics").param("year", "2024").with(api.as("leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(after, "$.CROSS_CHECK_STOPPED")).longValue()).isEqualTo(removed);
        assertThat(((Number) JsonPath.read(after, "$.CROSS_CHECK_ACCEPTED")).longValue()).isEqualTo(accepted);
        // and the evidence pack of a batch lists its hits with how each was resolved
        long batch = jdbc.sql("select batch_id from crosscheck.cross_check_hit where org_id = ? and status = 'ACCEPTED' and batch_id is not null")
                .param(union).query(Long.class).single();
        byte[] zip = mvc.perform(get("/api/v1/controls/evidence-packs/{id}", batch).with(api.as("leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String hitsCsv = null;
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("10-外部数据比对.csv")) {
                    hitsCsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(hitsCsv).contains("死亡/注销户籍", "已剔除", "工商登记", "说明已认可", "该个体工商户已于2023年注销");
    }
}
