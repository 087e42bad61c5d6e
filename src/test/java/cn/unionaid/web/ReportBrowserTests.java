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
                "七、其他需要说明的问题");
        for (String id : List.of("download-docx", "download-pdf")) {
            String href = browser.findElement(By.id(id)).getAttribute("href");
            Object result = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type')
                        + ' ' + b.byteLength))).catch(e => done('failed ' + e));
                    """, href);
            String[] parts = result.toString().split(" ");
            assertThat(parts[0]).isEqualTo("200");
            assertThat(parts[1]).isIn("application/pdf",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            assertThat(Long.parseLong(parts[2])).isGreaterThan(1000);
        }
    }
}
