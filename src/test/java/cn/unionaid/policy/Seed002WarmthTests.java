package cn.unionaid.policy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.registry.Rosters;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Seed 002's 两节送温暖 over hardship households: 3000 元 for deep hardship, 1000 元 for relative, by category. */
@IntegrationTest
class Seed002WarmthTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private static RequestPostProcessor clerk() {
        return httpBasic("t002.clerk", TestUnions.PASSWORD);
    }

    @Test
    void householdsGetTheirCategorysAmountAndTheTotalsAddUpByCategory() throws Exception {
        TestUnions.open(mvc, jdbc, "T002", "桃江县总工会（测试）", "430922",
                Map.of("t002.clerk", "\"CLERK\"", "t002.reviewer", "\"REVIEWER\""));
        String[] categories = {"深度困难", "相对困难", "意外致困"};
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = Rosters.idNumber("430922", LocalDate.of(1970, 1, 1).plusDays(i * 41L), 500 + i);
            rows.add(List.of("TJ-" + i, "户主", "户主" + i, id, "800", "健康", categories[i % 3], "因病致困", "", "", "",
                    "T002", "430922", "2022-06-01"));
        }
        mvc.perform(multipart("/api/v1/households/import").file(new MockMultipartFile("file", "桃江.csv", "text/csv",
                        Rosters.householdCsv(rows, StandardCharsets.UTF_8))).with(clerk()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(30));
        String summary = mvc.perform(post("/api/v1/policy/templates/SEED_002").param("year", "2024").with(clerk()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(summary, "$.proposedVersionIds");
        mvc.perform(post("/api/v1/parameter-versions/approve").with(httpBasic("t002.reviewer", TestUnions.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"ids\":" + ids + "}")).andExpect(status().isOk());

        // The template's standards are the loading union's own (桃江, 430922); a county union cannot set 益阳's.
        long program = jdbc.sql("select p.id from policy.program p join org.organisation o on o.id = p.org_id where o.code = 'T002' and p.code = 'CD-WARMTH'")
                .query(Long.class).single();
        assertThat(jdbc.sql("select distinct region_code from policy.parameter_version where id = any(?)")
                .param(ids.stream().map(Number::longValue).toArray(Long[]::new)).query(String.class).list())
                .containsExactly("430922");
        mvc.perform(post("/api/v1/parameters/{key}/versions", "cd.warmth.deep").with(clerk())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"regionCode":"430900","effectiveFrom":"2024-01-01","value":"9000","documentRef":"益阳市总工会2024年两节送温暖通知"}
                                """))
                .andExpect(status().isForbidden());
        String run = mvc.perform(post("/api/v1/programs/{id}/runs", program).with(clerk())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(run, "$.eligible")).isEqualTo(20);
        assertThat((String) JsonPath.read(run, "$.totalYuan")).isEqualTo("40000.00");
        long runId = ((Number) JsonPath.read(run, "$.id")).longValue();
        mvc.perform(get("/api/v1/runs/{id}/totals", runId).with(clerk()))
                .andExpect(jsonPath("$.byGroup[?(@.code == '深度困难')].amountYuan").value(org.hamcrest.Matchers.hasItem("30000.00")))
                .andExpect(jsonPath("$.byGroup[?(@.code == '相对困难')].amountYuan").value(org.hamcrest.Matchers.hasItem("10000.00")))
                .andExpect(jsonPath("$.byGroup[?(@.code == '意外致困')].people").value(org.hamcrest.Matchers.hasItem(0)));
    }
}
