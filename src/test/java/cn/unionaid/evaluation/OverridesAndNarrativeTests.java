package cn.unionaid.evaluation;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An override needs its reason and shows in the report; narrative from another year is flagged. */
@IntegrationTest
class OverridesAndNarrativeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void anOverrideWithoutReasonIsRefusedAndWithOneIsInTheReportAndTheAuditLog() throws Exception {
        mvc.perform(post("/api/v1/evaluation/overrides").with(DemoUsers.api("yiyang.leader")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2022,\"indicator\":\"EXEC.RATE\",\"score\":8,\"reason\":\" \"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/evaluation/overrides").with(DemoUsers.api("yiyang.clerk")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2022,\"indicator\":\"EXEC.RATE\",\"score\":8,\"reason\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/evaluation/overrides").with(DemoUsers.api("yiyang.leader")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2022,\"indicator\":\"EXEC.RATE\",\"score\":8,\"reason\":\"资金于次年1月按计划发放完毕\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/evaluation").param("year", "2022").with(DemoUsers.page(users, "yiyang.leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("评价人将预算执行率由0分调整为8分：资金于次年1月按计划发放完毕")));
        assertThat(jdbc.sql("select count(*) from audit.audit_log where actor = 'yiyang.leader' and action = 'evaluation.overridden'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void narrativeFromAnotherYearIsFlaggedBeforeTheReportGoesOut() throws Exception {
        mvc.perform(put("/api/v1/evaluation/narratives/EXPERIENCE").param("year", "2024").with(DemoUsers.api("yiyang.clerk"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"全年帮扶1081户，截止2023年5月17日资金已发放到位。\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.otherYears[0]").value("2023年5月17日"));
        mvc.perform(get("/evaluation").param("year", "2024").with(DemoUsers.page(users, "yiyang.clerk")))
                .andExpect(content().string(containsString("叙述中出现了其他年度的年份或日期：2023年5月17日")))
                .andExpect(content().string(containsString("全年帮扶1081户")));
    }

    @Test
    void targetsFreezeOnSubmissionAndLaterChangesAreAdjustmentsBesideThem() throws Exception {
        String declare = "{\"year\":2021,\"indicator\":\"OUTPUT.PEOPLE\",\"target\":600,\"unit\":\"人\"}";
        mvc.perform(post("/api/v1/evaluation/targets").with(DemoUsers.api("yiyang.clerk")).contentType(MediaType.APPLICATION_JSON)
                .content(declare)).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/evaluation/targets/submit").param("year", "2021").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/evaluation/targets").with(DemoUsers.api("yiyang.clerk")).contentType(MediaType.APPLICATION_JSON)
                .content(declare)).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/evaluation/targets/adjustments").with(DemoUsers.api("yiyang.leader"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2021,\"indicator\":\"OUTPUT.PEOPLE\",\"target\":500,\"reason\":\"省总下达计划调减\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/evaluation/targets").param("year", "2021").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(jsonPath("$[0].declared").value(600)).andExpect(jsonPath("$[0].current").value(500))
                .andExpect(jsonPath("$[0].adjustments[0]").value("500（省总下达计划调减）"));
        mvc.perform(get("/evaluation").param("year", "2021").with(DemoUsers.page(users, "yiyang.leader")))
                .andExpect(content().string(containsString("年初申报：帮扶人次600人，调整为500（省总下达计划调减）")));
        // the page's target form follows the state: after submission it records an adjustment, which needs its reason
        mvc.perform(post("/evaluation/indicators/targets").param("year", "2021").param("frame", "SELF")
                        .param("indicator", "OUTPUT.PEOPLE").param("target", "450").param("reason", " ")
                        .with(DemoUsers.page(users, "yiyang.leader")).with(org.springframework.security.test.web.servlet
                                .request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(org.springframework.test.web.servlet.result
                        .MockMvcResultMatchers.flash().attribute("error", containsString("调整须填写理由")));
        mvc.perform(get("/evaluation/indicators").param("year", "2021").with(DemoUsers.page(users, "yiyang.leader")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("目标已提交，修改以调整方式记录")));
    }

    @Test
    void theDashboardShowsTheYearsCharts() throws Exception {
        mvc.perform(get("/evaluation/dashboard").param("year", "2021").with(DemoUsers.page(users, "hunan.auditor")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("按资金来源支出")))
                .andExpect(content().string(containsString("data-chart")));
        // the demo year: execution month by month, and the year's own score
        mvc.perform(get("/evaluation/dashboard").param("year", "2023").with(DemoUsers.page(users, "yiyang.leader")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("全年执行进度")))
                .andExpect(content().string(containsString("2023-06")))
                .andExpect(content().string(containsString("春节慰问")))
                .andExpect(content().string(containsString("等级：优")));
    }
}
