package cn.unionaid.evaluation;

import java.util.List;
import java.util.Map;

import cn.unionaid.DemoUsers;
import cn.unionaid.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The province reads its cities side by side: one row per union below, the total the sum of the rows. */
@IntegrationTest
class RollupTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @Test
    @SuppressWarnings("unchecked")
    void theProvincesAuditorSeesEveryCityAndATotalThatIsTheirSum() throws Exception {
        String json = mvc.perform(get("/api/v1/rollup").param("year", "2023").with(DemoUsers.api("hunan.auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> names = JsonPath.read(json, "$.rows[*].name");
        assertThat(names).contains("益阳市总工会", "常德市总工会", "岳阳市总工会").doesNotContain("赫山区总工会", "湖南省总工会");
        List<Map<String, Object>> rows = JsonPath.read(json, "$.rows");
        for (String figure : List.of("budgetFen", "receivedFen", "allocatedDownFen", "paidFen", "people", "openFindings")) {
            long sum = rows.stream().mapToLong(r -> ((Number) r.get(figure)).longValue()).sum();
            assertThat(((Number) JsonPath.read(json, "$.total." + figure)).longValue()).as(figure).isEqualTo(sum);
        }
        Map<String, Object> yiyang = rows.stream().filter(r -> "益阳市总工会".equals(r.get("name"))).findFirst().orElseThrow();
        assertThat(((Number) yiyang.get("paidFen")).longValue()).isPositive();
        assertThat(yiyang.get("grade")).isNotNull();
        assertThat((List<String>) yiyang.get("milestones")).hasSize(3).allMatch(rate -> rate.endsWith("%") || rate.equals("-"));
        mvc.perform(get("/api/v1/rollup").param("year", "2023").with(DemoUsers.api("yiyang.clerk"))).andExpect(status().isForbidden());
        String page = mvc.perform(get("/evaluation/rollup").param("year", "2023").with(DemoUsers.page(users, "hunan.auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("下级单位汇总", "益阳市总工会", "合计", "rollup-chart");
    }
}
