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

import cn.unionaid.disbursement.PaidFigures;
import cn.unionaid.funds.LedgerDaySums;
import cn.unionaid.registry.OnFile;
import cn.unionaid.registry.OnFileCounts;
import cn.unionaid.registry.SubjectType;
import cn.unionaid.disbursement.PaidItems;
import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.disbursement.BatchFlow;
import cn.unionaid.registry.Rosters;
import cn.unionaid.shared.Money;
import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15 on unions nobody prepared (高新区, 2023 and 2025): a year's figures as of 31 December, computed here from what
 * happened and compared to the fen; January payments, a return in the year and one in the next, a closed archive and a 2026
 * import; the year's figures do not move when later data arrive; the report's parts add up to its total at one
 * cut-off; a report whose figures disagree is not issued; the metrics' definitions are the documented ones.
 */
@IntegrationTest
class YearFiguresTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PaidFigures paidFigures;
    @Autowired
    LedgerDaySums ledgerDaySums;
    @Autowired
    OnFileCounts onFileCounts;
    @Autowired
    javax.sql.DataSource dataSource;

    @ParameterizedTest(name = "{0}, amounts drawn with seed {1}")
    @CsvSource({"2023, 20231231, T015", "2025, 7, T015B"})
    void aPastYearNeverMovesAndItsPartsAddUpToItsTotal(int y, long seed, String code) throws Exception {
        String u = code.toLowerCase();
        long union = TestUnions.open(mvc, jdbc, code, "高新区总工会（口径测试" + code + "）", "430972", Map.of(u + ".clerk",
                "\"CLERK\"", u + ".reviewer", "\"REVIEWER\"", u + ".leader", "\"LEADER\"", u + ".finance", "\"FINANCE\"",
                u + ".cashier", "\"FINANCE\""));
        BatchFlow flow = new BatchFlow(mvc, u);
        importHouseholds(code, "GX", 12, (y - 1) + "-06-01", u + ".clerk");
        List<Long> h = jdbc.sql("select id from registry.household where org_id = ? order by household_no").param(union)
                .query(Long.class).list();
        long[] programs = helpAndSpringFestival(flow, union, y, u);
        long help = programs[0];
        long sfc = programs[1];
        // h9 leaves the register in May: on file at 31 December are 11.
        flow.postJson("clerk", "/api/v1/households/{id}/events", "{\"kind\":\"CLOSED\",\"date\":\"" + y + "-05-01\",\"reason\":\"已脱困\"}",
                h.get(9)).andExpect(status().isOk());

        // Fresh amounts: a seeded random yuan amount per household, between 800 and 2,000.
        Random random = new Random(seed);
        Map<Long, Long> fen = new HashMap<>();
        h.forEach(id -> fen.put(id, (800 + random.nextInt(1201)) * 100L));
        long a = BatchFlow.created(flow.manual(help, "SAME_LEVEL", y + "年帮扶", h.subList(0, 6),
                h.subList(0, 6).stream().map(id -> Money.ofFen(fen.get(id)).toYuanString()).toList()));
        flow.throughPublicity(a, y + "-06-01", y + "-06-05");
        flow.paymentFile(a);
        Map<Long, String> refs = references(a);
        // h1 comes back in July 2023; everybody else is paid on 20 June.
        List<String> lines = new ArrayList<>();
        for (long id : h.subList(0, 6)) {
            lines.add(refs.get(id) + ",," + Money.ofFen(fen.get(id)).toYuanString() + "," + (id == h.get(1) ? "退回," + y + "-07-01" : "成功," + y + "-06-20"));
        }
        flow.statement(a, lines).andExpect(jsonPath("$.paid").value(5)).andExpect(jsonPath("$.returned").value(1));
        // 春节 money of the 2023 budget paid in January 2024 (h6..h8).
        long b = BatchFlow.created(flow.manual(sfc, "SAME_LEVEL", (y + 1) + "年春节慰问", h.subList(6, 9),
                h.subList(6, 9).stream().map(id -> Money.ofFen(fen.get(id)).toYuanString()).toList()));
        flow.throughPublicity(b, y + "-12-10", y + "-12-11");
        flow.paymentFile(b);
        Map<Long, String> refsB = references(b);
        flow.statement(b, h.subList(6, 9).stream().map(id -> refsB.get(id) + ",," + Money.ofFen(fen.get(id)).toYuanString()
                + ",成功," + (y + 1) + "-01-15").toList()).andExpect(jsonPath("$.paid").value(3));

        // What 31 December 2023 must show, computed here from what happened.
        List<Long> paidAtYearEnd = List.of(h.get(0), h.get(2), h.get(3), h.get(4), h.get(5));
        long amount = paidAtYearEnd.stream().mapToLong(fen::get).sum();
        Map<String, Object> before = metrics(flow, y);
        assertThat(before.get("HOUSEHOLDS_HELPED").toString()).isEqualTo("5");
        assertThat(new BigDecimal(before.get("AMOUNT_PAID").toString())).isEqualByComparingTo(BigDecimal.valueOf(amount).movePointLeft(6));
        assertThat(new BigDecimal(before.get("COVERAGE").toString())).isEqualByComparingTo(
                BigDecimal.valueOf(500).divide(BigDecimal.valueOf(11), 2, RoundingMode.HALF_UP));
        assertThat(new BigDecimal(before.get("EXECUTION_RATE").toString())).isEqualByComparingTo(
                BigDecimal.valueOf(amount * 100).divide(BigDecimal.valueOf(6_000_000), 2, RoundingMode.HALF_UP));

        // Later data: h2's payment comes back in March 2024, and 20 households are put on file in 2026.
        flow.statement(a, List.of(refs.get(h.get(2)) + ",," + Money.ofFen(fen.get(h.get(2))).toYuanString() + ",退回," + (y + 1) + "-03-01"))
                .andExpect(jsonPath("$.returned").value(1));
        importHouseholds(code, "GX26", 20, "2026-11-01", u + ".clerk");
        assertThat(metrics(flow, y)).as(y + " as of its year end, after later data").isEqualTo(before);
        // The figures kept as bookings arrive (V29) are PaidItems' definition at each program year's 31 December: per
        // program the people, items and items paid in the window, for every booking of every test so far; and the
        // nightly check, which evaluates the definition again for every item, finds nothing to correct.
        assertKeptFiguresAreTheDefinition();
        assertThat(jdbc.sql("select sum(people) from disbursement.paid_program where program_id in (?, ?)").param(help).param(sfc)
                .query(Long.class).single()).as("paid at the year's end: h0, h2..h5").isEqualTo(5L);
        assertThat(paidFigures.check()).as("items and batch sums the nightly check had to correct").isZero();
        assertThat(ledgerDaySums.check()).as("ledger days the nightly check had to correct").isZero();
        // The people on file, counted by day as archives open, close and move (V32), are OnFile's definition for every
        // union on this year's last day and the next's, and the nightly check finds nothing to correct.
        for (LocalDate day : List.of(LocalDate.of(y, 12, 31), LocalDate.of(y + 1, 12, 31))) {
            String definition = """
                    select o.id, (select count(*) from registry.model_worker m where m.org_id = o.id and %s)
                               + (select count(*) from registry.household h where h.org_id = o.id and %s)
                      from org.organisation o
                    """.formatted(OnFile.asOf(SubjectType.MODEL_WORKER, "m", "day"), OnFile.asOf(SubjectType.HOUSEHOLD, "h", "day"));
            String counted = "select o.id, coalesce((select sum(d.delta) from registry.on_file_day d where d.org_id = o.id "
                    + "and d.day <= :day), 0) from org.organisation o";
            assertThat(jdbc.sql("(" + definition + " except " + counted + ") union all (" + counted + " except " + definition + ")")
                    .param("day", day).query().listOfRows()).as("unions whose count on file on " + day + " differs").isEmpty();
        }
        assertThat(onFileCounts.check()).as("archives the nightly check had to correct").isZero();
        // The balances, spending and program amounts read the ledger's day sums: they equal the entries, every booking of
        // every test so far included, and the application cannot write them.
        String byDay = "org_id, year, source, program_id, batch_id, kind, entry_date";
        assertThat(jdbc.sql("""
                (select %1$s, item_id is not null, sum(amount_fen), count(*) from funds.ledger_entry group by %1$s, item_id is not null
                 except select %1$s, itemised, amount_fen, entries from funds.ledger_day)
                union all
                (select %1$s, itemised, amount_fen, entries from funds.ledger_day
                 except select %1$s, item_id is not null, sum(amount_fen), count(*) from funds.ledger_entry group by %1$s, item_id is not null)
                """.formatted(byDay)).query().listOfRows()).as("day sums that differ from the ledger").isEmpty();
        assertThat(jdbc.sql("select count(*) from funds.ledger_day where org_id = ?").param(union).query(Long.class).single())
                .isPositive();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update funds.ledger_day set amount_fen = 0").update())
                .rootCause().hasMessageContaining("permission denied");
        // Nor can it hand the trigger's last step a change of its own making.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("select disbursement.paid_figures_apply()").query().listOfRows())
                .rootCause().hasMessageContaining("permission denied");

        // The report: one cut-off for the total and its parts; the January money is in neither.
        byte[] docx = mvc.perform(get("/api/v1/evaluation/self-report").param("year", String.valueOf(y)).param("format", "docx")
                .param("confirmUnscored", "true").with(flow.as("leader"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        String text;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            text = x.getText();
        }
        String wan = Money.ofFen(amount).toWanYuanString();
        assertThat(text).contains("截至" + y + "年12月31日共发放" + wan + "万元，其中困难职工帮扶5人，" + wan + "万元。")
                .doesNotContain("春节慰问3人");

        // A program's window decides which payments were on time (按时): moved to open after the June payments, the year's
        // timeliness falls to 0 at once; moved back, every figure is what it was.
        assertThat(new BigDecimal(before.get("TIMELINESS").toString())).isEqualByComparingTo("100");
        jdbc.sql("update policy.program set window_from = ? where id = ?").param(LocalDate.of(y, 7, 1)).param(help).update();
        assertThat(new BigDecimal(metrics(flow, y).get("TIMELINESS").toString())).isEqualByComparingTo("0");
        jdbc.sql("update policy.program set window_from = ? where id = ?").param(LocalDate.of(y, 1, 1)).param(help).update();
        assertThat(metrics(flow, y)).isEqualTo(before);

        // A year with no budget, receipt or payment has nothing to evaluate: no score and no grade, never 差.
        byte[] empty = mvc.perform(get("/api/v1/evaluation/self-report").param("year", String.valueOf(y + 3)).param("format", "docx")
                .param("confirmUnscored", "true").with(flow.as("leader"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(empty)); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            assertThat(x.getText()).contains("无评价对象，不作综合评分，不评定等级", "等级：不评级").doesNotContain("差");
        }

        // A paid payment with nothing on the ledger behind it: the report's figures disagree, and it is not issued.
        long c = BatchFlow.created(flow.manual(help, "SAME_LEVEL", "补发", List.of(h.get(10)), List.of("900.00")));
        jdbc.sql("update disbursement.batch_item set status = 'PAID' where batch_id = ?").param(c).update();
        mvc.perform(get("/api/v1/evaluation/self-report").param("year", String.valueOf(y)).param("format", "docx")
                .param("confirmUnscored", "true").with(flow.as("leader"))).andExpect(status().isConflict())
                .andExpect(content().string(containsString("批次 " + c + "“补发”已支付明细 900.00 元，与台账支付减退回 0.00 元不一致")));

        // h0's June payment comes back in August: h0 stops counting as paid, in the program and in the union's year.
        flow.statement(a, List.of(refs.get(h.get(0)) + ",," + Money.ofFen(fen.get(h.get(0))).toYuanString() + ",退回," + y + "-08-01"))
                .andExpect(jsonPath("$.returned").value(1));
        assertThat(jdbc.sql("select people from disbursement.paid_program where program_id = ?").param(help).query(Long.class)
                .single()).as("paid at the year's end after h0's return: h2..h5 (h2 came back after the year's end)").isEqualTo(4L);
        assertKeptFiguresAreTheDefinition();
    }

    /**
     * The figures kept as bookings arrive (V29, V36, V40) are PaidItems' definition at each program year's 31 December,
     * for every booking of every test so far: per program the people, items and items paid in the window, and per
     * union-year the people paid in any of its programs.
     */
    private void assertKeptFiguresAreTheDefinition() {
        String atYearEnd = PaidItems.asOf("i").replace(":cutOff", "make_date(p.year, 12, 31)");
        String byDefinition = """
                select i.program_id, count(distinct (i.subject_type, i.subject_id)), count(*),
                       count(*) filter (where exists (select 1 from funds.ledger_entry w where w.item_id = i.id and w.kind = 'PAYMENT'
                           and w.year = p.year and w.entry_date between p.window_from and p.window_to
                           and w.entry_date <= make_date(p.year, 12, 31)))
                  from disbursement.batch_item i join policy.program p on p.id = i.program_id where %s group by i.program_id
                """.formatted(atYearEnd);
        String kept = "select program_id, people, items, on_time from disbursement.paid_program where items <> 0 or people <> 0";
        assertThat(jdbc.sql("(" + byDefinition + " except " + kept + ") union all (" + kept + " except " + byDefinition + ")")
                .query().listOfRows()).as("programs whose kept figures differ from the definition").isEmpty();
        String byYear = """
                select p.org_id, p.year, i.subject_type, count(distinct i.subject_id)
                  from disbursement.batch_item i join policy.program p on p.id = i.program_id where %s
                 group by p.org_id, p.year, i.subject_type
                """.formatted(atYearEnd);
        String keptByYear = "select org_id, year, subject_type, subjects from disbursement.paid_year where subjects <> 0";
        assertThat(jdbc.sql("(" + byYear + " except " + keptByYear + ") union all (" + keptByYear + " except " + byYear + ")")
                .query().listOfRows()).as("union-years whose kept people paid differ from the definition").isEmpty();
    }

    @Test
    void everyMetricsDefinitionIsTheDocumentedOne() throws Exception {
        String doc = Files.readString(Path.of("docs/metrics.md"));
        for (Metric m : Metric.values()) {
            assertThat(doc).as(m.name()).contains("| " + m.label() + " | " + m.unit() + " | `" + m.name() + "` | "
                    + m.definition() + " |");
        }
    }

    private Map<String, Object> metrics(BatchFlow flow, int year) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/evaluation/metrics").param("year", String.valueOf(year)).with(flow.as("leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
    }

    private Map<Long, String> references(long batch) {
        Map<Long, String> refs = new HashMap<>();
        jdbc.sql("select subject_id, reference from disbursement.batch_item where batch_id = ?").param(batch)
                .query((rs, n) -> refs.put(rs.getLong(1), rs.getString(2))).list();
        return refs;
    }

    /** The union's two manual programs of the year (困难职工帮扶 and 春节慰问, capped at 5,000 元) with its own funds. */
    private long[] helpAndSpringFestival(BatchFlow flow, long union, int y, String u) throws Exception {
        mvc.perform(post("/api/v1/policy/import").with(flow.as("clerk")).contentType("application/yaml").content("""
                year: %1$d
                parameters: [{key: %3$s.cap, name: 上限, unit: YUAN, versions: [{from: "%1$d-01-01", value: "5000", document: 高新工发〔%1$d〕1号}]}]
                programs:
                  - {code: GX-HELP, name: 困难职工帮扶, beneficiary: HOUSEHOLD, fundSources: [SAME_LEVEL], referenceDate: "%1$d-01-01",
                     windowFrom: "%1$d-01-01", windowTo: "%2$d-01-31", rule: {conditions: [{type: IN_REGISTER}], amount: {type: MANUAL, cap: %3$s.cap}}}
                  - {code: GX-SFC, name: 春节慰问, beneficiary: HOUSEHOLD, fundSources: [SAME_LEVEL], referenceDate: "%1$d-01-01",
                     windowFrom: "%1$d-01-01", windowTo: "%2$d-01-31", rule: {conditions: [{type: IN_REGISTER}], amount: {type: MANUAL, cap: %3$s.cap}}}
                """.formatted(y, y + 1, u))).andExpect(status().isOk());
        flow.approveProposed(u + ".cap");
        flow.sameLevelFunds(y, "60000", "50000", y + "-02-01", "高新配套-1");
        return new long[] {
                jdbc.sql("select id from policy.program where org_id = ? and code = 'GX-HELP'").param(union).query(Long.class).single(),
                jdbc.sql("select id from policy.program where org_id = ? and code = 'GX-SFC'").param(union).query(Long.class).single()};
    }

    /**
     * Two clerks' bookings of one person's payments in two programs of one union-year, in two transactions at once: the
     * second waits for the first's union-year lock and then counts the person as already paid in the year, so the year
     * counts them once (before the lock both counted them as new: 2). Written as the ledger's own rows, so that the
     * interleaving is the test's to choose.
     */
    @Test
    void twoBookingsOfOnePersonInTwoProgramsAtOnceCountThemOnceInTheYear() throws Exception {
        int y = 2024;
        long union = TestUnions.open(mvc, jdbc, "T015R", "高新区总工会（并发口径测试）", "430972", Map.of("t015r.clerk",
                "\"CLERK\"", "t015r.reviewer", "\"REVIEWER\"", "t015r.leader", "\"LEADER\"", "t015r.finance", "\"FINANCE\"",
                "t015r.cashier", "\"FINANCE\""));
        BatchFlow flow = new BatchFlow(mvc, "t015r");
        importHouseholds("T015R", "R", 2, (y - 1) + "-06-01", "t015r.clerk");
        long person = jdbc.sql("select min(id) from registry.household where org_id = ?").param(union).query(Long.class).single();
        long[] programs = helpAndSpringFestival(flow, union, y, "t015r");
        long[] batches = new long[2];
        for (int p = 0; p < 2; p++) {
            batches[p] = BatchFlow.created(flow.manual(programs[p], "SAME_LEVEL", y + "年并发" + p, List.of(person),
                    List.of(p == 0 ? "1000.00" : "900.00")));
            flow.throughPublicity(batches[p], y + "-06-01", y + "-06-05");
            flow.paymentFile(batches[p]);
        }
        boolean waits = false;
        try (java.sql.Connection first = dataSource.getConnection(); java.sql.Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            int firstPid = backendPid(first);
            int secondPid = backendPid(second);
            bookPayments(first, union, y, batches[0]);
            java.util.concurrent.CompletableFuture<Void> other = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    bookPayments(second, union, y, batches[1]);
                    second.commit();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            waits = waitsForAdvisoryLock(secondPid, firstPid, other);
            first.commit();
            other.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(jdbc.sql("select subjects from disbursement.paid_year where org_id = ? and year = ? and subject_type = 'HOUSEHOLD'")
                .param(union).param(y).query(Long.class).single()).as("people paid in the year").isEqualTo(1L);
        assertThat(waits).as("the second booking waited for the first's union-year lock").isTrue();
        assertThat(paidFigures.check()).as("items and batch sums the nightly check had to correct").isZero();
    }

    /**
     * Whether the backend {@code waiting} comes to wait for an advisory lock that {@code holder} holds, watched until it
     * does, until {@code booking} ends without having waited, or for at most ten seconds.
     */
    private boolean waitsForAdvisoryLock(int waiting, int holder, java.util.concurrent.Future<Void> booking) throws Exception {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            if (jdbc.sql("""
                    select exists (select 1 from pg_locks where pid = ? and locktype = 'advisory' and not granted)
                           and ? = any(pg_blocking_pids(?))
                    """).param(waiting).param(holder).param(waiting).query(Boolean.class).single()) {
                return true;
            }
            try {
                booking.get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                return false;
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                // neither finished nor waiting yet: look again
            } catch (java.util.concurrent.ExecutionException failed) {
                return false;
            }
        }
        return false;
    }

    private static int backendPid(java.sql.Connection c) throws java.sql.SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void bookPayments(java.sql.Connection c, long union, int y, long batch) throws java.sql.SQLException {
        try (var insert = c.prepareStatement("""
                insert into funds.ledger_entry (org_id, year, source, program_id, kind, entry_date, amount_fen, voucher, batch_id,
                                                item_id, note, created_by)
                select ?, ?, 'SAME_LEVEL', i.program_id, 'PAYMENT', make_date(?, 6, 20), i.amount_fen, i.reference, i.batch_id,
                       i.id, '并发入账', 't015r.cashier'
                  from disbursement.batch_item i where i.batch_id = ?
                """)) {
            insert.setLong(1, union);
            insert.setInt(2, y);
            insert.setInt(3, y);
            insert.setLong(4, batch);
            insert.executeUpdate();
        }
    }

    private void importHouseholds(String org, String prefix, int n, String openedOn, String clerk) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(List.of(prefix + "-" + (100 + i), "户主", "高新困难户" + org + prefix + i,
                    Rosters.idNumber("430972", LocalDate.of(1962, 5, 1).plusDays(i * 131L + prefix.length() * 7L + org.length() * 3L),
                            400 + i), "700", "健康", "深度困难", "因病致困", "", "中国银行",
                    "62166100%011d".formatted(org.length() * 100_000 + prefix.length() * 1000 + i), org, "430972", openedOn));
        }
        mvc.perform(multipart("/api/v1/households/import").file(new MockMultipartFile("file", "高新.csv", "text/csv",
                        Rosters.householdCsv(rows, StandardCharsets.UTF_8)))
                .with(httpBasic(clerk, TestUnions.PASSWORD)))
                .andExpect(jsonPath("$.imported").value(n));
    }
}
