package cn.unionaid.platform;

import java.util.Set;

/**
 * An entry of the side menu, contributed as a bean by the module that owns the page, in a {@link NavigationGroup}.
 * Shown to users holding any of {@code roles}; an empty set means every signed-in user.
 */
public record NavigationItem(int order, NavigationGroup group, String messageKey, String path, Set<Role> roles) {

    public boolean visibleTo(AuthenticatedUser user) {
        return roles.isEmpty() || roles.stream().anyMatch(user::has);
    }

    /** Whether a request path belongs to this entry's pages (the entry itself or a page below it). */
    public boolean covers(String requestPath) {
        return path.equals("/") ? requestPath.equals("/") : requestPath.equals(path) || requestPath.startsWith(path + "/");
    }
}
