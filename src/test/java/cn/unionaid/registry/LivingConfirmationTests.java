package cn.unionaid.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.disbursement.BatchFlow;
import cn.unionaid.registry.importing.ModelWorkerSheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 生存认证 by a personal link: issued for those not yet surveyed, answered once without signing in, recorded as the
 * year's survey; a used, expired or guessed link opens nothing, and a client that tries too often is turned away.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivingConfirmationTests {

    private static final Pattern LINK = Pattern.compile("/confirm/([A-Za-z0-9_-]{43})");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    private long union;
    private final List<String> names = new ArrayList<>();

    @BeforeAll
    void aUnionWithFourModelWorkers() throws Exception {
        union = TestUnions.open(mvc, jdbc, "T019L", "沅江市总工会（生存认证测试）", "430981", Map.of("t019l.clerk", "\"CLERK\""));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            names.add("欧阳认证" + i);
            rows.add(List.of(names.get(i), Rosters.idNumber("430981", LocalDate.of(1950, 4, 1).plusDays(i * 41L), 700 + i),
                    "省部级劳动模范", "1995", "离退休", "沅江某厂", "T019L", "430981", "3000.00", "2025-12", "", "中国工商银行",
                    "62220277%011d".formatted(91_000 + i), "是", "保持", "2020-01-01", ""));
        }
        mvc.perform(multipart("/api/v1/model-workers/import").file(new MockMultipartFile("file", "t.xlsx",
                "application/octet-stream", Rosters.xlsx(ModelWorkerSheet.COLUMNS, rows)))
                .with(httpBasic("t019l.clerk", TestUnions.PASSWORD))).andExpect(jsonPath("$.imported").value(4));
    }

    private RequestPostProcessor clerk() {
        return user(users.loadUserByUsername("t019l.clerk"));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void aLinkIsAnsweredOnceAndBecomesTheYearsSurveyWhileUsedExpiredAndGuessedLinksOpenNothing() throws Exception {
        int year = LocalDate.now().getYear();
        mvc.perform(post("/registry/confirmations").param("year", Integer.toString(year))
                .param("expiresOn", LocalDate.now().plusDays(20).toString()).with(clerk()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from registry.living_confirmation where org_id = ?").param(union).query(Long.class).single())
                .isEqualTo(4);
        // no token kept in clear
        assertThat(jdbc.sql("select count(*) from registry.living_confirmation where org_id = ? and position(convert_to(?, 'UTF8') in token_enc) > 0")
                .param(union).param("confirm").query(Long.class).single()).isZero();

        String letters = mvc.perform(get("/registry/confirmations/letters").param("year", Integer.toString(year)).with(clerk()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> tokens = new ArrayList<>();
        Matcher m = LINK.matcher(letters);
        while (m.find()) {
            if (!tokens.contains(m.group(1))) {
                tokens.add(m.group(1));
            }
        }
        assertThat(tokens).hasSize(4);
        assertThat(letters).contains("<svg", names.get(0));

        // The page shows nothing but a masked name.
        String page = mvc.perform(get("/confirm/" + tokens.get(0)).with(from("10.1.0.1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String person = jdbc.sql("""
                select m.name from registry.living_confirmation c join registry.model_worker m on m.id = c.model_worker_id where c.org_id = ?
                 order by c.id limit 1""").param(union).query(String.class).single();
        assertThat(page).contains("欧****").doesNotContain(person).doesNotContain("430981");

        // Without a photo nothing is written; with one, the year's survey is recorded as 自助认证.
        mvc.perform(multipart("/confirm/" + tokens.get(0)).param("answer", "NORMAL").with(csrf()).with(from("10.1.0.1")))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/confirm/" + tokens.get(0)).file(new MockMultipartFile("photo", "me.jpg", "image/jpeg",
                BatchFlow.PHOTO)).param("answer", "NORMAL").with(csrf()).with(from("10.1.0.1"))).andExpect(status().isOk());
        assertThat(jdbc.sql("""
                select s.method || '|' || s.findings || '|' || (s.photo_key is not null) from registry.living_survey s
                  join registry.living_confirmation c on c.model_worker_id = s.subject_id and s.subject_type = 'MODEL_WORKER'
                 where c.org_id = ? and s.survey_year = ?""").param(union).param(year).query(String.class).list())
                .containsExactly("SELF|自助认证：本人健在，生活正常|true");
        assertThat(jdbc.sql("select count(*) from audit.audit_log where action = 'registry.selfConfirmed' and org_id = ?")
                .param(union).query(Long.class).single()).isEqualTo(1);

        // Used: the same link opens nothing, and answering again writes nothing.
        mvc.perform(get("/confirm/" + tokens.get(0)).with(from("10.1.0.1"))).andExpect(status().isNotFound());
        mvc.perform(multipart("/confirm/" + tokens.get(0)).file(new MockMultipartFile("photo", "me.jpg", "image/jpeg",
                BatchFlow.PHOTO)).param("answer", "NEEDS_HELP").with(csrf()).with(from("10.1.0.1"))).andExpect(status().isNotFound());
        // Expired: past its date it opens nothing, and the person is listed for a visit.
        jdbc.sql("update registry.living_confirmation set expires_on = current_date - 1 where token_hash = sha256(convert_to(?, 'UTF8'))")
                .param(tokens.get(1)).update();
        mvc.perform(get("/confirm/" + tokens.get(1)).with(from("10.1.0.1"))).andExpect(status().isNotFound());
        String overdue = mvc.perform(get("/registry/confirmations").param("year", Integer.toString(year)).with(clerk()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(overdue).contains("已认证 1 份", "逾期 1 份");
        // Guessed: a well-formed token nobody was given, or a malformed one.
        mvc.perform(get("/confirm/" + "A".repeat(43)).with(from("10.1.0.1"))).andExpect(status().isNotFound());
        mvc.perform(get("/confirm/' or 1=1 --").with(from("10.1.0.1"))).andExpect(status().isNotFound());
        // Issuing again adds only those still without a link.
        mvc.perform(post("/registry/confirmations").param("year", Integer.toString(year))
                .param("expiresOn", LocalDate.now().plusDays(20).toString()).with(clerk()).with(csrf()));
        assertThat(jdbc.sql("select count(*) from registry.living_confirmation where org_id = ?").param(union).query(Long.class).single())
                .isEqualTo(4);
    }

    @Test
    void aClientThatTriesTooOftenIsTurnedAway() throws Exception {
        for (int i = 0; i < 30; i++) {
            mvc.perform(get("/confirm/" + "B".repeat(42) + (char) ('a' + i % 26)).with(from("10.2.0.9")))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/confirm/" + "C".repeat(43)).with(from("10.2.0.9"))).andExpect(status().isTooManyRequests());
        mvc.perform(get("/confirm/" + "C".repeat(43)).with(from("10.2.0.10"))).andExpect(status().isNotFound());
    }
}
