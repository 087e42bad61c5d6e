package cn.unionaid.org.internal;

import cn.unionaid.platform.RequestContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads the signed-in person with their organisation's path, which bounds every query they make. */
@Component
class AccountDetailsService implements UserDetailsService {

    private final UserRepository users;

    AccountDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.principal(username, RequestContext.clientAddress().orElse("")).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
