package cn.unionaid.org;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.Role;

/**
 * A person's account. Holds the rules of 三员分立: an administrator role is held alone, never together with
 * another administrator role or with business work.
 */
public final class UserAccount {

    private final Long id;
    private final String username;
    private String displayName;
    private String passwordHash;
    private final long orgId;
    private boolean enabled;
    private boolean mustChangePassword;
    private final Set<Role> roles;
    private Instant lockedUntil;
    private final int version;

    public UserAccount(Long id, String username, String displayName, String passwordHash, long orgId, boolean enabled,
            boolean mustChangePassword, Set<Role> roles, Instant lockedUntil, int version) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.orgId = orgId;
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.lockedUntil = lockedUntil;
        this.version = version;
    }

    /** A new account; its first password is a temporary one that must be changed at first login. */
    public static UserAccount open(String username, String displayName, String passwordHash, long orgId,
            boolean mustChangePassword) {
        if (username == null || !username.matches("[a-z][a-z0-9._-]{2,63}")) {
            throw BusinessRuleException.invalid("user.error.username");
        }
        return new UserAccount(null, username, requireDisplayName(displayName), passwordHash, orgId, true,
                mustChangePassword, EnumSet.noneOf(Role.class), null, 0);
    }

    /** Replaces the roles. {@code grantor} may not change their own roles. */
    public void assignRoles(Set<Role> newRoles, String grantor) {
        if (username.equals(grantor)) {
            throw BusinessRuleException.forbidden("user.error.ownRoles");
        }
        checkSeparation(newRoles);
        roles.clear();
        roles.addAll(newRoles);
    }

    static void checkSeparation(Set<Role> roles) {
        long admin = roles.stream().filter(Role::isAdministrator).count();
        if (admin > 0 && roles.size() > 1) {
            throw BusinessRuleException.invalid("user.error.separation");
        }
    }

    public void changePassword(String newHash, boolean temporary) {
        this.passwordHash = newHash;
        this.mustChangePassword = temporary;
    }

    public void rename(String newDisplayName) {
        this.displayName = requireDisplayName(newDisplayName);
    }

    public void disable(String by) {
        if (username.equals(by)) {
            throw BusinessRuleException.forbidden("user.error.disableSelf");
        }
        enabled = false;
    }

    public void enable() {
        enabled = true;
    }

    public void unlock() {
        lockedUntil = null;
    }

    /** Holds one of the three administrator roles (三员). */
    public boolean isAdministrator() {
        return roles.stream().anyMatch(Role::isAdministrator);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    private static String requireDisplayName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 64) {
            throw BusinessRuleException.invalid("user.error.displayName");
        }
        return name.strip();
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public long orgId() {
        return orgId;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public int version() {
        return version;
    }
}
