package cn.unionaid.web;

import java.util.List;

import cn.unionaid.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** A leader opens the year's evaluation, reads the report on the page and downloads it as DOCX and PDF. */
@IntegrationTest
class ReportBrowserTests extends BrowserTest {

    @Test
    void theReportIsShownAndDownloads() {
        signIn("yiyang.leader", "Demo@2026");
        browser.findElement(By.id("welcome"));
        browser.get(url("/evaluation?year=2023"));
        assertThat(browser.findElement(By.id("report")).getText()).contains("绩效自评报告", "一、基本情况",
                "七、其他需要说明的问题", "春节慰问", "附表1");

        // the leader renames a leaf of the union's third-party system on the page and sees it scored
        browser.get(url("/evaluation/indicators?year=2023&frame=THIRD_PARTY"));
        assertThat(browser.findElement(By.id("indicator-table")).getText()).contains("项目决策", "资金到位率");
        var form = browser.findElement(By.id("node-form"));
        form.findElement(By.name("code")).sendKeys("OUTPUT.QUALITY");
        form.findElement(By.name("name")).sendKeys("发放质量与时效");
        form.findElement(By.name("weight")).sendKeys("16");
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("method"))).selectByValue("DEDUCTIONS");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(d -> browser.findElement(By.id("indicator-table")).getText().contains("发放质量与时效"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("已保存");
        browser.findElement(By.linkText("查看报告")).click();
        waitUntil(d -> browser.findElement(By.id("report")).getText().contains("绩效评价报告"));
        // The third-party frame has leaves without a target: the page names them and asks for the evaluator's confirmation.
        assertThat(browser.findElement(By.id("unscored-form")).getText()).contains("确认出具报告");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("未得分");
        for (String format : List.of("docx", "pdf")) {
            String href = url("/evaluation/report?year=2023&frame=THIRD_PARTY&format=" + format);
            Object refused = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0]).then(r => done(String(r.status))).catch(e => done('failed ' + e));
                    """, href);
            assertThat(refused.toString()).isEqualTo("409");
            Object result = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type')
                        + ' ' + b.byteLength))).catch(e => done('failed ' + e));
                    """, href + "&confirmUnscored=true");
            String[] parts = result.toString().split(" ");
            assertThat(parts[0]).isEqualTo("200");
            assertThat(parts[1]).isIn("application/pdf",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            assertThat(Long.parseLong(parts[2])).isGreaterThan(1000);
        }
    }
}
