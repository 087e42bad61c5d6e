package cn.unionaid.bench;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.controls.ControlRunResult;
import cn.unionaid.controls.Controls;
import cn.unionaid.registry.ImportJob;
import cn.unionaid.registry.ImportMode;
import cn.unionaid.registry.RegistryImports;
import cn.unionaid.registry.RosterKind;
import cn.unionaid.registry.Rosters;
import cn.unionaid.registry.importing.HouseholdSheet;
import cn.unionaid.registry.importing.ModelWorkerSheet;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The scale harness (not part of the test suite): generates a province-style roster, loads it through the real import
 * path, runs a program over it and the checks, and measures each against what PostgreSQL itself does with the same
 * data in the same run. Run with {@code mvn -B test -Dtest=ScaleBenchmark -Dbench.rows=100000}; the figures go to the
 * console and to {@code target/benchmarks.md}.
 */
@IntegrationTest
class ScaleBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 100_000);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    RegistryImports imports;
    @Autowired
    Controls controls;
    @Autowired
    UserDetailsService users;

    private final List<String> report = new ArrayList<>();

    /** Resets the heap pools' peaks and returns the start time of a workload. */
    private static long start() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        return System.nanoTime();
    }

    /** The sum of the heap pools' peaks since {@link #start()}, in MB (an upper bound of the peak heap in use). */
    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    private void line(String workload, long rows, long millis, long referenceMillis, String note) {
        long usedMb = peakHeapMb();
        String ratio = referenceMillis > 0 ? "%.2f×".formatted(millis / (double) referenceMillis) : "-";
        String text = "| %s | %,d | %,d ms | %,d rows/s | %s | %,d ms | %d MB | %s |".formatted(workload, rows, millis,
                millis == 0 ? 0 : rows * 1000 / millis, ratio, referenceMillis, usedMb, note);
        System.out.println("BENCH " + text);
        report.add(text);
    }

    private void signIn(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** A deterministic roster of {@code ROWS} provincial model workers of the bench union, as CSV (UTF-8). */
    private static byte[] roster() {
        StringBuilder sb = new StringBuilder(String.join(",", ModelWorkerSheet.COLUMNS)).append('\n');
        String[] honours = {"省部级劳动模范", "全国劳动模范", "省部级先进工作者", "享受省部级劳模待遇", "全国五一劳动奖章", "市级劳动模范"};
        for (int i = 0; i < ROWS; i++) {
            String id = Rosters.idNumber("4309" + (21 + i % 3), LocalDate.of(1940, 1, 1).plusDays(i / 1000), i % 1000);
            sb.append("劳模").append(i).append(',').append(id).append(',').append(honours[i % honours.length]).append(",2001,")
                    .append(i % 3 == 0 ? "在职" : "离退休").append(",某单位,BENCH,").append("4309" + (21 + i % 3)).append(',')
                    .append(2000 + (i * 37L) % 5000).append(".00,2024-12,,中国银行,").append("62165800%011d".formatted(i))
                    .append(",是,保持,2020-01-01,\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code ROWS / 2} households of three (户主, 配偶, 子女) of the bench union, as CSV (UTF-8). */
    private static byte[] households() {
        StringBuilder sb = new StringBuilder(String.join(",", HouseholdSheet.COLUMNS)).append('\n');
        String[] categories = {"深度困难", "相对困难", "意外致困"};
        for (int h = 0; h < ROWS / 2; h++) {
            String no = "H%07d".formatted(h);
            String head = Rosters.idNumber("430921", LocalDate.of(1970, 1, 1).plusDays(h / 1000), h % 1000);
            String spouse = Rosters.idNumber("430922", LocalDate.of(1971, 1, 1).plusDays(h / 1000), h % 1000);
            String child = Rosters.idNumber("430923", LocalDate.of(1998, 1, 1).plusDays(h / 1000), h % 1000);
            sb.append(no).append(",户主,户主").append(h).append(',').append(head).append(',').append(800 + h % 900)
                    .append(".00,良好,").append(categories[h % 3]).append(",因病,自有住房,中国工商银行,")
                    .append("62170000%010d".formatted(h)).append(",BENCH,430921,2024-03-01\n");
            sb.append(no).append(",配偶,配偶").append(h).append(',').append(spouse).append(",0.00,慢性病,,,,,,,,\n");
            sb.append(no).append(",子女,子女").append(h).append(',').append(child).append(",0.00,良好,,,,,,,,\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private long copyReference(String table, List<String> columns, byte[] csv) throws Exception {
        jdbc.sql("create table " + table + " (" + String.join(", ", columns.stream().map(c -> "\"" + c + "\" text").toList())
                + ")").update();
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)",
                    new StringReader(new String(csv, StandardCharsets.UTF_8)));
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void measure() throws Exception {
        TestUnions.open(mvc, jdbc, "BENCH", "基准测试工会", "430921", Map.of("bench.clerk", "\"CLERK\"",
                "bench.reviewer", "\"REVIEWER\""));
        byte[] csv = roster();
        Path file = Files.createTempFile("roster", ".csv");
        Files.write(file, csv);

        // Reference: COPY of the same file into an unindexed table of text columns.
        long copyMs = copyReference("bench_copy", ModelWorkerSheet.COLUMNS, csv);
        long t0;

        signIn("bench.clerk");
        t0 = start();
        ImportJob job = imports.importNow(RosterKind.MODEL_WORKERS, "bench.csv", csv, ImportMode.ALL_OR_NOTHING);
        long importMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(job.result().imported()).isEqualTo(ROWS);
        line("roster import (validate, encrypt, blind index, dedup, COPY, merge)", ROWS, importMs, copyMs,
                "reference: COPY into an unindexed table");

        // A second, fairer floor: the same rows written into a copy of the register's table with its indexes and keys.
        jdbc.sql("create table bench_register (like model_worker including all)").update();
        jdbc.sql("alter table bench_register add foreign key (org_id) references organisation (id), "
                + "add foreign key (region_code) references region (code)").update();
        t0 = start();
        jdbc.sql("insert into bench_register select m.* from model_worker m join organisation o on o.id = m.org_id "
                + "where o.code = 'BENCH'").update();
        long indexedMs = (System.nanoTime() - t0) / 1_000_000;
        line("  same rows into an indexed copy of the register (INSERT … SELECT)", ROWS, indexedMs, copyMs,
                "the write the import cannot avoid: 5 indexes, 2 foreign keys");

        byte[] householdCsv = households();
        long householdCopyMs = copyReference("bench_household_copy", HouseholdSheet.COLUMNS, householdCsv);
        t0 = start();
        ImportJob householdJob = imports.importNow(RosterKind.HOUSEHOLDS, "bench-households.csv", householdCsv,
                ImportMode.ALL_OR_NOTHING);
        long householdMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(householdJob.result().rejected()).isZero();
        assertThat(jdbc.sql("select count(*) from household h join organisation o on o.id = h.org_id where o.code = 'BENCH'")
                .query(Long.class).single()).isEqualTo(ROWS / 2);
        line("household roster import (3 members a household, same checks)", ROWS / 2 * 3L, householdMs, householdCopyMs,
                "reference: COPY into an unindexed table; " + ROWS / 2 + " households");

        // Entitlement run vs one INSERT … SELECT computing the same amounts.
        mvc.perform(post("/api/v1/policy/import").with(httpBasic("bench.clerk", TestUnions.PASSWORD)).contentType("application/yaml")
                .content("""
                        year: 2025
                        parameters:
                          - {key: bench.amount, name: 基准定额, unit: YUAN, versions: [{from: "2025-01-01", value: "1000", document: 基准}]}
                        programs:
                          - {code: BENCH-SFC, name: 基准春节慰问, beneficiary: MODEL_WORKER, fundSources: [SAME_LEVEL], referenceDate: "2025-01-29",
                             windowFrom: "2025-01-01", windowTo: "2025-12-31",
                             rule: {conditions: [{type: IN_REGISTER}, {type: HONOUR_IN, honours: [PROVINCIAL_MODEL, NATIONAL_MODEL, PROVINCIAL_ADVANCED, PROVINCIAL_TREATMENT, NATIONAL_MAY_DAY]}],
                                    amount: {type: FIXED, amount: bench.amount}}}
                        """)).andExpect(status().isOk());
        List<Long> versions = jdbc.sql("select id from parameter_version where key = 'bench.amount' and status = 'PROPOSED'")
                .query(Long.class).list();
        mvc.perform(post("/api/v1/parameter-versions/approve").with(httpBasic("bench.reviewer", TestUnions.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"ids\":" + versions + "}")).andExpect(status().isOk());
        long program = jdbc.sql("select id from program where code = 'BENCH-SFC'").query(Long.class).single();
        t0 = start();
        String run = mvc.perform(post("/api/v1/programs/{id}/runs", program).with(httpBasic("bench.clerk", TestUnions.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long runMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        long referenceTotal = jdbc.sql("""
                create table bench_reference as
                select m.id, case when m.honour <> 'CITY_MODEL' and m.living and m.honour_kept and m.archive_open
                                  then 100000 else 0 end as amount_fen
                  from model_worker m join organisation o on o.id = m.org_id where o.code = 'BENCH'
                """).update();
        long total = jdbc.sql("select sum(amount_fen) from bench_reference").query(Long.class).single();
        long referenceMs = (System.nanoTime() - t0) / 1_000_000;
        long runTotal = jdbc.sql("select total_fen from entitlement_run where id = ?")
                .param(((Number) JsonPath.read(run, "$.id")).longValue()).query(Long.class).single();
        assertThat(runTotal).as("run total equals the SQL reference to the fen").isEqualTo(total);
        line("entitlement run (1 program, explanations, COPY)", ROWS, runMs, referenceMs,
                "reference: one INSERT … SELECT; totals equal: " + (runTotal == total) + " (" + referenceTotal + " rows)");

        t0 = start();
        int bytes = 0;
        for (String format : List.of("docx", "pdf")) {
            bytes += mvc.perform(get("/api/v1/evaluation/self-report").param("year", "2025").param("format", format)
                    .with(httpBasic("bench.clerk", TestUnions.PASSWORD))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray().length;
        }
        long reportMs = (System.nanoTime() - t0) / 1_000_000;
        line("evaluation report DOCX + PDF (first render, fonts cold)", 1, reportMs, 0,
                "bench union, year 2025; " + bytes / 1024 + " KB in all; target ≤ 2 s");

        signIn("hunan.auditor");
        t0 = start();
        ControlRunResult checks = controls.runNow();
        long checksMs = (System.nanoTime() - t0) / 1_000_000;
        line("all 13 control checks", jdbc.sql("select count(*) from batch_item").query(Long.class).single(), checksMs, 0,
                "over every payment item in the database (" + checks.hits().values().stream().mapToInt(Integer::intValue).sum()
                        + " hits)");

        StringBuilder md = new StringBuilder("| workload | rows | time | throughput | ratio | PostgreSQL reference | peak heap | note |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        report.forEach(r -> md.append(r).append('\n'));
        Files.writeString(Path.of("target", "benchmarks.md"), md.toString());
        System.out.println(md);
    }
}
