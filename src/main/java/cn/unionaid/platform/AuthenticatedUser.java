package cn.unionaid.platform;

import java.io.Serial;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person, with the organisation that bounds what they may see. */
public final class AuthenticatedUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final DataScope scope;
    private final String orgName;
    private final Set<Role> roles;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;

    public AuthenticatedUser(long userId, String username, String displayName, String passwordHash, DataScope scope,
            String orgName, Set<Role> roles, boolean enabled, boolean locked, boolean mustChangePassword) {
        this.userId = userId;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.scope = scope;
        this.orgName = orgName;
        this.roles = Set.copyOf(roles);
        this.enabled = enabled;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
    }

    public long userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    public DataScope scope() {
        return scope;
    }

    public long orgId() {
        return scope.orgId();
    }

    public String orgName() {
        return orgName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** For templates: {@code me.hasRole('SYSADMIN')}. */
    public boolean hasRole(String roleName) {
        return roles.stream().anyMatch(r -> r.name().equals(roleName));
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
