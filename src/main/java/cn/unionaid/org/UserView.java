package cn.unionaid.org;

import java.time.Instant;
import java.util.Set;

import cn.unionaid.platform.Role;

/** An account as lists and the API show it; never the password hash. */
public record UserView(long id, String username, String displayName, long orgId, String orgName, boolean enabled,
        boolean locked, Set<Role> roles, Instant lastLoginAt) {
}
