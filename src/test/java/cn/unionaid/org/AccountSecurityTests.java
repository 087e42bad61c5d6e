package cn.unionaid.org;

import cn.unionaid.DemoUsers;
import cn.unionaid.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Lockout, forced password change, 三员分立 and CSRF, through the same accounts for pages and API. */
@IntegrationTest
class AccountSecurityTests {

    private static final String TEMP = "Temp#2026a";
    private static final String OWN = "Mine#2026b";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long openAccount(String username, String orgCode) throws Exception {
        String body = """
                {"username":"%s","displayName":"测试用户","orgId":%d,"password":"%s"}
                """.formatted(username, DemoUsers.orgId(jdbc, orgCode), TEMP);
        String json = mvc.perform(post("/api/v1/users").with(DemoUsers.api("sysadmin"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) com.jayway.jsonpath.JsonPath.read(json, "$.id")).longValue();
    }

    private long auditCount(String actor, String action) {
        return jdbc.sql("select count(*) from audit.audit_log where actor = ? and action = ?").param(actor).param(action)
                .query(Long.class).single();
    }

    @Test
    void fiveWrongPasswordsOnTheApiLockTheAccountUntilTheSecurityAdministratorUnlocksIt() throws Exception {
        long id = openAccount("lock.api", "430903");
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("lock.api", "wrong-" + i))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic("lock.api", TEMP)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("锁定")));
        assertThat(auditCount("lock.api", "auth.loginFailed")).isEqualTo(5);
        assertThat(auditCount("lock.api", "auth.locked")).isEqualTo(1);
        assertThat(auditCount("lock.api", "auth.refusedLocked")).isEqualTo(1);

        mvc.perform(post("/api/v1/users/{id}/unlock", id).with(DemoUsers.api("sysadmin"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users/{id}/unlock", id).with(DemoUsers.api("secadmin"))).andExpect(status().isOk());
        // Unlocked, the temporary password is accepted, and can do nothing but change itself.
        mvc.perform(get("/api/v1/me").with(httpBasic("lock.api", TEMP)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail", containsString("临时密码须先修改")));
    }

    @Test
    void fourFailuresThenASuccessStartTheCountAgain() throws Exception {
        openAccount("lock.reset", "430903");
        for (int i = 0; i < 4; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("lock.reset", "bad"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic("lock.reset", TEMP))).andExpect(status().isForbidden());
        for (int i = 0; i < 4; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("lock.reset", "bad"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic("lock.reset", TEMP))).andExpect(status().isForbidden());
    }

    @Test
    void theLoginFormLocksTooAndSaysSoInChinese() throws Exception {
        openAccount("lock.form", "430903");
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", "lock.form").param("password", "nope").with(csrf()))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // Locked: even the right password gets the same answer as a wrong one, which tells a stranger nothing.
        mvc.perform(post("/login").param("username", "lock.form").param("password", TEMP).with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", "")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("用户名或密码错误，或因连续失败已暂时锁定")));
        assertThat(auditCount("lock.form", "auth.refusedLocked")).isEqualTo(1);
    }

    @Test
    void anonymousTriesFromElsewhereDoNotLockTheSecurityAdministratorOut() throws Exception {
        for (int i = 0; i < 8; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("secadmin", "guess-" + i)).with(from("203.0.113.7")))
                    .andExpect(status().isUnauthorized());
        }
        // The stranger's address is locked out of the account; the administrator at their own desk is not.
        mvc.perform(get("/api/v1/me").with(DemoUsers.api("secadmin")).with(from("203.0.113.7")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(DemoUsers.api("secadmin")).with(from("10.1.2.3"))).andExpect(status().isOk());
        // A name that does not exist gets exactly the same answers, so the answers reveal no account.
        String unknown = null;
        for (int i = 0; i < 6; i++) {
            unknown = mvc.perform(get("/api/v1/me").with(httpBasic("no.such.person", "x" + i)).with(from("203.0.113.7")))
                    .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        }
        String locked = mvc.perform(get("/api/v1/me").with(httpBasic("secadmin", "again")).with(from("203.0.113.7")))
                .andReturn().getResponse().getContentAsString();
        assertThat(unknown).isEqualTo(locked);
        assertThat(jdbc.sql("select count(*) from org.login_throttle where username = 'secadmin' and locked_until > now()")
                .query(Long.class).single()).isEqualTo(1);
        jdbc.sql("delete from org.login_throttle where username = 'secadmin'").update();
    }

    @Test
    void aResetPasswordWorksOnTheApiOnlyAfterItIsChanged() throws Exception {
        long id = openAccount("reset.api", "430900");
        mvc.perform(post("/api/v1/account/password").with(httpBasic("reset.api", TEMP))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"currentPassword":"%s","newPassword":"%s"}""".formatted(TEMP, OWN)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").with(httpBasic("reset.api", OWN))).andExpect(status().isOk());
        // The temporary password was remembered a moment ago to spare bcrypt; changed, it opens nothing any more.
        mvc.perform(get("/api/v1/me").with(httpBasic("reset.api", TEMP))).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/users/{id}/password", id).with(DemoUsers.api("sysadmin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + TEMP + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").with(httpBasic("reset.api", TEMP)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail", containsString("临时密码须先修改")));
        mvc.perform(get("/api/v1/model-workers").with(httpBasic("reset.api", TEMP))).andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorsPasswordIsResetOnlyByTwoAdministrators() throws Exception {
        long auditadmin = jdbc.sql("select id from org.app_user where username = 'auditadmin'").query(Long.class).single();
        String temp = "{\"password\":\"" + TEMP + "\"}";
        mvc.perform(post("/api/v1/users/{id}/password", auditadmin).with(DemoUsers.api("sysadmin"))
                        .contentType(MediaType.APPLICATION_JSON).content(temp))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail", containsString("不能由一人重置")));
        mvc.perform(post("/api/v1/users/{id}/reset-approval", auditadmin).with(DemoUsers.api("secadmin"))
                        .contentType(MediaType.APPLICATION_JSON).content(temp))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/users/{id}/reset-request", auditadmin).with(DemoUsers.api("sysadmin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.resetRequestedBy").value("sysadmin"));
        // The holder cannot approve their own reset; the security administrator can.
        mvc.perform(post("/api/v1/users/{id}/reset-approval", auditadmin).with(DemoUsers.api("auditadmin"))
                        .contentType(MediaType.APPLICATION_JSON).content(temp))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users/{id}/reset-approval", auditadmin).with(DemoUsers.api("secadmin"))
                        .contentType(MediaType.APPLICATION_JSON).content(temp))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit").with(httpBasic("auditadmin", TEMP))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/account/password").with(httpBasic("auditadmin", TEMP))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"currentPassword":"%s","newPassword":"%s"}""".formatted(TEMP, DemoUsers.PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/audit").with(DemoUsers.api("auditadmin"))).andExpect(status().isOk());
        assertThat(auditCount("secadmin", "user.adminResetApproved")).isEqualTo(1);
    }

    @Test
    void theApiRefusesStateChangesFromAnotherSite() throws Exception {
        String body = """
                {"username":"csrf.victim","displayName":"跨站","orgId":%d,"password":"%s"}
                """.formatted(DemoUsers.orgId(jdbc, "430900"), TEMP);
        mvc.perform(post("/api/v1/users").with(DemoUsers.api("sysadmin")).header("Origin", "https://evil.example")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail", containsString("跨站")));
        mvc.perform(post("/api/v1/users").with(DemoUsers.api("sysadmin")).header("Sec-Fetch-Site", "cross-site")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from org.app_user where username = 'csrf.victim'").query(Long.class).single())
                .isZero();
        mvc.perform(post("/api/v1/users").with(DemoUsers.api("sysadmin")).header("Origin", "http://localhost")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
    }

    @Test
    void anIntegratorCallsTheApiWithATokenItsUserCreatedAndEveryUseIsAttributable() throws Exception {
        String created = mvc.perform(post("/api/v1/account/tokens").with(DemoUsers.api("yiyang.finance"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"银行对账机器人\",\"readOnly\":false,\"days\":30}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = com.jayway.jsonpath.JsonPath.read(created, "$.value");
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.token.id")).longValue();
        assertThat(token).startsWith("ua_");
        // Only the hash is kept.
        assertThat(jdbc.sql("select count(*) from org.api_token where encode(token_hash, 'escape') like ?").param("%" + token + "%")
                .query(Long.class).single()).isZero();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("yiyang.finance"));
        // The token carries its user's roles: finance may not run controls' auditor-only reads or a clerk's import.
        mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
        // A change made with it names the token in the audit log.
        mvc.perform(post("/api/v1/funds/receipts").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2031,\"source\":\"SAME_LEVEL\",\"date\":\"2031-01-05\",\"amountYuan\":\"0.01\",\"voucher\":\"令牌测试\"}"))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("select detail from audit.audit_log where actor = 'yiyang.finance' and action like 'funds.%' order by id desc limit 1")
                .query(String.class).single()).contains("\"apiToken\":\"" + id + "\"");
        // A token does not make tokens; a read-only token reads only; revoked or wrong tokens get nothing.
        mvc.perform(post("/api/v1/account/tokens").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}")).andExpect(status().isForbidden());
        String readOnly = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/v1/account/tokens")
                        .with(DemoUsers.api("yiyang.finance")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"省平台只读\",\"readOnly\":true,\"days\":7}"))
                .andReturn().getResponse().getContentAsString(), "$.value");
        mvc.perform(get("/api/v1/funds/balances").param("year", "2023").header("Authorization", "Bearer " + readOnly))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/funds/receipts").header("Authorization", "Bearer " + readOnly)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/account/tokens/{id}", id)
                .with(DemoUsers.api("yiyang.finance"))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer ua_not-a-token")).andExpect(status().isUnauthorized());
        jdbc.sql("update org.api_token set expires_at = now() - interval '1 day' where name = '省平台只读'").update();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + readOnly)).andExpect(status().isUnauthorized());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void aTemporaryPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        openAccount("first.login", "430900");
        // Sessions live in the database (Spring Session JDBC): the browser holds only the SESSION cookie.
        jakarta.servlet.http.Cookie session = mvc.perform(post("/login").param("username", "first.login")
                        .param("password", TEMP).with(csrf()))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/orgs").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("currentPassword", TEMP)
                        .param("newPassword", "abcdefgh").param("confirmPassword", "abcdefgh"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("至少三类")));
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("currentPassword", TEMP)
                        .param("newPassword", OWN).param("confirmPassword", OWN))
                .andExpect(redirectedUrl("/login?changed"));
        jakarta.servlet.http.Cookie fresh = mvc.perform(post("/login").param("username", "first.login")
                        .param("password", OWN).with(csrf()))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/orgs").cookie(fresh)).andExpect(status().isOk());
        // The session is a row in the database, which is what lets a second instance serve the same user.
        assertThat(jdbc.sql("select count(*) from platform.spring_session where principal_name = 'first.login'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
        assertThat(auditCount("first.login", "user.passwordChanged")).isEqualTo(1);
    }

    @Test
    void theThreeAdministratorsStayApartAndOutOfEachOthersWork() throws Exception {
        long id = openAccount("separation.case", "430900");
        String both = """
                {"roles":["SYSADMIN","CLERK"]}""";
        mvc.perform(put("/api/v1/users/{id}/roles", id).with(DemoUsers.api("secadmin"))
                        .contentType(MediaType.APPLICATION_JSON).content(both))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("三员分立")));
        String clerk = """
                {"roles":["CLERK","REVIEWER"]}""";
        mvc.perform(put("/api/v1/users/{id}/roles", id).with(DemoUsers.api("sysadmin"))
                .contentType(MediaType.APPLICATION_JSON).content(clerk)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/users/{id}/roles", id).with(DemoUsers.api("secadmin"))
                        .contentType(MediaType.APPLICATION_JSON).content(clerk))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles[0]").value("CLERK"));
        long secadmin = jdbc.sql("select id from org.app_user where username = 'secadmin'").query(Long.class).single();
        mvc.perform(put("/api/v1/users/{id}/roles", secadmin).with(DemoUsers.api("secadmin"))
                .contentType(MediaType.APPLICATION_JSON).content(clerk)).andExpect(status().isForbidden());
        String newUser = """
                {"username":"by.secadmin","displayName":"越权","orgId":%d,"password":"%s"}
                """.formatted(DemoUsers.orgId(jdbc, "430900"), TEMP);
        mvc.perform(post("/api/v1/users").with(DemoUsers.api("secadmin")).contentType(MediaType.APPLICATION_JSON)
                .content(newUser)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users").with(DemoUsers.api("auditadmin"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/users").with(DemoUsers.api("auditadmin")).contentType(MediaType.APPLICATION_JSON)
                .content(newUser)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit").with(DemoUsers.api("sysadmin"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit").with(DemoUsers.api("yiyang.clerk"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select detail from audit.audit_log where action = 'user.rolesAssigned' and entity_id = ?")
                .param(Long.toString(id)).query(String.class).single()).contains("CLERK", "REVIEWER");
    }

    @Test
    void weakPasswordsAndTakenNamesAreRefusedWithTheReason() throws Exception {
        String weak = """
                {"username":"weak.pw","displayName":"弱","orgId":%d,"password":"abcdefgh"}
                """.formatted(DemoUsers.orgId(jdbc, "430900"));
        mvc.perform(post("/api/v1/users").with(DemoUsers.api("sysadmin")).contentType(MediaType.APPLICATION_JSON)
                .content(weak)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("至少三类")));
        String taken = """
                {"username":"heshan.clerk","displayName":"重名","orgId":%d,"password":"%s"}
                """.formatted(DemoUsers.orgId(jdbc, "430900"), TEMP);
        mvc.perform(post("/api/v1/users").with(DemoUsers.api("sysadmin")).contentType(MediaType.APPLICATION_JSON)
                .content(taken)).andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("heshan.clerk")));
    }

    @Test
    void formsNeedTheirCsrfTokenAndPagesCarrySecurityHeaders() throws Exception {
        mvc.perform(post("/login").param("username", "sysadmin").param("password", DemoUsers.PASSWORD)
                .with(csrf().useInvalidToken())).andExpect(status().isForbidden());
        // A form without its token, as after an expired session, sends the person back to sign in.
        mvc.perform(post("/login").param("username", "sysadmin").param("password", DemoUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().exists("X-Request-Id"));
        mvc.perform(get("/orgs")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
    }

    @Test
    void theOpenApiDescriptionListsTheApiForAnIntegrator() throws Exception {
        mvc.perform(get("/v3/api-docs").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/model-workers/import']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/programs/{id}/runs']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/batches/{id}/statement']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/controls/runs']").exists())
                // lists written as they are read still say what they hold
                .andExpect(jsonPath("$.paths['/api/v1/batches/{id}/items'].get.responses['200'].content['application/json'].schema.items['$ref']")
                        .value(org.hamcrest.Matchers.endsWith("/BatchItemView")))
                .andExpect(jsonPath("$.paths['/api/v1/funds/ledger'].get.responses['200'].content['application/json'].schema.items['$ref']")
                        .value(org.hamcrest.Matchers.endsWith("/LedgerEntry")));
    }
}
