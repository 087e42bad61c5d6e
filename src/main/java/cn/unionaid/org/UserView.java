package cn.unionaid.org;

import java.time.Instant;
import java.util.Set;

import cn.unionaid.platform.Role;

/**
 * An account as lists and the API show it; never the password hash.
 *
 * @param locked           locked out from at least one source address
 * @param resetRequestedBy for an administrator: who asked for a password reset that waits for approval
 */
public record UserView(long id, String username, String displayName, long orgId, String orgName, boolean enabled,
        boolean locked, Set<Role> roles, Instant lastLoginAt, String resetRequestedBy) {

    public boolean administrator() {
        return roles.stream().anyMatch(Role::isAdministrator);
    }
}
