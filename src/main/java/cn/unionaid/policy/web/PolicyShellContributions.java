package cn.unionaid.policy.web;

import java.util.EnumSet;

import cn.unionaid.platform.NavigationGroup;
import cn.unionaid.platform.NavigationItem;
import cn.unionaid.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PolicyShellContributions {

    @Bean
    NavigationItem programsNavigation() {
        return new NavigationItem(40, NavigationGroup.AID, "nav.programs", "/policy/programs",
                EnumSet.of(Role.CLERK, Role.REVIEWER, Role.LEADER, Role.FINANCE, Role.AUDITOR));
    }

    /** 待办: each proposal of the user's own union, by someone else, that waits for a reviewer's or leader's decision. */
    @Bean
    cn.unionaid.platform.ToDo.Source standardsToDecide(cn.unionaid.policy.Parameters parameters,
            cn.unionaid.platform.Messages messages) {
        return user -> {
            if (!user.roles().contains(Role.REVIEWER) && !user.roles().contains(Role.LEADER)
                    && !user.roles().contains(Role.CLERK)) {
                return java.util.List.of();
            }
            boolean decides = user.roles().contains(Role.REVIEWER) || user.roles().contains(Role.LEADER);
            java.util.Map<String, String> names = parameters.names();
            return parameters.proposed().stream().filter(v -> v.orgId() == user.orgId())
                    .map(v -> {
                        boolean mine = decides && !v.proposedBy().equals(user.getUsername());
                        return new cn.unionaid.platform.ToDo(30, messages.get(mine ? "parameter.todo.mine" : "parameter.todo.waiting",
                                names.getOrDefault(v.key(), v.key()), v.effectiveFrom()), "/policy/parameters", mine, false);
                    }).toList();
        };
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
        return new NavigationItem(41, NavigationGroup.AID, "nav.parameters", "/policy/parameters",
                EnumSet.of(Role.CLERK, Role.REVIEWER, Role.LEADER, Role.FINANCE, Role.AUDITOR));
    }
}
