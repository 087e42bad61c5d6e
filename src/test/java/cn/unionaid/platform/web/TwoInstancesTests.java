package cn.unionaid.platform.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.unionaid.DemoUsers;
import cn.unionaid.IntegrationTest;
import cn.unionaid.UnionAidApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database: a person signs in on one and goes on working on the other, because
 * the session lives in the database (Spring Session JDBC); the second instance starts on a database the first has
 * already migrated and seeded without doing either twice.
 */
@IntegrationTest
class TwoInstancesTests {

    @LocalServerPort
    int port;

    @Test
    void aSessionStartedOnOneInstanceIsServedByTheOther() throws Exception {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(UnionAidApplication.class)
                .profiles("test")
                .properties("server.port=0", "unionaid.audit.anchor-dir=target/test-anchors/" + UUID.randomUUID(),
                        "unionaid.files-dir=target/test-files/" + UUID.randomUUID())
                .run()) {
            int other = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String form = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
            assertThat(csrf.find()).isTrue();
            String body = "username=yiyang.clerk&password=" + DemoUsers.PASSWORD.replace("@", "%40") + "&_csrf=" + csrf.group(1);
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/");
            // The same browser, the other instance: already signed in.
            HttpResponse<String> home = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + other + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("欢迎，益阳经办人（益阳市总工会）");
        }
    }
}
