package cn.unionaid.web;

import java.util.ArrayList;
import java.util.List;

import cn.unionaid.DemoUsers;
import cn.unionaid.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The frame every page shares, in a real browser: the side menu grouped by work with a breadcrumb, 待办 that
 * tells each role what is theirs to do, and the main pages on a 375 px phone without sideways scrolling.
 */
@IntegrationTest
class ShellBrowserTests extends BrowserTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aReviewerFindsTheClerksProposalInTheirToDoAndTheClerkSeesWhomItWaitsFor() throws Exception {
        String key = jdbc.sql("select key from policy.parameter_definition order by key limit 1").query(String.class).single();
        String name = jdbc.sql("select name from policy.parameter_definition where key = ?").param(key).query(String.class).single();
        // The clerk proposes on the page, choosing the standard and the region by name: no code is typed.
        signIn("yiyang.clerk", DemoUsers.PASSWORD);
        browser.get(url("/policy/parameters"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("standard-key"))).selectByValue(key);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("standard-region"))).selectByVisibleText("益阳市（430900）");
        var form = browser.findElement(By.id("propose-form"));
        browser.executeScript("arguments[0].value = '2031-01-01'", form.findElement(By.name("effectiveFrom")));
        form.findElement(By.name("value")).sendKeys("1");
        form.findElement(By.name("documentRef")).sendKeys("待办测试");
        screenshot("clerk-proposes");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(d -> !d.findElements(By.cssSelector("p.notice")).isEmpty() || !d.findElements(By.cssSelector("p.error")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("p.error"))).isEmpty();
        long id = jdbc.sql("select id from policy.parameter_version where document_ref = '待办测试' and status = 'PROPOSED'")
                .query(Long.class).single();
        browser.manage().deleteAllCookies();
        try {
            signIn("yiyang.reviewer", DemoUsers.PASSWORD);
            String mine = browser.findElement(By.id("my-todos")).getText();
            assertThat(mine).contains("帮扶标准「" + name + "」（自 2031-01-01 起）待您审批");
            screenshot("reviewer-todo");
            browser.findElement(By.partialLinkText("帮扶标准「" + name + "」")).click();
            waitUntil(d -> d.getCurrentUrl().endsWith("/policy/parameters"));
            assertThat(browser.findElement(By.id("crumbs")).getText().replace(" ", "")).isEqualTo("首页›帮扶管理›帮扶标准");
            assertThat(browser.findElement(By.cssSelector(".sidenav a.current")).getText()).isEqualTo("帮扶标准");
            browser.manage().deleteAllCookies();
            signIn("yiyang.clerk", DemoUsers.PASSWORD);
            browser.findElement(By.cssSelector("#others-todos summary")).click();
            assertThat(browser.findElement(By.id("others-todos")).getText())
                    .contains("帮扶标准「" + name + "」（自 2031-01-01 起）等待审核人或领导审批");
            screenshot("clerk-waiting");
        } finally {
            mvc.perform(post("/api/v1/parameter-versions/{id}/reject", id).with(DemoUsers.api("yiyang.reviewer"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"测试结束\"}"));
        }
    }

    @Test
    void theMainPagesFitA375PixelPhoneAndTheMenuOpensBehindItsButton() {
        signIn("yiyang.clerk", DemoUsers.PASSWORD);
        browser.manage().window().setSize(new Dimension(375, 812));
        long batch = jdbc.sql("select coalesce(min(id), 0) from disbursement.batch where org_id = ?")
                .param(DemoUsers.orgId(jdbc, "430900")).query(Long.class).single();
        long worker = jdbc.sql("select min(id) from registry.model_worker where org_id = ?")
                .param(DemoUsers.orgId(jdbc, "430900")).query(Long.class).single();
        List<String> pages = List.of("/", "/registry/model-workers", "/registry/model-workers/" + worker,
                "/registry/households", "/registry/surveys", "/registry/import", "/policy/programs", "/policy/parameters",
                "/funds", "/batches", "/batches/" + batch, "/controls", "/evaluation", "/evaluation/indicators",
                "/evaluation/dashboard");
        List<String> overflowing = new ArrayList<>();
        for (String page : pages) {
            browser.get(url(page));
            long scroll = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
            long width = ((Number) browser.executeScript("return document.documentElement.clientWidth")).longValue();
            screenshot("375" + page.replace('/', '_'));
            if (scroll > width) {
                overflowing.add(page + " (" + scroll + " > " + width + ")");
            }
        }
        assertThat(overflowing).isEmpty();
        browser.get(url("/registry/model-workers"));
        assertThat(browser.findElement(By.id("sidenav")).isDisplayed()).isFalse();
        browser.findElement(By.id("menu-toggle")).click();
        assertThat(browser.findElement(By.id("sidenav")).isDisplayed()).isTrue();
        screenshot("375-menu-open");
        browser.findElement(By.linkText("发放批次")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/batches"));
        assertThat(browser.findElement(By.id("crumbs")).getText().replace(" ", "")).isEqualTo("首页›发放管理›发放批次");
    }

    @Test
    void theProvincesAuditorChoosesACityOnTheFiguresPages() {
        signIn("hunan.auditor", DemoUsers.PASSWORD);
        browser.get(url("/evaluation/dashboard?year=2023"));
        String own = browser.findElement(By.id("score")).getText();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("org-select"))).selectByVisibleText("益阳市总工会");
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
        waitUntil(d -> d.getCurrentUrl().contains("org=") && !d.findElements(By.id("viewing-other")).isEmpty());
        assertThat(browser.findElement(By.id("viewing-other")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("score")).getText()).isNotEqualTo(own);
        screenshot("province-dashboard-yiyang");
        long yiyang = DemoUsers.orgId(jdbc, "430900");
        browser.get(url("/funds?year=2023&org=" + yiyang));
        assertThat(browser.findElement(By.id("balances")).getText()).contains("省财");
        assertThat(browser.findElements(By.id("budget-form"))).isEmpty();
        screenshot("province-funds-yiyang");
        browser.get(url("/evaluation?year=2023&org=" + yiyang));
        assertThat(browser.findElement(By.id("download-pdf")).getAttribute("href")).contains("org=" + yiyang);
        // A union outside the reader's scope is not there to choose.
        browser.get(url("/funds?year=2023&org=" + DemoUsers.orgId(jdbc, "650000")));
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).contains("不存在或不在您的权限范围内");
    }
}
