package cn.unionaid;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A union of its own for a test that counts people, opened and staffed through the API the way the
 * administrators would: the system administrator opens the union and the accounts, the security administrator
 * gives the roles.
 */
public final class TestUnions {

    public static final String PASSWORD = "Test#2026x";

    private TestUnions() {
    }

    /** Opens {@code code} under 益阳市总工会 as a county union of {@code region}, with users and their roles. */
    public static long open(MockMvc mvc, JdbcClient jdbc, String code, String name, String region,
            Map<String, String> userRoles) throws Exception {
        return openUnder(mvc, jdbc, DemoUsers.orgId(jdbc, "430900"), code, name, "COUNTY", region, userRoles);
    }

    /** Opens {@code code} under the union {@code parentId} at {@code level} for {@code region}, with users and roles. */
    public static long openUnder(MockMvc mvc, JdbcClient jdbc, long parentId, String code, String name, String level,
            String region, Map<String, String> userRoles) throws Exception {
        mvc.perform(post("/api/v1/orgs").with(DemoUsers.api("sysadmin")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"parentId":%d,"code":"%s","name":"%s","level":"%s","regionCode":"%s"}
                        """.formatted(parentId, code, name, level, region))).andExpect(status().isCreated());
        long org = DemoUsers.orgId(jdbc, code);
        staff(mvc, jdbc, org, userRoles);
        return org;
    }

    /** Accounts with their roles at an existing union (as its administrators would open them), ready to use. */
    public static void staff(MockMvc mvc, JdbcClient jdbc, long org, Map<String, String> userRoles) throws Exception {
        for (Map.Entry<String, String> u : userRoles.entrySet()) {
            mvc.perform(post("/api/v1/users").with(DemoUsers.api("sysadmin")).contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"username":"%s","displayName":"%s","orgId":%d,"password":"%s"}
                            """.formatted(u.getKey(), u.getKey(), org, PASSWORD))).andExpect(status().isCreated());
            long id = jdbc.sql("select id from org.app_user where username = ?").param(u.getKey()).query(Long.class).single();
            mvc.perform(put("/api/v1/users/{id}/roles", id).with(DemoUsers.api("secadmin"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[" + u.getValue() + "]}"))
                    .andExpect(status().isOk());
            // As if they had chosen their own password at their first login, so that the pages open for them.
            jdbc.sql("update org.app_user set must_change_password = false where id = ?").param(id).update();
        }
    }
}
