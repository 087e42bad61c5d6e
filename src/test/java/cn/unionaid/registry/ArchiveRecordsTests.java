package cn.unionaid.registry;

import java.util.List;

import cn.unionaid.DemoUsers;
import cn.unionaid.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Evidence, living-status surveys and re-check samples on archives imported through the real path. */
@IntegrationTest
class ArchiveRecordsTests {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    /** Imports {@code n} model workers of 赫山 in a region no other test uses, returns their ids. */
    private List<Long> importWorkers(int n, long seed, String region) throws Exception {
        List<List<String>> rows = Rosters.modelWorkers(n, seed, "430903", region);
        mvc.perform(multipart("/api/v1/model-workers/import")
                .file(new MockMultipartFile("file", "r.xlsx", "application/octet-stream", Rosters.modelWorkerXlsx(rows)))
                .with(DemoUsers.api("heshan.clerk"))).andExpect(jsonPath("$.imported").value(n));
        String body = mvc.perform(get("/api/v1/model-workers").param("region", region).param("size", "200")
                .with(DemoUsers.api("heshan.clerk"))).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(body, "$.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    @Test
    void evidenceIsCheckedByItsContentKeptByHashAndEveryOpeningIsAudited() throws Exception {
        long id = importWorkers(1, 8, "430102").get(0);
        mvc.perform(multipart("/api/v1/model-workers/{id}/evidence", id)
                        .file(new MockMultipartFile("file", "收入证明.png", "image/png", PNG)).param("kind", "INCOME_PROOF")
                        .with(DemoUsers.api("heshan.clerk")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("image/png"))
                .andExpect(jsonPath("$.sha256").value(java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(PNG))));
        mvc.perform(multipart("/api/v1/model-workers/{id}/evidence", id)
                        .file(new MockMultipartFile("file", "假的.pdf", "application/pdf", "not a pdf".getBytes()))
                        .param("kind", "APPLICATION").with(DemoUsers.api("heshan.clerk")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("按文件内容识别")));
        mvc.perform(post("/api/v1/model-workers/{id}/phone-declarations", id).with(DemoUsers.api("heshan.clerk"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"date":"2026-10-20","caller":"本人（82岁，行动不便）","declaration":"申报2026年度月收入3100元，身体状况一般"}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("PHONE_DECLARATION"));
        String list = mvc.perform(get("/api/v1/model-workers/{id}/evidence", id).with(DemoUsers.api("yiyang.reviewer")))
                .andExpect(jsonPath("$", hasSize(2))).andReturn().getResponse().getContentAsString();
        Number evidenceId = JsonPath.read(list, "$[0].id");
        mvc.perform(get("/api/v1/evidence/{id}/content", evidenceId).with(DemoUsers.api("yiyang.reviewer")))
                .andExpect(status().isOk()).andExpect(content().bytes(PNG));
        mvc.perform(get("/api/v1/evidence/{id}/content", evidenceId).with(DemoUsers.api("ziyang.clerk")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit.audit_log where actor = 'yiyang.reviewer' and action = 'evidence.opened'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSurveyIsRecordedOncePerYearUpdatesTheIncomeAndLeavesThePendingList() throws Exception {
        long id = importWorkers(2, 9, "430103").get(0);
        mvc.perform(post("/api/v1/model-workers/{id}/surveys", id).with(DemoUsers.api("heshan.clerk"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"date":"2026-09-15","method":"VISIT","findings":"上门走访，生活基本稳定","incomeYuan":"3150.50"}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$[0].incomeYuan").value("3150.50"));
        mvc.perform(get("/api/v1/model-workers/{id}", id).with(DemoUsers.api("heshan.clerk")))
                .andExpect(jsonPath("$.monthlyIncomeYuan").value("3150.50")).andExpect(jsonPath("$.incomeMonth").value("2026-09"));
        mvc.perform(post("/api/v1/model-workers/{id}/surveys", id).with(DemoUsers.api("heshan.clerk"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"date":"2026-10-01","method":"PHONE","findings":"再次电话"}"""))
                .andExpect(status().isConflict());
        String pending = mvc.perform(get("/api/v1/surveys/pending").param("year", "2026").param("size", "1000")
                .with(DemoUsers.api("heshan.clerk"))).andExpect(jsonPath("$.deadline").value("2026-10-31"))
                .andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(pending, "$.items[?(@.type == 'MODEL_WORKER')].id");
        assertThat(ids.stream().map(Number::longValue)).doesNotContain(id);
    }

    @Test
    void theRecheckSampleIsReproducibleFromItsSeedAndItsCompletionIsTracked() throws Exception {
        importWorkers(10, 10, "430104");
        List<Long> population = jdbc.sql("""
                select m.id from registry.model_worker m join org.organisation o on o.id = m.org_id
                 where o.code = '430903' and m.archive_open and m.living order by m.id""").query(Long.class).list();
        String body = mvc.perform(post("/api/v1/recheck-samples").with(DemoUsers.api("heshan.clerk"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"year":2026,"type":"MODEL_WORKER","sharePercent":20,"seed":42}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.seed").value(42))
                .andExpect(jsonPath("$.population").value(population.size()))
                .andReturn().getResponse().getContentAsString();
        List<Number> drawn = JsonPath.read(body, "$.items[*].subjectId");
        assertThat(drawn.stream().map(Number::longValue).toList())
                .isEqualTo(RecheckSamples.draw(population, 20, 42))
                .hasSize((int) Math.ceil(population.size() * 0.2));
        Number sampleId = JsonPath.read(body, "$.id");
        mvc.perform(post("/api/v1/recheck-samples/{id}/items/{s}/checked", sampleId, drawn.get(0))
                .with(DemoUsers.api("heshan.clerk"))).andExpect(jsonPath("$.items[0].checkedBy").value("heshan.clerk"));
        mvc.perform(post("/api/v1/recheck-samples").with(DemoUsers.api("heshan.clerk"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"year":2026,"type":"MODEL_WORKER","sharePercent":50}""")).andExpect(status().isConflict());
    }

    @Test
    void theDetailPagesShowHistoryEvidenceAndSurveys() throws Exception {
        long id = importWorkers(1, 11, "430105").get(0);
        mvc.perform(get("/registry/model-workers/{id}", id).with(DemoUsers.page(users, "heshan.clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("档案历史")))
                .andExpect(content().string(containsString("建档")))
                .andExpect(content().string(containsString("证明材料")))
                .andExpect(content().string(containsString("生活状况摸底")));
        mvc.perform(get("/registry/surveys").with(DemoUsers.page(users, "heshan.clerk"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("截止日期")));
        mvc.perform(get("/registry/recheck").with(DemoUsers.page(users, "heshan.clerk"))).andExpect(status().isOk());
        mvc.perform(get("/registry/households").with(DemoUsers.page(users, "yiyang.leader"))).andExpect(status().isOk());
    }
}
