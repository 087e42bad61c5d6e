package cn.unionaid.web;

import java.util.List;

import cn.unionaid.IntegrationTest;
import cn.unionaid.TestUnions;
import cn.unionaid.disbursement.LargeBatch;
import cn.unionaid.disbursement.PublicityList;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** A clerk prints a large batch's 公示名单 for one union, and pages through the whole list's parts. */
@IntegrationTest
class PublicityBrowserTests extends BrowserTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    /** One column of the printed table, read in one script (thousands of rows, not a round trip per cell). */
    @SuppressWarnings("unchecked")
    private List<String> column(int column) {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll('#publicity-table tbody tr'))"
                + ".map(r => r.cells[arguments[0]].textContent.trim())", column);
    }

    @Test
    void aClerkPrintsOneUnionsListAndPagesThroughTheWholeOne() throws Exception {
        LargeBatch large = LargeBatch.of(mvc, jdbc);
        signIn("t020.clerk", TestUnions.PASSWORD);
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/batches/" + large.batch() + "/publicity-list"));
        int listed = LargeBatch.MAIN + LargeBatch.BRANCH - 1;
        int parts = (listed + PublicityList.PART_SIZE - 1) / PublicityList.PART_SIZE;
        waitUntil(d -> d.findElement(By.tagName("h1")).getText().contains("第 1 册，共 " + parts + " 册"));
        assertThat(browser.findElement(By.cssSelector("nav.pager")).getText()).contains("共 " + listed + " 人");
        screenshot("whole-1366");
        browser.findElement(By.linkText("下一页")).click();
        waitUntil(d -> d.findElement(By.tagName("h1")).getText().contains("第 2 册"));
        assertThat(column(0).get(0)).isEqualTo(Integer.toString(PublicityList.PART_SIZE + 1));

        new Select(browser.findElement(By.name("union"))).selectByValue(LargeBatch.BRANCH_UNION);
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
        waitUntil(d -> d.findElement(By.cssSelector("main")).getText().contains("所属工会：" + LargeBatch.BRANCH_UNION));
        assertThat(browser.findElement(By.tagName("h1")).getText()).doesNotContain("册");
        assertThat(column(2)).hasSize(LargeBatch.BRANCH).containsOnly(LargeBatch.BRANCH_UNION);
        assertThat(column(0).get(0)).isEqualTo("1");
        // Names are masked on a list meant for a notice board (公示不公开完整姓名).
        assertThat(column(1)).noneMatch(n -> n.startsWith("赫山困难户"));
        WebElement pdf = browser.findElement(By.linkText("打印本册（PDF）"));
        assertThat(pdf.getAttribute("href")).contains("publicity-list.pdf").contains("part=1").contains("union=");
        screenshot("union-1366");
        browser.manage().window().setSize(new Dimension(375, 800));
        screenshot("union-375");
    }
}
