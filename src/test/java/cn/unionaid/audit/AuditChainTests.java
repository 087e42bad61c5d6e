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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
    @Autowired
    cn.unionaid.platform.db.EmbeddedDatabaseServer server;

    @Test
    void theDatabaseRefusesToUpdateOrDeleteAuditRows() {
        // The application's login has no right to change the log at all ...
        for (String sql : java.util.List.of("update audit.audit_log set actor = 'someone' where id = (select min(id) from audit.audit_log)",
                "delete from audit.audit_log", "truncate audit.audit_log")) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).isInstanceOf(DataAccessException.class)
                    .hasStackTraceContaining("permission denied");
            // ... and even the owner meets the append-only triggers unless they switch them off.
            assertThatThrownBy(() -> owner().update(sql)).isInstanceOf(DataAccessException.class)
                    .hasStackTraceContaining("append-only");
        }
    }

    @Test
    void theApplicationsLoginCannotSwitchTriggersOffOrAlterTheLog() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("unionaid_app");
        assertThatThrownBy(() -> jdbc.sql("alter table audit.audit_log disable trigger audit_log_no_update_delete").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("owner");
        assertThatThrownBy(() -> jdbc.sql("set session_replication_role = replica").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from audit.audit_log where id = 1").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied");
    }

    @Test
    void aChainRehashedWithoutTheKeyIsFound() {
        long victim = jdbc.sql("select min(id) from audit.audit_log where action = 'user.opened'").query(Long.class).single();
        java.util.List<Object[]> saved = owner().queryForList("select id, detail, prev_hash, hash from audit.audit_log where id >= ? order by id",
                victim).stream().map(m -> new Object[] {m.get("id"), m.get("detail"), m.get("prev_hash"), m.get("hash")}).toList();
        try {
            // A database superuser edits a row and re-computes every hash after it with SM3, as the old chain was built.
            bypassTriggers("update audit.audit_log set detail = '{\"username\":\"ghost\"}' where id = " + victim);
            byte[] prev = owner().queryForObject("select prev_hash from audit.audit_log where id = ?", byte[].class, victim);
            for (Object[] row : saved) {
                long id = (Long) row[0];
                byte[] forged = cn.unionaid.shared.FieldCipher.sm3(concat(Long.toString(id).getBytes(), prev));
                bypassTriggers("update audit.audit_log set prev_hash = '\\x" + java.util.HexFormat.of().formatHex(prev)
                        + "', hash = '\\x" + java.util.HexFormat.of().formatHex(forged) + "' where id = " + id);
                prev = forged;
            }
            ChainVerification result = verifier.verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.firstBrokenId()).isEqualTo(victim);
        } finally {
            owner().execute("set session_replication_role = replica");
            for (Object[] row : saved) {
                owner().update("update audit.audit_log set detail = ?, prev_hash = ?, hash = ? where id = ?", row[1], row[2], row[3], row[0]);
            }
            owner().execute("set session_replication_role = origin");
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void deletingTheNewestRowsIsNamedAgainstTheAnchor() throws Exception {
        String body = mvc.perform(post("/api/v1/audit/anchors").with(DemoUsers.api("auditadmin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long anchored = Long.parseLong(body.replaceAll(".*\"rowId\":(\\d+).*", "$1"));
        long keep = anchored - 3;
        owner().execute("create table if not exists audit.audit_tail_copy as select * from audit.audit_log where false");
        owner().update("insert into audit.audit_tail_copy select * from audit.audit_log where id > ?", keep);
        try {
            bypassTriggers("delete from audit.audit_log where id > " + keep);
            ChainVerification result = verifier.verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.tailDeleted()).isTrue();
            assertThat(result.missingAfterId()).isEqualTo(keep);
            assertThat(result.missingThroughId()).isGreaterThanOrEqualTo(anchored);
            mvc.perform(get("/audit/verify").with(DemoUsers.page(users, "auditadmin")))
                    .andExpect(content().string(containsString("日志末尾的记录被删除——现存最后一条是第 " + keep + " 号")));
        } finally {
            // The verification page logged itself onto the shortened chain: those rows go before the tail comes back.
            bypassTriggers("delete from audit.audit_log where id > " + keep);
            bypassTriggers("insert into audit.audit_log select * from audit.audit_tail_copy");
            owner().execute("drop table audit.audit_tail_copy");
        }
    }

    @Test
    void aTamperedRowIsFoundAndNamed() throws Exception {
        mvc.perform(get("/api/v1/audit/verify").with(DemoUsers.api("auditadmin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ok").value(true));
        long victim = jdbc.sql("select min(id) from audit.audit_log where action = 'user.opened'").query(Long.class).single();
        String original = jdbc.sql("select detail from audit.audit_log where id = ?").param(victim).query(String.class).single();
        try {
            bypassTriggers("update audit.audit_log set detail = '{\"username\":\"ghost\"}' where id = " + victim);
            mvc.perform(get("/api/v1/audit/verify").with(DemoUsers.api("auditadmin")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ok").value(false))
                    .andExpect(jsonPath("$.firstBrokenId").value(victim));
            mvc.perform(get("/audit/verify").with(DemoUsers.page(users, "auditadmin")))
                    .andExpect(content().string(containsString("校验失败：第 " + victim + " 号记录")));
        } finally {
            bypassTriggers("update audit.audit_log set detail = '" + original.replace("'", "''") + "' where id = " + victim);
        }
        mvc.perform(get("/api/v1/audit/verify").with(DemoUsers.api("auditadmin"))).andExpect(jsonPath("$.ok").value(true));
    }

    @Test
    void aForgedRowIsFound() {
        // Verified through the bean, not the API: the API's own audit entry would chain onto the forged row.
        long last = jdbc.sql("select max(id) from audit.audit_log").query(Long.class).single();
        bypassTriggers("""
                insert into audit.audit_log (id, occurred_at, actor, action, prev_hash, hash)
                values (nextval('audit.audit_log_seq'), now(), 'forger', 'org.opened', '\\x00', '\\x00')
                """);
        long forged = jdbc.sql("select max(id) from audit.audit_log").query(Long.class).single();
        try {
            ChainVerification result = verifier.verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.firstBrokenId()).isEqualTo(forged);
        } finally {
            bypassTriggers("delete from audit.audit_log where id = " + forged);
        }
        assertThat(forged).isGreaterThan(last);
    }

    @Test
    void theAuditAdministratorSearchesTheLogOnThePage() throws Exception {
        mvc.perform(get("/audit").param("action", "user.opened").param("actor", "system").with(DemoUsers.page(users, "auditadmin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("新建用户")))
                .andExpect(content().string(containsString("heshan.clerk")));
        mvc.perform(get("/audit").with(DemoUsers.page(users, "sysadmin"))).andExpect(status().isForbidden());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The owner's connection: what a database administrator has, and the application does not. */
    private JdbcTemplate dba;

    @org.junit.jupiter.api.AfterEach
    void closeOwnerConnection() {
        if (dba != null) {
            ((org.springframework.jdbc.datasource.SingleConnectionDataSource) dba.getDataSource()).destroy();
        }
    }

    private JdbcTemplate owner() {
        if (dba != null) {
            return dba;
        }
        return dba = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                server.ownerJdbcUrl(), cn.unionaid.platform.db.EmbeddedDatabaseServer.OWNER, "", true));
    }

    /** Plays a database administrator who switches the triggers off for one session. */
    private void bypassTriggers(String sql) {
        owner().execute((java.sql.Connection c) -> {
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
