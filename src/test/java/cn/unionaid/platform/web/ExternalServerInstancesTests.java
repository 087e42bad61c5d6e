package cn.unionaid.platform.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.unionaid.DemoUsers;
import cn.unionaid.UnionAidApplication;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one external PostgreSQL server (Debian's package in CI, started by .ci/external-postgres), started
 * at the same moment on an empty database: Flyway migrates once, the first start and the demo year are made once, a
 * person signs in on one instance and goes on working on the other, and when one instance stops the other serves on.
 * Without the server (UNIONAID_TEST_EXTERNAL_PG unset) the test is skipped on a workstation and fails under CI=true.
 */
class ExternalServerInstancesTests {

    private static final String URL = System.getenv("UNIONAID_TEST_EXTERNAL_PG");
    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    @Test
    void twoInstancesStartTogetherShareTheSessionAndOneServesOnWhenTheOtherStops() throws Exception {
        if (URL == null) {
            assertThat(System.getenv("CI")).as("CI must provide the external PostgreSQL (.ci/external-postgres)")
                    .isNotEqualTo("true");
            Assumptions.abort("no external PostgreSQL (UNIONAID_TEST_EXTERNAL_PG)");
        }
        String owner = System.getenv("UNIONAID_TEST_EXTERNAL_OWNER");
        String ownerPassword = System.getenv("UNIONAID_TEST_EXTERNAL_OWNER_PASSWORD");
        String database = "unionaid_ext_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(URL, owner, ownerPassword); Statement st = c.createStatement()) {
            st.execute("create database " + database);
        }
        String url = URL.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        String shared = "target/external-instances/" + UUID.randomUUID();
        List<String> properties = List.of("server.port=0", "spring.datasource.url=" + url,
                "spring.datasource.username=unionaid_app",
                "spring.datasource.password=" + System.getenv("UNIONAID_TEST_EXTERNAL_APP_PASSWORD"),
                "spring.flyway.user=" + owner, "spring.flyway.password=" + ownerPassword, "unionaid.demo=true",
                "unionaid.crypto.key-dir=" + shared + "/keys", "unionaid.files-dir=" + shared + "/files",
                "unionaid.audit.anchor-dir=" + shared + "/anchors");
        // Two Spring Boot starts in one JVM would both reconfigure the one Logback context at the same moment (and one
        // fails on it); in this JVM the logging stays as the test run set it up. Separate processes would not share it.
        String loggingSystem = System.setProperty(LOGGING_SYSTEM, "none");
        ConfigurableApplicationContext a;
        ConfigurableApplicationContext b;
        try {
            CompletableFuture<ConfigurableApplicationContext> startA = CompletableFuture.supplyAsync(() -> start(properties));
            CompletableFuture<ConfigurableApplicationContext> startB = CompletableFuture.supplyAsync(() -> start(properties));
            a = startA.get();
            b = startB.get();
        } finally {
            if (loggingSystem == null) {
                System.clearProperty(LOGGING_SYSTEM);
            } else {
                System.setProperty(LOGGING_SYSTEM, loggingSystem);
            }
        }
        try {
            try (Connection c = DriverManager.getConnection(url, owner, ownerPassword); Statement st = c.createStatement()) {
                assertThat(single(st, "select count(*) - count(distinct version) from flyway_schema_history where version is not null"))
                        .as("each migration applied once").isZero();
                assertThat(single(st, "select count(*) from org.app_user where username = 'yiyang.clerk'")).isEqualTo(1);
                assertThat(single(st, "select count(*) from policy.program p join org.organisation o on o.id = p.org_id "
                        + "where o.code = '430900' and p.year = 2023 and p.code = 'LM-SFC'")).as("the demo year, once").isEqualTo(1);
                assertThat(single(st, "select count(*) from platform.key_check")).isEqualTo(1);
            }
            int portA = port(a);
            int portB = port(b);
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            signIn(browser, portA);
            assertThat(get(browser, portB, "/").body()).contains("欢迎，益阳经办人（益阳市总工会）");
            // One batch reviewed at the same moment on both instances: reserved once.
            long batch = submittedBatch(portA, url, owner, ownerPassword);
            CompletableFuture<Integer> reviewA = CompletableFuture.supplyAsync(() -> api(portA, "yiyang.reviewer", "POST",
                    "/api/v1/batches/" + batch + "/review", "{}").statusCode());
            CompletableFuture<Integer> reviewB = CompletableFuture.supplyAsync(() -> api(portB, "yiyang.reviewer", "POST",
                    "/api/v1/batches/" + batch + "/review", "{}").statusCode());
            assertThat(List.of(reviewA.get(), reviewB.get())).containsExactlyInAnyOrder(200, 409);
            try (Connection c = DriverManager.getConnection(url, owner, ownerPassword); Statement st = c.createStatement()) {
                assertThat(single(st, "select count(*) from funds.ledger_entry where batch_id = " + batch + " and kind = 'RESERVE'"))
                        .isEqualTo(1);
            }

            a.close();
            HttpResponse<String> after = get(browser, portB, "/registry/model-workers");
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).contains("劳模档案");
        } finally {
            a.close();
            b.close();
            try (Connection c = DriverManager.getConnection(URL, owner, ownerPassword); Statement st = c.createStatement()) {
                st.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    /** A 2024 program of 益阳 with one model worker's hand-made batch, submitted, its money received. */
    private static long submittedBatch(int port, String url, String owner, String ownerPassword) throws Exception {
        String yaml = """
                year: 2024
                parameters:
                  - {key: ext.cap, name: 上限, unit: YUAN, versions: [{region: "430900", from: "2024-01-01", value: "3000", document: 益工发〔2024〕9号}]}
                programs:
                  - {code: EXT-HELP, name: 困难劳模帮扶, beneficiary: MODEL_WORKER, fundSources: [SAME_LEVEL], referenceDate: "2024-01-01",
                     windowFrom: "2024-01-01", windowTo: "2024-12-31",
                     rule: {conditions: [{type: IN_REGISTER}], amount: {type: MANUAL, cap: ext.cap}}}
                """;
        assertThat(api(port, "yiyang.clerk", "POST", "/api/v1/policy/import", yaml, "application/yaml").statusCode()).isEqualTo(200);
        String proposed = api(port, "yiyang.reviewer", "GET", "/api/v1/parameter-versions/proposed", null).body();
        List<Object> ids = com.jayway.jsonpath.JsonPath.read(proposed, "$[?(@.key == 'ext.cap')].id");
        assertThat(ids).as(proposed).hasSize(1);
        assertThat(api(port, "yiyang.reviewer", "POST", "/api/v1/parameter-versions/approve", "{\"ids\":" + ids + "}")
                .statusCode()).isEqualTo(200);
        assertThat(api(port, "yiyang.finance", "POST", "/api/v1/funds/receipts", """
                {"year":2024,"source":"SAME_LEVEL","date":"2024-01-10","amountYuan":"20000","voucher":"益阳配套2024-ext"}""")
                .statusCode()).isEqualTo(204);
        long program;
        long worker;
        try (Connection c = DriverManager.getConnection(url, owner, ownerPassword); Statement st = c.createStatement()) {
            program = single(st, "select id from policy.program where code = 'EXT-HELP'");
            worker = single(st, "select min(m.id) from registry.model_worker m join org.organisation o on o.id = m.org_id "
                    + "where o.code = '430900' and m.archive_open and m.living");
        }
        HttpResponse<String> created = api(port, "yiyang.clerk", "POST", "/api/v1/batches", """
                {"programId":%d,"source":"SAME_LEVEL","title":"两实例并发审核","lines":[{"subjectId":%d,"amountYuan":"2000.00"}]}"""
                .formatted(program, worker));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long batchId = ((Number) com.jayway.jsonpath.JsonPath.read(created.body(), "$.id")).longValue();
        assertThat(api(port, "yiyang.clerk", "POST", "/api/v1/batches/" + batchId + "/submit", "{}").statusCode()).isEqualTo(200);
        return batchId;
    }

    private static HttpResponse<String> api(int port, String user, String method, String path, String json) {
        return api(port, user, method, path, json, "application/json");
    }

    private static HttpResponse<String> api(int port, String user, String method, String path, String body, String type) {
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic);
        request = body == null ? request.GET() : request.header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ConfigurableApplicationContext start(List<String> properties) {
        // As command-line arguments: they outrank application.properties, as an operator's settings do.
        return new SpringApplicationBuilder(UnionAidApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static long single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static HttpResponse<String> get(HttpClient browser, int port, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void signIn(HttpClient browser, int port) throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(browser, port, "/login").body());
        assertThat(csrf.find()).isTrue();
        String body = "username=yiyang.clerk&password=" + DemoUsers.PASSWORD.replace("@", "%40") + "&_csrf=" + csrf.group(1);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
    }
}
