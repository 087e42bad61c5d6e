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

    @Bean
    NavigationItem parametersNavigation() {
        return new NavigationItem(41, "nav.parameters", "/policy/parameters",
                EnumSet.of(Role.CLERK, Role.REVIEWER, Role.LEADER, Role.FINANCE, Role.AUDITOR));
    }
}
