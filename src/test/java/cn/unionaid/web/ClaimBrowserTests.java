package cn.unionaid.web;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.unionaid.DemoUsers;
import cn.unionaid.IntegrationTest;
import cn.unionaid.shared.FieldCipher;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A claim-based program run from the pages: the clerk finds the person by ID number, registers the claim with its
 * evidence, the reviewer approves it, and the program's run pays that person their claim (capped), not before.
 */
@IntegrationTest
class ClaimBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;
    @Autowired
    MockMvc mvc;

    @Test
    void aClaimIsRegisteredWithItsEvidenceApprovedByAnotherPersonAndPaidByTheRun() throws Exception {
        long yiyang = DemoUsers.orgId(jdbc, "430900");
        long program = jdbc.sql("select id from policy.program where org_id = ? and code = 'LM-SPECIAL' order by year desc limit 1")
                .param(yiyang).query(Long.class).single();
        long worker = jdbc.sql("""
                select m.id from registry.model_worker m where m.org_id = ? and m.archive_open and m.living
                   and m.honour in ('NATIONAL_MODEL', 'PROVINCIAL_MODEL') order by m.id desc limit 1
                """).param(yiyang).query(Long.class).single();
        String idNumber = cipher.decrypt(jdbc.sql("select id_number_enc from registry.model_worker where id = ?").param(worker)
                .query(byte[].class).single());
        Path scan = Files.createTempFile("医药费", ".pdf");
        Files.write(scan, "%PDF-1.4\n% 医药费清单\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        signIn("yiyang.clerk", DemoUsers.PASSWORD);
        browser.get(url("/policy/programs/" + program));
        browser.findElement(By.id("to-claims")).click();
        browser.findElement(By.name("who")).sendKeys(idNumber);
        browser.findElement(By.cssSelector("#claim-find button")).click();
        var form = waitUntil(d -> d.findElement(By.id("claim-form")));
        form.findElement(By.name("costYuan")).sendKeys("8000");
        form.findElement(By.name("requestedYuan")).sendKeys("4500");
        form.findElement(By.name("note")).sendKeys("住院医药费自付部分");
        form.findElement(By.name("evidence")).sendKeys(scan.toString());
        screenshot("clerk-registers");
        form.findElement(By.id("claim-register")).click();
        waitUntil(d -> d.findElement(By.id("claims")).getText().contains("待审核"));
        // The clerk cannot approve their own claim: no button for them, and the service refuses them too.
        assertThat(browser.findElements(By.cssSelector("#claims button[name=approve]"))).isEmpty();
        assertThat(whatIfAmount(program, worker)).isNull();

        browser.manage().deleteAllCookies();
        signIn("yiyang.reviewer", DemoUsers.PASSWORD);
        browser.get(url("/policy/programs/" + program + "/claims"));
        browser.findElement(By.cssSelector("#claims input[name=opinion]")).sendKeys("材料齐全，同意");
        browser.findElement(By.cssSelector("#claims button[name=approve][value=true]")).click();
        waitUntil(d -> d.findElement(By.id("claims")).getText().contains("已同意"));
        assertThat(browser.findElement(By.id("claims")).getText()).contains("yiyang.reviewer：材料齐全，同意");
        screenshot("reviewer-approved");

        assertThat(whatIfAmount(program, worker)).isEqualTo(450_000L);
    }

    /** The amount a what-if run of the program gives the person now, or null when it gives them nothing. */
    private Long whatIfAmount(long program, long worker) throws Exception {
        String body = mvc.perform(post("/api/v1/programs/{id}/runs", program).with(DemoUsers.api("yiyang.clerk"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"whatIf\":true}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long run = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        return jdbc.sql("select amount_fen from policy.entitlement where run_id = ? and subject_id = ? and decision in ('ELIGIBLE', 'CAPPED')")
                .param(run).param(worker).query(Long.class).optional().orElse(null);
    }
}
