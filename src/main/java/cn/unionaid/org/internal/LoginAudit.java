package cn.unionaid.org.internal;

import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.platform.AuthenticatedUser;
import cn.unionaid.platform.RequestContext;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins towards the lockout (per account and source address) and writes logins, failures and lockouts to the audit log. Form
 * login and HTTP Basic on the API go through the same authentication manager, so both are counted.
 */
@Component
class LoginAudit {

    private final UserRepository users;
    private final AuditLog audit;

    LoginAudit(UserRepository users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @EventListener
    @Transactional
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String username = truncate(event.getAuthentication().getName());
        Long orgId = users.findByUsername(username).map(u -> u.orgId()).orElse(null);
        boolean lockedNow = users.recordFailedLogin(username, source(), users.policy());
        audit.recordAs(username, orgId, "auth.loginFailed", "user", username, Map.of());
        if (lockedNow) {
            audit.recordAs(username, orgId, "auth.locked", "user", username,
                    Map.of("minutes", users.policy().lockoutMinutes()));
        }
    }

    @EventListener
    @Transactional
    public void onLocked(AuthenticationFailureLockedEvent event) {
        String username = truncate(event.getAuthentication().getName());
        Long orgId = users.findByUsername(username).map(u -> u.orgId()).orElse(null);
        audit.recordAs(username, orgId, "auth.refusedLocked", "user", username, Map.of());
    }

    /** Every successful authentication, including each API call: a good password breaks a run of failures. */
    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        users.clearFailedAttempts(event.getAuthentication().getName(), source());
    }

    @EventListener
    @Transactional
    public void onInteractiveLogin(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AuthenticatedUser user) {
            users.recordSuccessfulLogin(user.getUsername());
            audit.recordAs(user.getUsername(), user.orgId(), "auth.login", "user", user.userId(), Map.of());
        }
    }

    private static String source() {
        return RequestContext.clientAddress().orElse("");
    }

    private static String truncate(String name) {
        String n = name == null ? "" : name.strip();
        return n.length() > 64 ? n.substring(0, 64) : n;
    }
}
