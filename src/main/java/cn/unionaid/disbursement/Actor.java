package cn.unionaid.disbursement;

import java.util.Set;

import cn.unionaid.platform.AuthenticatedUser;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.Role;

/** Who acts on a batch: the account and the business roles it holds. */
public record Actor(String username, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    static Actor current() {
        AuthenticatedUser user = CurrentUser.require();
        return new Actor(user.getUsername(), user.roles());
    }
}
