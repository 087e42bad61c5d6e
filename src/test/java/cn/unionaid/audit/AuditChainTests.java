package cn.unionaid.audit;

import cn.unionaid.DemoUsers;
import cn.unionaid.IntegrationTest;
import cn.unionaid.audit.internal.AuditChainVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit log refuses changes, and a change made behind its back is found by re-computing the chain. */
@IntegrationTest
class AuditChainTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    UserDetailsService users;
    @Autowired
    AuditChainVerifier verifier;

    @Test
    void theDatabaseRefusesToUpdateOrDeleteAuditRows() {
        assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'someone' where id = (select min(id) from audit_log)")
                .update()).isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
    }

    @Test
    void aTamperedRowIsFoundAndNamed() throws Exception {
        mvc.perform(get("/api/v1/audit/verify").with(DemoUsers.api("auditadmin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ok").value(true));
        long victim = jdbc.sql("select min(id) from audit_log where action = 'user.opened'").query(Long.class).single();
        String original = jdbc.sql("select detail from audit_log where id = ?").param(victim).query(String.class).single();
        try {
            bypassTriggers("update audit_log set detail = '{\"username\":\"ghost\"}' where id = " + victim);
            mvc.perform(get("/api/v1/audit/verify").with(DemoUsers.api("auditadmin")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ok").value(false))
                    .andExpect(jsonPath("$.firstBrokenId").value(victim));
            mvc.perform(get("/audit/verify").with(DemoUsers.page(users, "auditadmin")))
                    .andExpect(content().string(containsString("校验失败：第 " + victim + " 号记录")));
        } finally {
            bypassTriggers("update audit_log set detail = '" + original.replace("'", "''") + "' where id = " + victim);
        }
        mvc.perform(get("/api/v1/audit/verify").with(DemoUsers.api("auditadmin"))).andExpect(jsonPath("$.ok").value(true));
    }

    @Test
    void aForgedRowIsFound() {
        // Verified through the bean, not the API: the API's own audit entry would chain onto the forged row.
        long last = jdbc.sql("select max(id) from audit_log").query(Long.class).single();
        bypassTriggers("""
                insert into audit_log (id, occurred_at, actor, action, prev_hash, hash)
                values (nextval('audit_log_seq'), now(), 'forger', 'org.opened', '\\x00', '\\x00')
                """);
        long forged = jdbc.sql("select max(id) from audit_log").query(Long.class).single();
        try {
            ChainVerification result = verifier.verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.firstBrokenId()).isEqualTo(forged);
        } finally {
            bypassTriggers("delete from audit_log where id = " + forged);
        }
        assertThat(forged).isGreaterThan(last);
    }

    @Test
    void theAuditAdministratorSearchesTheLogOnThePage() throws Exception {
        mvc.perform(get("/audit").param("action", "user.opened").with(DemoUsers.page(users, "auditadmin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("新建用户")))
                .andExpect(content().string(containsString("heshan.clerk")));
        mvc.perform(get("/audit").with(DemoUsers.page(users, "sysadmin"))).andExpect(status().isForbidden());
    }

    /** Plays a database administrator who switches the triggers off for one session. */
    private void bypassTriggers(String sql) {
        jdbcTemplate.execute((java.sql.Connection c) -> {
            try (var st = c.createStatement()) {
                st.execute("set session_replication_role = replica");
                try {
                    st.execute(sql);
                } finally {
                    st.execute("set session_replication_role = origin");
                }
            }
            return null;
        });
    }
}
