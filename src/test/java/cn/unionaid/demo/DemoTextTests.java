package cn.unionaid.demo;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.unionaid.DemoUsers;
import cn.unionaid.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 15 §6: what the demo year shows a union — its pages, the report as DOCX and PDF, its sheets — reads as written
 * by the union: no internal code, enum name, indicator code or standard's key, no reference to our own documents, no
 * year with a thousands separator, no ISO date in a report.
 */
@IntegrationTest
class DemoTextTests {

    /** What must never be printed, each with what it catches. */
    private static final Map<String, Pattern> FORBIDDEN = new LinkedHashMap<>();

    static {
        FORBIDDEN.put("enum name", Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z0-9]+)+\\b"));
        FORBIDDEN.put("status or role code", Pattern.compile("\\b(?:RETIRED|ELIGIBLE|INELIGIBLE|CAPPED|PENDING|PAID|FAILED|"
                + "RETURNED|DRAFT|SUBMITTED|REVIEWED|DECIDED|COMPLETED|CANCELLED|EXPLAINED|CORRECTED|DEDUCTIONS|FORWARD|"
                + "REVERSE|QUALITATIVE|HOUSEHOLD|CLERK|REVIEWER|LEADER|FINANCE|AUDITOR|PROPOSED|APPROVED|REJECTED)\\b"));
        FORBIDDEN.put("indicator code", Pattern.compile("\\b[A-Z]{3,}\\.[A-Z_]{3,}\\b"));
        // A standard's key (lm.sfc.amount, t007.cap); an account name (t007.clerk) is not one.
        FORBIDDEN.put("standard's key", Pattern.compile(
                "\\b(?:lm|cd|t0\\d\\d)\\.(?!(?:clerk|reviewer|leader|finance|cashier|auditor|evaluator|both)\\b)[a-z_]+(?:\\.[a-z_]+)*\\b"));
        FORBIDDEN.put("our own documents", Pattern.compile("DOMAIN|§|seed 0"));
        FORBIDDEN.put("year with a separator", Pattern.compile("\\b[12],\\d{3}\\s*年"));
    }

    /** ISO dates are fine in a table of a page; a report writes 2023年12月31日. */
    private static final Pattern ISO_DATE_IN_PROSE = Pattern.compile("截至\\s*\\d{4}-\\d{2}-\\d{2}|\\d{4}-\\d{2}-\\d{2}\\s*（");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void theDemoYearsPagesReportsAndSheetsCarryNoCodeNorMalformedYear() throws Exception {
        long batch = jdbc.sql("select min(b.id) from disbursement.batch b join org.organisation o on o.id = b.org_id where o.code = '430900'")
                .query(Long.class).single();
        long program = jdbc.sql("select min(p.id) from policy.program p join org.organisation o on o.id = p.org_id where o.code = '430900'")
                .query(Long.class).single();
        long run = jdbc.sql("select max(r.id) from policy.entitlement_run r where r.program_id = ?").param(program).query(Long.class).single();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/", "yiyang.clerk");
        pages.put("/registry/model-workers", "yiyang.clerk");
        pages.put("/registry/households", "yiyang.clerk");
        pages.put("/policy/programs?year=2023", "yiyang.clerk");
        pages.put("/policy/programs/" + program, "yiyang.clerk");
        pages.put("/policy/runs/" + run, "yiyang.clerk");
        pages.put("/policy/parameters", "yiyang.reviewer");
        pages.put("/batches", "yiyang.clerk");
        pages.put("/batches/" + batch, "yiyang.finance");
        pages.put("/funds?year=2023", "yiyang.finance");
        pages.put("/controls", "yiyang.leader");
        pages.put("/evaluation?year=2023", "yiyang.leader");
        pages.put("/evaluation?year=2023&frame=THIRD_PARTY", "yiyang.leader");
        pages.put("/evaluation/indicators?year=2023", "yiyang.leader");
        pages.put("/evaluation/dashboard?year=2023", "yiyang.leader");
        long worker = jdbc.sql("select min(m.id) from registry.model_worker m join org.organisation o on o.id = m.org_id where o.code = '430900'")
                .query(Long.class).single();
        long subject = jdbc.sql("select min(subject_id) from policy.entitlement where run_id = ?").param(run).query(Long.class).single();
        pages.put("/registry/model-workers/" + worker, "yiyang.clerk");
        pages.put("/registry/surveys", "yiyang.clerk");
        pages.put("/registry/recheck", "yiyang.clerk");
        pages.put("/registry/import", "yiyang.clerk");
        pages.put("/batches/" + batch + "/publicity-list", "yiyang.clerk");
        pages.put("/policy/runs/" + run + "/people/" + subject, "yiyang.clerk");
        pages.put("/orgs", "sysadmin");
        pages.put("/users/new", "sysadmin");
        pages.put("/policy/programs/" + program + "/claims", "yiyang.reviewer");
        pages.put("/account/tokens", "yiyang.finance");
        pages.put("/evaluation/rollup?year=2023", "hunan.auditor");
        pages.put("/audit/verify", "auditadmin");
        pages.put("/users", "secadmin");
        pages.put("/evaluation/dashboard?year=2023&org=" + DemoUsers.orgId(jdbc, "430900"), "hunan.auditor");
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String html = mvc.perform(get(page.getKey()).with(DemoUsers.page(users, page.getValue()))).andReturn().getResponse()
                    .getContentAsString();
            scan(page.getKey(), visibleText(html), found);
        }
        byte[] docx = bytes("/api/v1/evaluation/report?year=2023&frame=SELF&format=docx", "yiyang.leader");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            scanReport("self-evaluation DOCX", x.getText(), found);
        }
        byte[] pdf = bytes("/api/v1/evaluation/report?year=2023&frame=SELF&format=pdf", "yiyang.leader");
        try (var doc = Loader.loadPDF(pdf)) {
            scanReport("self-evaluation PDF", new PDFTextStripper().getText(doc), found);
        }
        byte[] thirdParty = bytes("/api/v1/evaluation/report?year=2023&frame=THIRD_PARTY&format=docx&confirmUnscored=true",
                "yiyang.leader");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(thirdParty)); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            scanReport("third-party DOCX", x.getText(), found);
        }
        try (var doc = Loader.loadPDF(bytes("/batches/" + batch + "/publicity-list.pdf", "yiyang.clerk"))) {
            scan("publicity list PDF", new PDFTextStripper().getText(doc), found);
        }
        scan("ledger XLSX", cells(bytes("/funds/ledger.xlsx?year=2023&source=PROVINCIAL_FINANCE", "yiyang.finance")), found);
        scan("real-name XLSX", cells(bytes("/batches/" + batch + "/real-name-sheet.xlsx", "yiyang.finance")), found);
        assertThat(found).as("what a union must not read").isEmpty();
    }

    @Test
    void aBatchFromARunIsMadeByChoosingTheRunByItsProgramNotByItsNumber() throws Exception {
        String html = mvc.perform(get("/batches").with(DemoUsers.page(users, "yiyang.clerk"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("<select name=\"runId\" required>").contains("2023年生活困难补助（参照日 2023/1/1，应发 20 人")
                .doesNotContain("name=\"runId\" required type=\"number\"");
    }

    @Test
    void aNewAccountsOrganisationIsPickedByName() throws Exception {
        String html = mvc.perform(get("/users/new").with(DemoUsers.page(users, "sysadmin"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("<select name=\"orgId\" required>").contains(">赫山区总工会（益阳市总工会）</option>")
                .doesNotContain("type=\"number\"");
    }

    @Test
    void theAuditLogReadsInWordsWhileItsRecordStaysAsStored() throws Exception {
        String html = mvc.perform(get("/audit").param("action", "batch.decided").with(DemoUsers.page(users, "auditadmin")))
                .andReturn().getResponse().getContentAsString();
        assertThat(visibleText(html)).contains("登记集体研究", "发放批次", "原状态：已审核", "新状态：已决策")
                .doesNotContain("REVIEWED", "\"from\"");
        assertThat(html).contains("&quot;from&quot;:&quot;REVIEWED&quot;");
    }

    private byte[] bytes(String url, String user) throws Exception {
        return mvc.perform(get(url).with(DemoUsers.page(users, user))).andReturn().getResponse().getContentAsByteArray();
    }

    private static void scanReport(String where, String text, List<String> found) {
        scan(where, text, found);
        Matcher iso = ISO_DATE_IN_PROSE.matcher(text);
        while (iso.find()) {
            found.add(where + ": ISO date in prose: " + iso.group());
        }
    }

    private static void scan(String where, String text, List<String> found) {
        FORBIDDEN.forEach((what, pattern) -> {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                int from = Math.max(0, m.start() - 20);
                found.add(where + ": " + what + " “" + m.group() + "” in …" + text.substring(from, Math.min(text.length(), m.end() + 20))
                        .replace('\n', ' ') + "…");
            }
        });
    }

    private static String visibleText(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<head.*?</head>", " ").replaceAll("(?s)<[^>]+>", " ").replace("&nbsp;", " ")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replaceAll("\\s+", " ");
    }

    private static String cells(byte[] xlsx) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        sb.append(cell.toString()).append(' ');
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }
}
