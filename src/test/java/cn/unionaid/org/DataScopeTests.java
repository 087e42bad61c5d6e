package cn.unionaid.org;

import cn.unionaid.DemoUsers;
import cn.unionaid.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A 赫山区 clerk sees 赫山区 and nothing of its sibling 资阳区, through the API and through the pages. */
@IntegrationTest
class DataScopeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void heshanClerkGetsNoZiyangDataThroughTheApi() throws Exception {
        long ziyang = DemoUsers.orgId(jdbc, "430902");
        mvc.perform(get("/api/v1/orgs").with(DemoUsers.api("heshan.clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name", not(org.hamcrest.Matchers.hasItem("资阳区总工会"))))
                .andExpect(jsonPath("$.items[0].name").value("赫山区总工会"));
        mvc.perform(get("/api/v1/orgs").param("q", "资阳").with(DemoUsers.api("heshan.clerk")))
                .andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(get("/api/v1/orgs/{id}", ziyang).with(DemoUsers.api("heshan.clerk")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("组织机构不存在或不在您的权限范围内"));
    }

    @Test
    void heshanClerkGetsNoZiyangDataThroughThePages() throws Exception {
        long ziyang = DemoUsers.orgId(jdbc, "430902");
        mvc.perform(get("/orgs").with(DemoUsers.page(users, "heshan.clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("赫山区总工会")))
                .andExpect(content().string(not(containsString("资阳区总工会"))));
        mvc.perform(get("/orgs/{id}", ziyang).with(DemoUsers.page(users, "heshan.clerk")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("不在您的权限范围内")))
                .andExpect(content().string(not(containsString("资阳区总工会"))));
    }

    @Test
    void theCityClerkSeesBothDistrictsButNotTheProvince() throws Exception {
        mvc.perform(get("/api/v1/orgs").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(jsonPath("$.items[*].name", org.hamcrest.Matchers.hasItems("益阳市总工会", "赫山区总工会", "资阳区总工会")))
                .andExpect(jsonPath("$.items[*].name", not(org.hamcrest.Matchers.hasItem("湖南省总工会"))))
                .andExpect(jsonPath("$.items[*].name", not(org.hamcrest.Matchers.hasItem("常德市总工会"))));
    }

    @Test
    void meNamesTheUserTheOrganisationAndTheRoles() throws Exception {
        mvc.perform(get("/api/v1/me").with(DemoUsers.api("hunan.auditor")))
                .andExpect(jsonPath("$.username").value("hunan.auditor"))
                .andExpect(jsonPath("$.organisation.name").value("湖南省总工会"))
                .andExpect(jsonPath("$.roles[0]").value("AUDITOR"));
    }

    @Test
    void keysetPagingWalksTheWholeTreeWithoutRepeats() throws Exception {
        String first = mvc.perform(get("/api/v1/orgs").param("size", "3").with(DemoUsers.api("sysadmin")))
                .andExpect(jsonPath("$.items", hasSize(3)))
                .andReturn().getResponse().getContentAsString();
        String after = com.jayway.jsonpath.JsonPath.read(first, "$.nextAfter");
        mvc.perform(get("/api/v1/orgs").param("size", "3").param("after", after).with(DemoUsers.api("sysadmin")))
                .andExpect(jsonPath("$.items[0].path").value(org.hamcrest.Matchers.greaterThan(after)));
    }
}
