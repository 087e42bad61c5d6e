package cn.unionaid.demo;

import java.io.ByteArrayInputStream;

import cn.unionaid.DemoUsers;
import cn.unionaid.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo start holds 益阳市总工会's whole 2023, built through the services: paid, reconciled, surveyed, scored, reported. */
@IntegrationTest
class DemoYearTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoYear demoYear;

    @Test
    void theDemoYearIsThereCompleteAndScoresFromItsOwnData() throws Exception {
        assertThat(demoYear.present()).isTrue();
        demoYear.buildIfAbsent(); // a second start adds nothing
        long yiyang = DemoUsers.orgId(jdbc, "430900");
        assertThat(jdbc.sql("select count(*) from policy.program where org_id = ? and year = 2023").param(yiyang).query(Long.class)
                .single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from disbursement.batch where org_id = ? and status = 'COMPLETED'").param(yiyang)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from registry.model_worker where org_id = ? and region_code in ('430900', '430902')").param(yiyang).query(Long.class).single())
                .isEqualTo(80);
        assertThat(jdbc.sql("select count(*) from audit.audit_log where action = 'batch.decided' and actor = 'yiyang.leader'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);

        String score = mvc.perform(get("/api/v1/evaluation/score").param("year", "2023").with(DemoUsers.api("yiyang.leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(score, "$.total")).doubleValue()).isGreaterThanOrEqualTo(90.0);
        assertThat((String) JsonPath.read(score, "$.grade")).isEqualTo("优");
        String metrics = mvc.perform(get("/api/v1/evaluation/metrics").param("year", "2023").with(DemoUsers.api("yiyang.leader")))
                .andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(metrics, "$.EXECUTION_RATE")).doubleValue()).isEqualTo(100.0);
        assertThat(((Number) JsonPath.read(metrics, "$.TIMELINESS")).doubleValue()).isEqualTo(100.0);
        assertThat(((Number) JsonPath.read(metrics, "$.PAYMENT_METHOD_COMPLIANCE")).doubleValue()).isEqualTo(100.0);

        byte[] docx = mvc.perform(get("/api/v1/evaluation/report").param("year", "2023").with(DemoUsers.api("yiyang.leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            assertThat(x.getText()).contains("益阳市总工会2023年度帮扶专项资金绩效自评报告", "春节慰问", "生活困难补助",
                    "有效问卷15份", "手工填报（2023年劳模走访慰问记录.pdf）", "坚持先建档、后帮扶");
        }
    }
}
