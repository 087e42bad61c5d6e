package cn.unionaid.org;

import cn.unionaid.DemoUsers;
import cn.unionaid.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The union tree keeps its shape, and 低保 standards are kept as history with a fallback up the regions. */
@IntegrationTest
class OrganisationAndRegionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    private String newOrg(long parent, String code, String name, String level, String region) {
        return """
                {"parentId":%d,"code":"%s","name":"%s","level":"%s","regionCode":"%s"}
                """.formatted(parent, code, name, level, region);
    }

    @Test
    void aGrassrootsUnionOpensUnderHeshanAndBecomesVisibleToItsClerk() throws Exception {
        long heshan = DemoUsers.orgId(jdbc, "430903");
        mvc.perform(post("/api/v1/orgs").with(DemoUsers.api("sysadmin")).contentType(MediaType.APPLICATION_JSON)
                        .content(newOrg(heshan, "HS-JC-001", "赫山区某机械厂工会", "GRASSROOTS", "430903")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.parentName").value("赫山区总工会"));
        mvc.perform(get("/api/v1/orgs").with(DemoUsers.api("heshan.clerk")))
                .andExpect(jsonPath("$.items[*].name", hasItem("赫山区某机械厂工会")));
        mvc.perform(get("/api/v1/orgs").with(DemoUsers.api("ziyang.clerk")))
                .andExpect(jsonPath("$.items[*].name", org.hamcrest.Matchers.not(hasItem("赫山区某机械厂工会"))));
        assertThat(jdbc.sql("select count(*) from audit.audit_log where action = 'org.opened' and detail like '%HS-JC-001%'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theTreeRefusesWrongLevelsRegionsAndDuplicateCodes() throws Exception {
        long heshan = DemoUsers.orgId(jdbc, "430903");
        mvc.perform(post("/api/v1/orgs").with(DemoUsers.api("sysadmin")).contentType(MediaType.APPLICATION_JSON)
                        .content(newOrg(heshan, "X-CITY", "错误的市总", "MUNICIPAL", "430900")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("市总工会不能设在县区总工会之下"));
        mvc.perform(post("/api/v1/orgs").with(DemoUsers.api("sysadmin")).contentType(MediaType.APPLICATION_JSON)
                        .content(newOrg(heshan, "X-ZY", "跨区工会", "GRASSROOTS", "430902")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("不在上级工会的行政区划")));
        mvc.perform(post("/api/v1/orgs").with(DemoUsers.api("sysadmin")).contentType(MediaType.APPLICATION_JSON)
                        .content(newOrg(heshan, "430902", "重复代码", "GRASSROOTS", "430903")))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/orgs").with(DemoUsers.api("heshan.clerk")).contentType(MediaType.APPLICATION_JSON)
                        .content(newOrg(heshan, "X-CLERK", "经办人建的", "GRASSROOTS", "430903")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from org.organisation where code like 'X-%'").query(Long.class).single()).isZero();
    }

    @Test
    void theOrganisationFormShowsTheReasonAndKeepsWhatWasTyped() throws Exception {
        long heshan = DemoUsers.orgId(jdbc, "430903");
        mvc.perform(post("/orgs").with(DemoUsers.page(users, "sysadmin")).with(csrf()).param("parentId", Long.toString(heshan))
                        .param("code", "FORM-1").param("name", "表单工会").param("level", "COUNTY").param("regionCode", "430903"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("县区总工会不能设在县区总工会之下")))
                .andExpect(content().string(containsString("表单工会")));
    }

    @Test
    void subsistenceStandardsAreAppendedNeverOverwrittenAndFallBackToTheCity() throws Exception {
        String standard = """
                {"monthlyYuan":"650.00","effectiveFrom":"2024-01-01","documentRef":"益民发〔2023〕12号"}""";
        mvc.perform(post("/api/v1/regions/430900/subsistence-standards").with(DemoUsers.api("sysadmin"))
                        .contentType(MediaType.APPLICATION_JSON).content(standard))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.monthlyYuan").value("650.00"));
        mvc.perform(post("/api/v1/regions/430900/subsistence-standards").with(DemoUsers.api("sysadmin"))
                        .contentType(MediaType.APPLICATION_JSON).content(standard))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("只能追加")));
        mvc.perform(post("/api/v1/regions/430900/subsistence-standards").with(DemoUsers.api("sysadmin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"monthlyYuan":"700","effectiveFrom":"2025-07-01","documentRef":"益民发〔2025〕3号"}"""))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/regions/430903/subsistence-standards/in-force").param("date", "2025-01-31")
                        .with(DemoUsers.api("heshan.clerk")))
                .andExpect(jsonPath("$.regionCode").value("430900")).andExpect(jsonPath("$.monthlyYuan").value("650.00"));
        mvc.perform(get("/api/v1/regions/430903/subsistence-standards/in-force").param("date", "2025-07-01")
                        .with(DemoUsers.api("heshan.clerk")))
                .andExpect(jsonPath("$.monthlyYuan").value("700.00"));
        mvc.perform(get("/api/v1/regions/430903/subsistence-standards/in-force").param("date", "2023-12-31")
                        .with(DemoUsers.api("heshan.clerk")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail", containsString("没有可用的低保标准")));
        mvc.perform(post("/api/v1/regions/430903/subsistence-standards").with(DemoUsers.api("heshan.clerk"))
                .contentType(MediaType.APPLICATION_JSON).content(standard)).andExpect(status().isForbidden());
        mvc.perform(get("/regions/430903").with(DemoUsers.page(users, "heshan.clerk")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("沿用上级区划 430900")));
    }

    @Test
    void regionsAreSearchableByNameWithKeysetPaging() throws Exception {
        mvc.perform(get("/api/v1/regions").param("q", "赫山").with(DemoUsers.api("heshan.clerk")))
                .andExpect(jsonPath("$.items[0].code").value("430903")).andExpect(jsonPath("$.items[0].parentCode").value("430900"));
        mvc.perform(get("/api/v1/regions").param("size", "2").param("after", "430902").with(DemoUsers.api("heshan.clerk")))
                .andExpect(jsonPath("$.items[0].code").value("430903"));
    }
}
