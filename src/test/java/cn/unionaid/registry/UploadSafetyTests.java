package cn.unionaid.registry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import cn.unionaid.DemoUsers;
import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.platform.files.FileStore;
import cn.unionaid.registry.importing.ModelWorkerSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploads an insider or an accident could use against the server: a province-sized XLSX roster streams in, an
 * oversized file is refused before it is read, a killed import does not stay RUNNING, and nothing rests on disk
 * in clear. Plus the hygiene of odd input: bad cursors, NUL bytes, GB18030 characters, ID numbers in URLs.
 */
@IntegrationTest
class UploadSafetyTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FileStore files;
    @Autowired
    RegistryImports imports;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    cn.unionaid.registry.internal.ImportJobRepository jobs;

    /** {@code n} valid, distinct model-worker rows of one union, written as XLSX by the streaming writer. */
    private static byte[] largeRoster(int n, String orgCode, String region) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("劳模花名册");
            var head = sheet.createRow(0);
            for (int c = 0; c < ModelWorkerSheet.COLUMNS.size(); c++) {
                head.createCell(c).setCellValue(ModelWorkerSheet.COLUMNS.get(c));
            }
            for (int i = 0; i < n; i++) {
                LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(i / 1000);
                List<String> row = List.of("劳模" + i, Rosters.idNumber(region, birth, i % 1000), "市级劳动模范", "2001",
                        "离退休", "某厂", orgCode, region, "3000.00", "2023-09", "", "中国农业银行",
                        "62284800%011d".formatted(i), "是", "保持", "2020-01-01", "");
                var r = sheet.createRow(i + 1);
                for (int c = 0; c < row.size(); c++) {
                    r.createCell(c).setCellValue(row.get(c));
                }
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    @Test
    void aHundredThousandRowXlsxRosterImportsAndNoFileOnDiskHoldsAnIdNumberInClear() throws Exception {
        long xinjiang = DemoUsers.orgId(jdbc, "650000");
        TestUnions.openUnder(mvc, jdbc, xinjiang, "T014", "乌鲁木齐市总工会（测试）", "MUNICIPAL", "650100",
                Map.of("t014.clerk", "\"CLERK\""));
        byte[] roster = largeRoster(100_000, "T014", "650102");
        mvc.perform(multipart("/api/v1/model-workers/import")
                        .file(new MockMultipartFile("file", "乌鲁木齐.xlsx", "application/octet-stream", roster))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("t014.clerk", TestUnions.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(100_000));

        String someId = Rosters.idNumber("650102", LocalDate.of(1940, 1, 1).plusDays(42), 123);
        byte[] needle = someId.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (Stream<Path> stored = Files.walk(files.root())) {
            List<Path> all = stored.filter(Files::isRegularFile).toList();
            assertThat(all).isNotEmpty();
            for (Path file : all) {
                byte[] content = Files.readAllBytes(file);
                assertThat(indexOf(content, needle)).as(file.toString()).isEqualTo(-1);
                // Not even the XLSX's zip signature: the file is ciphertext, not a workbook.
                assertThat(content[0] == 'P' && content[1] == 'K').as(file.toString()).isFalse();
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void anOversizedUploadIsRefusedBeforeItIsReadWithTheLimitInChinese() throws Exception {
        byte[] eleven = new byte[11 * 1024 * 1024];
        mvc.perform(multipart("/api/v1/batches/1/publicity/photo").content(eleven)
                        .contentType("multipart/form-data; boundary=x").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail", containsString("公示照片过大：上限 10 MB")));
    }

    @Test
    void anImportOrRunLeftRunningByADeadProcessIsMarkedFailedButALiveOneIsNot() throws InterruptedException {
        long org = DemoUsers.orgId(jdbc, "430903");
        UUID dead = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        for (UUID id : List.of(dead, alive)) {
            jdbc.sql("""
                    insert into registry.import_job (id, kind, org_id, started_by, file_name, mode, status)
                    values (?, 'MODEL_WORKERS', ?, 'heshan.clerk', 'x.xlsx', 'MERGE', 'RUNNING')
                    """).param(id).param(org).update();
        }
        // Another transaction (as a live instance's import would) holds the live job's lock while the sweep runs.
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch swept = new java.util.concurrent.CountDownLatch(1);
        Thread worker = new Thread(() -> transactions.executeWithoutResult(s -> {
            jobs.holdWhileWorking(alive);
            held.countDown();
            try {
                swept.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        worker.start();
        try {
            assertThat(held.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            imports.failAbandonedImports();
        } finally {
            swept.countDown();
        }
        worker.join(30_000);
        assertThat(jobStatus(dead)).isEqualTo("FAILED");
        assertThat(jobStatus(alive)).isEqualTo("RUNNING");
        assertThat(jdbc.sql("select result from registry.import_job where id = ?").param(dead).query(String.class).single())
                .contains("系统在导入过程中停止");
        jdbc.sql("delete from registry.import_job where id in (?, ?)").param(dead).param(alive).update();
    }

    private String jobStatus(UUID job) {
        return jdbc.sql("select status from registry.import_job where id = ?").param(job).query(String.class).single();
    }

    @Test
    void oddInputAnswersFourHundredInChineseNeverFiveHundred() throws Exception {
        mvc.perform(get("/api/v1/batches").param("after", "not-a-cursor").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("分页游标")));
        mvc.perform(post("/api/v1/model-workers/search").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\":\"王\\u0000\"}").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/funds/receipts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2023,\"amountYuan\":\"99999999999999999999999\"}").with(DemoUsers.api("yiyang.finance")))
                .andExpect(status().is4xxClientError());
        mvc.perform(post("/api/v1/model-workers/search").contentType(MediaType.APPLICATION_JSON)
                        .content("{not json").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("JSON")));
    }

    @Test
    void anIdNumberIsNeverSearchedFromAUrl() throws Exception {
        mvc.perform(get("/api/v1/model-workers").param("idNumber", "430903199001011237").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("POST")));
        String valid = Rosters.idNumber("430903", LocalDate.of(1990, 1, 1), 123);
        mvc.perform(post("/api/v1/model-workers/search").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idNumber\":\"" + valid + "\"}").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aFourByteGb18030CharacterInACsvRosterSurvives() throws Exception {
        String rareName = "王\uD840\uDC00";   // U+20000, four bytes in GB18030, absent from GBK
        List<List<String>> rows = new ArrayList<>(Rosters.modelWorkers(1, 19, "430903", "430903"));
        List<String> row = new ArrayList<>(rows.get(0));
        row.set(0, rareName);
        rows.set(0, row);
        byte[] csv = Rosters.csv(ModelWorkerSheet.COLUMNS, rows, Charset.forName("GB18030"));
        mvc.perform(multipart("/api/v1/model-workers/import")
                        .file(new MockMultipartFile("file", "生僻字.csv", "text/csv", csv)).with(DemoUsers.api("heshan.clerk")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1));
        assertThat(jdbc.sql("select count(*) from registry.model_worker where name = ?").param(rareName).query(Long.class).single())
                .isEqualTo(1);
    }
}
