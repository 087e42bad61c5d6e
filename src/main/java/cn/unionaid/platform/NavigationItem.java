package cn.unionaid.platform;

import java.util.Set;

/**
 * An entry of the top navigation, contributed as a bean by the module that owns the page. Shown to users
 * holding any of {@code roles}; an empty set means every signed-in user.
 */
public record NavigationItem(int order, String messageKey, String path, Set<Role> roles) {

    public boolean visibleTo(AuthenticatedUser user) {
        return roles.isEmpty() || roles.stream().anyMatch(user::has);
    }
}
