package cn.unionaid.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.registry.Rosters;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One batch walked through the pages by four people, from submission to reconciliation. */
@IntegrationTest
class BatchBrowserTests extends BrowserTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private void signInAs(String user) {
        browser.get(url("/logout"));
        browser.manage().deleteAllCookies();
        signIn(user, TestUnions.PASSWORD);
        waitUntil(d -> d.findElements(By.id("welcome")).size() == 1);
    }

    /** A date field is filled the way a date picker would, whatever the browser's locale. */
    private void setDate(String css, String isoDate) {
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.cssSelector(css)), isoDate);
    }

    /** Accepts the page's question before something that cannot be undone. */
    private void acceptConfirmation() {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        browser.switchTo().alert().accept();
    }

    private void onBatch(long id) {
        browser.get(url("/batches/" + id));
    }

    /** Waits for the page after a click to show the batch in {@code expected} (the old page may still be there). */
    private void expectStatus(String expected) {
        waitUntil(d -> expected.equals(d.findElement(By.id("batch-status")).getText()));
    }

    @Test
    void aBatchGoesFromSubmissionToReconciliationThroughThePages() throws Exception {
        TestUnions.open(mvc, jdbc, "T005", "桃江测试工会", "430922", Map.of("t005.clerk", "\"CLERK\"",
                "t005.reviewer", "\"REVIEWER\"", "t005.leader", "\"LEADER\"", "t005.finance", "\"FINANCE\"",
                "t005.cashier", "\"FINANCE\""));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(List.of("TJ5-" + i, "户主", "帮扶对象" + i, Rosters.idNumber("430922", LocalDate.of(1966, 3, 1).plusDays(i * 97L), 900 + i),
                    "500", "健康", "深度困难", "因病致困", "", "中国农业银行", "62284899%011d".formatted(i), "T005", "430922", "2021-01-01"));
        }
        mvc.perform(multipart("/api/v1/households/import").file(new MockMultipartFile("file", "h.csv", "text/csv",
                Rosters.householdCsv(rows, StandardCharsets.UTF_8))).with(httpBasic("t005.clerk", TestUnions.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/policy/import").with(httpBasic("t005.clerk", TestUnions.PASSWORD)).contentType("application/yaml")
                .content("""
                        year: 2024
                        parameters:
                          - {key: t005.cap, name: 上限, unit: YUAN, versions: [{from: "2024-01-01", value: "5000", document: 桃工发〔2024〕1号}]}
                        programs:
                          - {code: TJ-HELP, name: 送温暖, beneficiary: HOUSEHOLD, fundSources: [SAME_LEVEL], referenceDate: "2024-01-01",
                             windowFrom: "2024-01-01", windowTo: "2024-12-31",
                             rule: {conditions: [{type: IN_REGISTER}], amount: {type: MANUAL, cap: t005.cap}}}
                        """)).andExpect(status().isOk());
        String proposed = mvc.perform(get("/api/v1/parameter-versions/proposed").with(httpBasic("t005.reviewer", TestUnions.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/v1/parameter-versions/approve").with(httpBasic("t005.reviewer", TestUnions.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"ids\":" + com.jayway.jsonpath.JsonPath.read(proposed,
                        "$[?(@.key == 't005.cap')].id") + "}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/funds/receipts").with(httpBasic("t005.finance", TestUnions.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"year":2024,"source":"SAME_LEVEL","date":"2024-01-05","amountYuan":"10000","voucher":"配套2024-1"}"""))
                .andExpect(status().isNoContent());
        List<Long> ids = jdbc.sql("select h.id from registry.household h join org.organisation o on o.id = h.org_id where o.code = 'T005' order by h.id")
                .query(Long.class).list();
        long program = jdbc.sql("select p.id from policy.program p join org.organisation o on o.id = p.org_id where o.code = 'T005'")
                .query(Long.class).single();

        signInAs("t005.clerk");
        browser.get(url("/batches"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#manual-form select[name=programId]")))
                .selectByValue(Long.toString(program));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#manual-form select[name=source]")))
                .selectByValue("SAME_LEVEL");
        browser.findElement(By.cssSelector("#manual-form input[name=title]")).sendKeys("2024年送温暖");
        // People by name or ID number, as a clerk pastes them from a sheet: never an internal number.
        browser.findElement(By.cssSelector("#manual-form textarea")).sendKeys(
                "帮扶对象0,1000\n" + Rosters.idNumber("430922", LocalDate.of(1966, 3, 1).plusDays(97L), 901) + ",1500\n帮扶对象2 2000");
        browser.findElement(By.cssSelector("#manual-form button")).click();
        waitUntil(d -> d.getCurrentUrl().matches(".*/batches/\\d+$"));
        long batch = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/batches/", ""));
        expectStatus("草稿");
        browser.findElement(By.id("submit-batch")).click();
        expectStatus("已提交");

        assertThat(browser.findElement(By.id("next-step")).getText()).contains("审核人审核");
        signInAs("t005.reviewer");
        onBatch(batch);
        browser.findElement(By.id("review-batch")).click();
        expectStatus("已审核");

        signInAs("t005.leader");
        onBatch(batch);
        browser.findElement(By.cssSelector("#decision-form input[name=minutesNo]")).sendKeys("纪要〔2024〕1号");
        setDate("#decision-form input[name=decidedOn]", "2024-01-10");
        browser.findElement(By.cssSelector("#decision-form button")).click();
        expectStatus("已决策");

        signInAs("t005.clerk");
        onBatch(batch);
        setDate("#publicity-form input[name=from]", "2024-01-11");
        browser.findElement(By.cssSelector("#publicity-form button")).click();
        expectStatus("公示中");
        browser.findElement(By.id("close-publicity")).click();
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).contains("照片");
        Path photo = Files.createTempFile("公示", ".jpg");
        Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'});
        browser.findElement(By.cssSelector("#photo-form input[type=file]")).sendKeys(photo.toString());
        browser.findElement(By.cssSelector("#photo-form button")).click();
        waitUntil(d -> d.getPageSource().contains("已留存公示照片"));
        browser.findElement(By.id("close-publicity")).click();
        expectStatus("公示结束");

        signInAs("t005.finance");
        onBatch(batch);
        browser.findElement(By.cssSelector("#file-form button")).click();
        // The file comes back as a download and the page stays: wait for the server to have finished before moving on.
        waitUntil(d -> "FILE_GENERATED"
                .equals(jdbc.sql("select status from disbursement.batch where id = ?").param(batch).query(String.class).single()));
        onBatch(batch);
        expectStatus("已生成支付文件");
        // The bank pays two, refuses one (账户已销户) and lists a line of some other unit's.
        List<String> references = jdbc.sql("select reference from disbursement.batch_item where batch_id = ? order by id").param(batch)
                .query(String.class).list();
        List<Long> amounts = jdbc.sql("select amount_fen / 100 from disbursement.batch_item where batch_id = ? order by id").param(batch)
                .query(Long.class).list();
        String statement = "业务参考号,账号,户名,金额,交易结果,交易日期,失败原因\n"
                + references.get(0) + ",,," + amounts.get(0) + ",成功,2024-01-20,\n"
                + references.get(1) + ",,," + amounts.get(1) + ",失败,2024-01-20,账户已销户\n"
                + references.get(2) + ",,," + amounts.get(2) + ",成功,2024-01-20,\n"
                + "B999-00001,,某人,500,退回,2024-01-21,非本单位代发\n";
        // Who made the payment file does not import the statement that settles it.
        signInAs("t005.cashier");
        onBatch(batch);
        Path file = Files.createTempFile("对账单", ".csv");
        Files.writeString(file, statement);
        browser.findElement(By.cssSelector("#statement-form input[type=file]")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#statement-form button")).click();
        expectStatus("已对账");
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("支付成功 2");
        assertThat(browser.findElement(By.id("reconciliation")).getText()).contains("非本单位代发");
        assertThat(browser.findElement(By.cssSelector("#items")).getText()).contains("账户已销户");
        // The stray line is set aside with its reason (the page asks first).
        browser.findElement(By.cssSelector("form.set-aside input[name=reason]")).sendKeys("银行误列其他单位的退票");
        browser.findElement(By.cssSelector("form.set-aside button")).click();
        acceptConfirmation();
        waitUntil(d -> d.findElement(By.id("reconciliation")).getText().contains("银行误列其他单位的退票"));
        screenshot("stray-line-set-aside");

        // The household brings a new card: the clerk records it on the household's page with the reason.
        long failedHousehold = jdbc.sql("select subject_id from disbursement.batch_item where reference = ?").param(references.get(1))
                .query(Long.class).single();
        signInAs("t005.clerk");
        browser.get(url("/registry/households/" + failedHousehold));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#correction-form select[name=fact]")))
                .selectByValue("BANK_CARD");
        browser.findElement(By.cssSelector("#correction-form input[name=value]")).sendKeys("6217000011112222333");
        browser.findElement(By.cssSelector("#correction-form input[name=bankName]")).sendKeys("中国建设银行桃江支行");
        browser.findElement(By.cssSelector("#correction-form input[name=reason]")).sendKeys("原账户已销户，户主提供新卡");
        browser.findElement(By.cssSelector("#correction-form button")).click();
        waitUntil(d -> d.getPageSource().contains("更正信息"));
        assertThat(browser.findElement(By.id("payments")).getText()).contains("支付失败");
        screenshot("card-corrected");

        // Finance pays it again, to the new card, and the bank confirms it.
        signInAs("t005.finance");
        onBatch(batch);
        browser.findElement(By.cssSelector("#items form[action$='/reissue'] button")).click();
        acceptConfirmation();
        waitUntil(d -> d.findElement(By.id("items")).getText().contains("6217 **** **** 2333"));
        browser.findElement(By.cssSelector("#file-form button")).click();
        waitUntil(d -> jdbc.sql("select count(*) from disbursement.batch_item where batch_id = ? and status = 'PENDING'").param(batch)
                .query(Long.class).single() == 1 && "FILE_GENERATED"
                .equals(jdbc.sql("select status from disbursement.batch where id = ?").param(batch).query(String.class).single()));
        signInAs("t005.cashier");
        onBatch(batch);
        Path second = Files.createTempFile("对账单2", ".csv");
        Files.writeString(second, "业务参考号,账号,户名,金额,交易结果,交易日期\n" + references.get(1) + "-R,,," + amounts.get(1)
                + ",成功,2024-01-25\n");
        browser.findElement(By.cssSelector("#statement-form input[type=file]")).sendKeys(second.toString());
        browser.findElement(By.cssSelector("#statement-form button")).click();
        expectStatus("已对账");
        browser.findElement(By.id("complete-batch")).click();
        // Completion cannot be undone: the page asks first.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        assertThat(browser.switchTo().alert().getText()).contains("确定完结");
        browser.switchTo().alert().accept();
        expectStatus("已完结");
        screenshot("completed");
        assertThat(browser.findElement(By.id("batch-record")).getText()).contains("导入银行对账单", "搁置不属于本批次的对账单行",
                "重新发放", "批次完结");
    }
}
