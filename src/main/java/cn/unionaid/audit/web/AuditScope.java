package cn.unionaid.audit.web;

import cn.unionaid.platform.AuthenticatedUser;

final class AuditScope {

    private AuditScope() {
    }

    /** A reader at the root of the tree also sees entries that belong to no organisation. */
    static boolean isRoot(AuthenticatedUser user) {
        return user.scope().orgPath().chars().filter(c -> c == '/').count() == 2;
    }
}
