package cn.unionaid.web;

import cn.unionaid.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** A person opens the site in a real browser, signs in, and finds the home page and their union's tree. */
@IntegrationTest
class LoginBrowserTests extends BrowserTest {

    private void signInFromHome(String username, String password) {
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        submitLogin(username, password);
    }

    @Test
    void aClerkSignsInAndReachesTheHomePageInChinese() {
        signInFromHome("yiyang.clerk", "Demo@2026");
        assertThat(browser.findElement(By.id("welcome")).getText()).isEqualTo("欢迎，益阳经办人（益阳市总工会）");
        assertThat(browser.findElement(By.cssSelector(".tile .label")).getText()).isEqualTo("可见组织机构");
        assertThat(browser.findElement(By.cssSelector(".tile .value")).getText()).isNotEqualTo("0");
        browser.findElement(By.linkText("组织机构")).click();
        String table = browser.findElement(By.id("org-table")).getText();
        assertThat(table).contains("益阳市总工会", "赫山区总工会", "资阳区总工会").doesNotContain("常德市总工会");
        assertThat(browser.findElements(By.linkText("用户管理"))).isEmpty();
        browser.get(url("/no-such-page"));
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).isEqualTo("页面不存在");
        browser.get(url("/users"));
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).isEqualTo("您没有执行此操作的权限");
    }

    @Test
    void aWrongPasswordIsAnsweredInChinese() {
        signInFromHome("changde.clerk", "wrong-password");
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).contains("用户名或密码错误");
    }
}
