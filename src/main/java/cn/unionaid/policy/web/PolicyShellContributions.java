package cn.unionaid.policy.web;

import java.util.EnumSet;

import cn.unionaid.platform.NavigationItem;
import cn.unionaid.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PolicyShellContributions {

    @Bean
    NavigationItem programsNavigation() {
        return new NavigationItem(40, "nav.programs", "/policy/programs",
                EnumSet.of(Role.CLERK, Role.REVIEWER, Role.LEADER, Role.FINANCE, Role.AUDITOR));
    }

    /** 待办: the proposals of the reviewer's or leader's own union, by others, that wait for their decision. */
    @Bean
    cn.unionaid.platform.HomeTile standardsToApproveTile(cn.unionaid.policy.Parameters parameters) {
        return user -> user.roles().contains(Role.REVIEWER) || user.roles().contains(Role.LEADER)
                ? java.util.Optional.of(new cn.unionaid.platform.HomeTile.Figure(35, "home.standardsToApprove",
                        parameters.proposed().stream().filter(v -> v.orgId() == user.orgId()
                                && !v.proposedBy().equals(user.getUsername())).count(), "/policy/parameters"))
                : java.util.Optional.empty();
    }

    @Bean
    NavigationItem parametersNavigation() {
        return new NavigationItem(41, "nav.parameters", "/policy/parameters",
                EnumSet.of(Role.CLERK, Role.REVIEWER, Role.LEADER, Role.FINANCE, Role.AUDITOR));
    }
}
