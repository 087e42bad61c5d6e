package cn.unionaid.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.registry.Rosters;
import cn.unionaid.registry.importing.ModelWorkerSheet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/** A clerk prints the 生存认证 letters; the model worker answers on a phone-sized screen with a photo. */
@IntegrationTest
class ConfirmationBrowserTests extends BrowserTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aModelWorkerConfirmsOnAPhoneThroughTheLinkOnTheirLetter() throws Exception {
        TestUnions.open(mvc, jdbc, "T019B", "南县总工会（认证页面测试）", "430921", Map.of("t019b.clerk", "\"CLERK\""));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            rows.add(List.of("司马页面" + i, Rosters.idNumber("430921", LocalDate.of(1952, 6, 1).plusDays(i * 53L), 800 + i),
                    "全国劳动模范", "1990", "离退休", "南县某厂", "T019B", "430921", "2800.00", "2025-12", "", "中国银行",
                    "62166100%011d".formatted(5_000 + i), "是", "保持", "2020-01-01", ""));
        }
        mvc.perform(multipart("/api/v1/model-workers/import").file(new MockMultipartFile("file", "t.xlsx",
                "application/octet-stream", Rosters.xlsx(ModelWorkerSheet.COLUMNS, rows)))
                .with(httpBasic("t019b.clerk", TestUnions.PASSWORD))).andExpect(jsonPath("$.imported").value(2));

        signIn("t019b.clerk", TestUnions.PASSWORD);
        browser.get(url("/registry/confirmations"));
        browser.findElement(By.id("issue-links")).click();
        waitUntil(d -> d.findElement(By.cssSelector(".notice")).getText().contains("已生成 2 份"));
        browser.findElement(By.id("print-letters")).click();
        List<String> links = waitUntil(d -> d.findElements(By.cssSelector(".letter .link"))).stream()
                .map(e -> e.getText()).toList();
        assertThat(links).hasSize(2).allMatch(l -> l.startsWith(url("/confirm/")));
        assertThat(browser.findElements(By.cssSelector(".letter .qr svg"))).hasSize(2);
        screenshot("letters-1366");

        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(375, 812));
        browser.get(links.get(0));
        assertThat(browser.findElement(By.id("confirm-greeting")).getText()).startsWith("司****同志");
        assertThat(browser.getPageSource()).doesNotContain("司马页面");
        Object overflow = browser.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).isEqualTo(false);
        Path photo = Files.createTempFile("近照", ".jpg");
        Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'});
        browser.findElement(By.cssSelector("input[name=answer][value=NORMAL]")).click();
        browser.findElement(By.id("confirm-photo")).sendKeys(photo.toString());
        screenshot("confirm-375");
        browser.findElement(By.id("confirm-submit")).click();
        assertThat(waitUntil(d -> d.findElement(By.id("confirm-done"))).getText()).contains("认证已提交");
        screenshot("confirm-done-375");

        browser.get(links.get(0));
        assertThat(browser.findElement(By.id("confirm-ended")).getText()).contains("已使用");
    }
}
