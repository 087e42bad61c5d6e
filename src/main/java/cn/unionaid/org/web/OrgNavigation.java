package cn.unionaid.org.web;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import cn.unionaid.org.Organisations;
import cn.unionaid.org.Users;
import cn.unionaid.platform.HomeTile;
import cn.unionaid.platform.NavigationGroup;
import cn.unionaid.platform.NavigationItem;
import cn.unionaid.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The org module's entries in the navigation and its figures on the home page. */
@Configuration(proxyBeanMethods = false)
class OrgNavigation {

    @Bean
    NavigationItem organisationsNavigation() {
        return new NavigationItem(10, NavigationGroup.SYSTEM, "nav.orgs", "/orgs", Set.of());
    }

    @Bean
    NavigationItem usersNavigation() {
        return new NavigationItem(80, NavigationGroup.SYSTEM, "nav.users", "/users", EnumSet.of(Role.SYSADMIN, Role.SECADMIN, Role.AUDITADMIN));
    }

    @Bean
    NavigationItem regionsNavigation() {
        return new NavigationItem(85, NavigationGroup.SYSTEM, "nav.regions", "/regions", Set.of());
    }

    @Bean
    NavigationItem policyNavigation() {
        return new NavigationItem(90, NavigationGroup.SYSTEM, "nav.policy", "/security/policy", EnumSet.of(Role.SECADMIN));
    }

    @Bean
    HomeTile organisationsTile(Organisations organisations) {
        return user -> Optional.of(new HomeTile.Figure(10, "home.orgs", organisations.countVisible(user.scope()), "/orgs"));
    }

    @Bean
    HomeTile usersTile(Users users) {
        return user -> user.has(Role.SYSADMIN) || user.has(Role.SECADMIN)
                ? Optional.of(new HomeTile.Figure(20, "home.users", users.countVisible(user.scope()), "/users"))
                : Optional.empty();
    }
}
