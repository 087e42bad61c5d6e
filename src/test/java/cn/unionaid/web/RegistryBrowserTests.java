package cn.unionaid.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import cn.unionaid.IntegrationTest;
import cn.unionaid.registry.Rosters;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** A clerk uploads the roster in the browser, follows the import to its end and finds the people in the list. */
@IntegrationTest
class RegistryBrowserTests extends BrowserTest {

    @Test
    void aClerkUploadsARosterAndSeesTheResultAndTheRecords() throws Exception {
        List<List<String>> rows = Rosters.modelWorkers(25, 7, "430903", "430903");
        Path file = Files.createTempFile("赫山劳模花名册", ".xlsx");
        Files.write(file, Rosters.modelWorkerXlsx(rows));

        signIn("heshan.clerk", "Demo@2026");
        browser.findElement(By.linkText("导入花名册")).click();
        new Select(browser.findElement(By.id("kind"))).selectByValue("MODEL_WORKERS");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.id("import-submit")).click();

        String summary = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("job-summary"))).getText();
        assertThat(summary).isEqualTo("导入完成：新建 25 条，更新 0 条，未变化 0 条，拒绝 0 行。");

        browser.findElement(By.linkText("劳模档案")).click();
        browser.findElement(By.name("region")).sendKeys("430903");
        browser.findElement(By.cssSelector("form.search button")).click();
        waitUntil(d -> d.getCurrentUrl().contains("region=430903"));
        assertThat(browser.findElement(By.cssSelector("p.muted")).getText()).isEqualTo("共 25 条");

        // the first page holds 20 of the 25, so find the first person by name
        browser.findElement(By.name("q")).sendKeys(rows.get(0).get(0));
        browser.findElement(By.cssSelector("form.search button")).click();
        waitUntil(d -> d.getCurrentUrl().contains("q="));
        String table = browser.findElement(By.id("mw-table")).getText();
        assertThat(table).contains(rows.get(0).get(0), "赫山区总工会", "在册").doesNotContain(rows.get(0).get(1));
    }
}
