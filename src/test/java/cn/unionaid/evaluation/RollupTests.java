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
        // Each union's row is what that union's own pages say, read by its own leader.
        String balances = mvc.perform(get("/api/v1/funds/balances").param("year", "2023").param("asOf", "2023-12-31")
                .with(DemoUsers.api("yiyang.leader"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> budgets = JsonPath.read(balances, "$[*].budgetFen");
        List<Number> received = JsonPath.read(balances, "$[*].receivedFen");
        assertThat(((Number) yiyang.get("budgetFen")).longValue()).isEqualTo(budgets.stream().mapToLong(Number::longValue).sum());
        assertThat(((Number) yiyang.get("receivedFen")).longValue()).isEqualTo(received.stream().mapToLong(Number::longValue).sum());
        String metrics = mvc.perform(get("/api/v1/evaluation/metrics").param("year", "2023").with(DemoUsers.api("yiyang.leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) yiyang.get("households")).longValue())
                .isEqualTo(((Number) JsonPath.read(metrics, "$.HOUSEHOLDS_HELPED")).longValue());
        String score = mvc.perform(get("/api/v1/evaluation/score").param("year", "2023").with(DemoUsers.api("yiyang.leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(new java.math.BigDecimal((String) yiyang.get("score")))
                .isEqualByComparingTo(new java.math.BigDecimal(JsonPath.read(score, "$.total").toString())
                        .setScale(2, java.math.RoundingMode.HALF_UP));
        for (Map<String, Object> r : rows) {
            long bySource = ((List<Map<String, Object>>) r.get("budgetBySource")).stream()
                    .mapToLong(b -> ((Number) b.get("fen")).longValue()).sum();
            assertThat(bySource).isEqualTo(((Number) r.get("budgetFen")).longValue());
            long bySeverity = ((Map<String, Number>) r.get("openBySeverity")).values().stream().mapToLong(Number::longValue).sum();
            assertThat(bySeverity).isEqualTo(((Number) r.get("openFindings")).longValue());
        }
        assertThat(((Number) JsonPath.read(json, "$.total.households")).longValue())
                .isEqualTo(rows.stream().mapToLong(r -> ((Number) r.get("households")).longValue()).sum());

        // The consolidated report: its figures are the table's.
        byte[] docx = mvc.perform(get("/api/v1/rollup/report").param("year", "2023").param("format", "docx")
                .with(DemoUsers.api("hunan.evaluator"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text;
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
                var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            text = extractor.getText();
        }
        String paidWan = cn.unionaid.shared.Money.ofFen(((Number) JsonPath.read(json, "$.total.paidFen")).longValue())
                .toWanYuanString();
        assertThat(text).contains("湖南省总工会2023年度帮扶专项资金绩效评价汇总报告", "益阳市总工会", "岳阳市总工会",
                "支出" + paidWan + "万元", "附表1 各单位资金执行情况", "三、各单位主要问题");
        byte[] pdf = mvc.perform(get("/api/v1/rollup/report").param("year", "2023").param("format", "pdf")
                .with(DemoUsers.api("hunan.auditor"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        mvc.perform(get("/api/v1/rollup/report").param("year", "2023").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/rollup").param("year", "2023").with(DemoUsers.api("yiyang.clerk"))).andExpect(status().isForbidden());
        // 湖南省总工会's leader sees its cities side by side on the page
        String page = mvc.perform(get("/evaluation/rollup").param("year", "2023").with(DemoUsers.page(users, "hunan.leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("下级单位汇总", "益阳市总工会", "合计", "rollup-chart");
    }
}
