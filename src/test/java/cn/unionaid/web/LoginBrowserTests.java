package cn.unionaid.web;

import cn.unionaid.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A person opens the site in a real browser, signs in, and finds the home page and their union's tree. */
@IntegrationTest
class LoginBrowserTests {

    @LocalServerPort
    int port;

    private ChromeDriver browser;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void signIn(String username, String password) {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    @Test
    void aClerkSignsInAndReachesTheHomePageInChinese() {
        signIn("yiyang.clerk", "Demo@2026");
        assertThat(browser.findElement(By.id("welcome")).getText()).isEqualTo("欢迎，益阳经办人（益阳市总工会）");
        assertThat(browser.findElement(By.cssSelector(".tile .label")).getText()).isEqualTo("可见组织机构");
        assertThat(browser.findElement(By.cssSelector(".tile .value")).getText()).isNotEqualTo("0");
        browser.findElement(By.linkText("组织机构")).click();
        String table = browser.findElement(By.id("org-table")).getText();
        assertThat(table).contains("益阳市总工会", "赫山区总工会", "资阳区总工会").doesNotContain("常德市总工会");
        assertThat(browser.findElements(By.linkText("用户管理"))).isEmpty();
        browser.get("http://localhost:" + port + "/no-such-page");
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).isEqualTo("页面不存在");
        browser.get("http://localhost:" + port + "/users");
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).isEqualTo("您没有执行此操作的权限");
    }

    @Test
    void aWrongPasswordIsAnsweredInChinese() {
        signIn("changde.clerk", "wrong-password");
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).contains("用户名或密码错误");
    }
}
