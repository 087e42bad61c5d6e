package cn.unionaid.audit;

import cn.unionaid.IntegrationTest;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.shared.FieldCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Full personal data opens only for roles that need it, and each opening leaves an audit entry. */
@IntegrationTest
class PersonalDataDisclosureTests {

    @Autowired
    PersonalDataDisclosure disclosure;
    @Autowired
    FieldCipher cipher;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    private void signIn(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long views(String actor) {
        return jdbc.sql("select count(*) from audit.audit_log where actor = ? and action = 'personal.viewed'").param(actor)
                .query(Long.class).single();
    }

    @Test
    void aClerkSeesTheFullNumberAndTheViewIsAudited() {
        byte[] sealed = cipher.encrypt("430903199001011237");
        signIn("heshan.clerk");
        long before = views("heshan.clerk");
        assertThat(disclosure.reveal("model_worker", 42, "idNumber", sealed)).isEqualTo("430903199001011237");
        assertThat(views("heshan.clerk")).isEqualTo(before + 1);
        assertThat(jdbc.sql("select detail from audit.audit_log where actor = 'heshan.clerk' and action = 'personal.viewed' "
                + "order by id desc limit 1").query(String.class).single()).contains("idNumber").doesNotContain("4309031990");
    }

    @Test
    void aLeaderAndTheAdministratorsSeeMaskedValuesOnly() {
        byte[] sealed = cipher.encrypt("6217000011112222");
        for (String who : new String[] {"yiyang.leader", "sysadmin", "auditadmin"}) {
            signIn(who);
            assertThatThrownBy(() -> disclosure.reveal("household", 1, "bankCard", sealed))
                    .isInstanceOf(BusinessRuleException.class);
            assertThat(views(who)).isZero();
        }
    }
}
