package cn.unionaid.platform.web;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import cn.unionaid.DemoUsers;
import cn.unionaid.IntegrationTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The lists a union keeps export to XLSX in words, bounded by the reader's scope; the audit log's export is logged. */
@IntegrationTest
class ListExportsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    private List<String> cells(byte[] xlsx) throws Exception {
        List<String> all = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getSheetAt(0)) {
                for (Cell cell : row) {
                    all.add(cell.getStringCellValue());
                }
            }
        }
        return all;
    }

    private byte[] download(String path, String user) throws Exception {
        return mvc.perform(get(path).with(DemoUsers.page(users, user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
    }

    @Test
    void batchesFindingsAndTheAuditLogExportInWords() throws Exception {
        List<String> batches = cells(download("/batches/export.xlsx", "yiyang.finance"));
        assertThat(batches).contains("编号", "标题", "状态", "2023年春节慰问", "已完结").doesNotContain("COMPLETED");
        assertThat(cells(download("/batches/export.xlsx", "changde.clerk"))).doesNotContain("2023年春节慰问");

        List<String> findings = cells(download("/controls/findings.xlsx", "hunan.auditor"));
        assertThat(findings).contains("检查项", "状态");

        List<String> log = cells(download("/audit/export.xlsx?action=user.opened", "auditadmin"));
        assertThat(log).contains("操作", "新建用户").doesNotContain("user.opened");
        assertThat(jdbc.sql("select count(*) from audit.audit_log where action = 'audit.exported' and actor = 'auditadmin'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
        mvc.perform(get("/audit/export.xlsx").with(DemoUsers.page(users, "sysadmin"))).andExpect(status().isForbidden());

        assertThat(cells(download("/registry/surveys/export.xlsx", "yiyang.clerk"))).contains("类别", "姓名", "所属工会");
        assertThat(cells(download("/registry/recheck/export.xlsx", "yiyang.clerk"))).contains("抽样编号", "复核人");
        long run = jdbc.sql("""
                select r.id from policy.entitlement_run r join org.organisation o on o.id = r.org_id
                 where o.code = '430900' and r.status = 'DONE' and r.kind = 'OFFICIAL' order by r.id limit 1
                """).query(Long.class).single();
        List<String> entitlements = cells(download("/policy/runs/" + run + "/export.xlsx", "yiyang.clerk"));
        assertThat(entitlements).contains("姓名", "结论", "金额(元)", "说明");
        assertThat(entitlements.size()).isGreaterThan(8 * 10);
    }

    @Test
    void theRegisterIsSearchedByTheLastDigitsOfAnIdRegionByNameAndUnionWithPageNumbers() throws Exception {
        String masked = jdbc.sql("select id_number_masked from registry.model_worker where org_id = ? order by id limit 1")
                .param(DemoUsers.orgId(jdbc, "430900")).query(String.class).single();
        String tail = masked.substring(masked.length() - 4);
        String byTail = mvc.perform(get("/api/v1/model-workers").param("q", tail).with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> tails = com.jayway.jsonpath.JsonPath.read(byTail, "$.items[*].idNumberMasked");
        assertThat(tails).isNotEmpty().allMatch(t -> t.endsWith(tail));
        // Two characters of a name, wherever they stand in it (served by the name's bigram index, V27), and only those.
        String name = jdbc.sql("select name from registry.model_worker where org_id = ? and char_length(name) = 3 order by id limit 1")
                .param(DemoUsers.orgId(jdbc, "430900")).query(String.class).single();
        String pair = name.substring(1);
        String byPair = mvc.perform(get("/api/v1/model-workers").param("q", pair).with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> names = com.jayway.jsonpath.JsonPath.read(byPair, "$.items[*].name");
        assertThat(names).contains(name).allMatch(n -> n.contains(pair));
        // The index's pieces (V43, a loop) are the definition's (V27): every two characters of the name, each once.
        assertThat(jdbc.sql("""
                select count(*) filter (where array(select distinct unnest(registry.name_bigrams(n)) order by 1)
                         is distinct from array(select distinct substr(n, i, 2) from generate_series(1, char_length(n) - 1) i order by 1)),
                       count(*)
                  from (select n from (values (null::text), (''), ('王'), ('王王王'), ('阿卜杜热合曼·买买提')) v(n)
                        union all select substr('王李王张伟伟芳·娜王婷王', 1 + g % 9, g % 12) from generate_series(0, 400) g) names
                """).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsExactly(0L, 406L);
        String byRegion = mvc.perform(get("/api/v1/model-workers").param("region", "资阳").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> regions = com.jayway.jsonpath.JsonPath.read(byRegion, "$.items[*].regionCode");
        assertThat(regions).isNotEmpty().allMatch(r -> r.startsWith("4309"));
        // A region by code: a county exactly, a city or the province as the range of the codes under it (V33), with the
        // count the register itself gives for the reader's union and the unions under it.
        long yiyang = DemoUsers.orgId(jdbc, "430900");
        String county = jdbc.sql("select region_code from registry.model_worker where org_id = ? order by id limit 1")
                .param(yiyang).query(String.class).single();
        for (String code : List.of(county, county.substring(0, 4) + "00", county.substring(0, 2) + "0000")) {
            String prefix = code.endsWith("0000") ? code.substring(0, 2) : code.endsWith("00") ? code.substring(0, 4) : code;
            long expected = jdbc.sql("""
                    select count(*) from registry.model_worker m join org.organisation o on o.id = m.org_id
                     where starts_with(o.path, (select path from org.organisation where id = ?)) and m.region_code like ?
                    """).param(yiyang).param(prefix + "%").query(Long.class).single();
            String found = mvc.perform(get("/api/v1/model-workers").param("region", code).param("size", "100")
                    .with(DemoUsers.api("yiyang.clerk"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            List<String> codes = com.jayway.jsonpath.JsonPath.read(found, "$.items[*].regionCode");
            assertThat(codes).as(code).isNotEmpty().allMatch(r -> r.startsWith(prefix));
            assertThat(((Number) com.jayway.jsonpath.JsonPath.read(found, "$.total")).longValue()).as(code).isEqualTo(expected);
        }
        String page = mvc.perform(get("/registry/model-workers").param("org", Long.toString(yiyang)).param("size", "50")
                        .with(DemoUsers.page(users, "hunan.auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("第 1 页，共", "查看单位").doesNotContain("常德市总工会</td>");
        long batches = jdbc.sql("select count(*) from disbursement.batch b join org.organisation o on o.id = b.org_id where o.path like "
                + "(select path from org.organisation where code = '430900') || '%'").query(Long.class).single();
        String batchList = mvc.perform(get("/batches").with(DemoUsers.page(users, "yiyang.finance")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(batchList).contains("共 " + batches + " 条，第 1 页，共 " + Math.max(1, (batches + 49) / 50) + " 页");
        assertThat(mvc.perform(get("/controls").with(DemoUsers.page(users, "hunan.auditor"))).andReturn().getResponse()
                .getContentAsString()).contains("第 1 页，共");
        assertThat(mvc.perform(get("/audit").with(DemoUsers.page(users, "auditadmin"))).andReturn().getResponse()
                .getContentAsString()).contains("第 1 页");
    }

    @Test
    void aRefusedProposalKeepsWhatWasTyped() throws Exception {
        String key = jdbc.sql("select key from policy.parameter_definition order by key limit 1").query(String.class).single();
        var result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/policy/parameters")
                        .with(DemoUsers.page(users, "yiyang.clerk"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("key", key).param("regionCode", "430900").param("effectiveFrom", "2032-01-01")
                        .param("value", "不是数字").param("documentRef", "益工发〔2032〕9号"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getFlashMap().get("error")).isNotNull();
        String page = mvc.perform(get("/policy/parameters").with(DemoUsers.page(users, "yiyang.clerk"))
                        .cookie(result.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"益工发〔2032〕9号\"", "value=\"不是数字\"", "value=\"2032-01-01\"");
    }

    @Test
    void aRefusedClaimOrCorrectionComesBackWithWhatWasTyped() throws Exception {
        long yiyang = DemoUsers.orgId(jdbc, "430900");
        long program = jdbc.sql("select id from policy.program where org_id = ? and code = 'LM-SPECIAL' order by year desc limit 1")
                .param(yiyang).query(Long.class).single();
        long worker = jdbc.sql("select min(id) from registry.model_worker where org_id = ?").param(yiyang).query(Long.class).single();
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        var claim = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                        "/policy/programs/{id}/claims", program).with(DemoUsers.page(users, "yiyang.clerk")).with(csrf)
                        .param("subjectId", Long.toString(worker)).param("note", "只写了说明，没有金额"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String claimPage = mvc.perform(get("/policy/programs/{id}/claims", program).with(DemoUsers.page(users, "yiyang.clerk"))
                .cookie(claim.getResponse().getCookie("SESSION"))).andReturn().getResponse().getContentAsString();
        assertThat(claimPage).contains("id=\"claim-form\"", "value=\"只写了说明，没有金额\"");
        var correction = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/registry/model-workers/{id}/corrections", worker).with(DemoUsers.page(users, "yiyang.clerk")).with(csrf)
                        .param("fact", "PHONE").param("value", "12-34").param("reason", "本人来电更正"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String workerPage = mvc.perform(get("/registry/model-workers/{id}", worker).with(DemoUsers.page(users, "yiyang.clerk"))
                .cookie(correction.getResponse().getCookie("SESSION"))).andReturn().getResponse().getContentAsString();
        assertThat(workerPage).contains("联系电话应为7至15位数字", "value=\"12-34\"", "value=\"本人来电更正\"");
    }
}
