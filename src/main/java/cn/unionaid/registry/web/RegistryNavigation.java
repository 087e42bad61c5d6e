package cn.unionaid.registry.web;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import cn.unionaid.platform.HomeTile;
import cn.unionaid.platform.NavigationGroup;
import cn.unionaid.platform.NavigationItem;
import cn.unionaid.platform.Role;
import cn.unionaid.registry.Registry;
import cn.unionaid.registry.RegistryFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegistryNavigation {

    private static final Set<Role> BUSINESS = EnumSet.of(Role.CLERK, Role.REVIEWER, Role.LEADER, Role.FINANCE, Role.AUDITOR);

    @Bean
    NavigationItem modelWorkersNavigation() {
        return new NavigationItem(20, NavigationGroup.ARCHIVES, "nav.modelWorkers", "/registry/model-workers", BUSINESS);
    }

    @Bean
    NavigationItem householdsNavigation() {
        return new NavigationItem(21, NavigationGroup.ARCHIVES, "nav.households", "/registry/households", BUSINESS);
    }

    @Bean
    NavigationItem importNavigation() {
        return new NavigationItem(22, NavigationGroup.ARCHIVES, "nav.import", "/registry/import", EnumSet.of(Role.CLERK));
    }

    @Bean
    NavigationItem surveysNavigation() {
        return new NavigationItem(23, NavigationGroup.ARCHIVES, "nav.surveys", "/registry/surveys", BUSINESS);
    }

    @Bean
    NavigationItem recheckNavigation() {
        return new NavigationItem(24, NavigationGroup.ARCHIVES, "nav.recheck", "/registry/recheck", EnumSet.of(Role.CLERK, Role.REVIEWER, Role.AUDITOR));
    }

    /** 待办: people still to survey this year, marked overdue after the deadline. */
    @Bean
    cn.unionaid.platform.ToDo.Source surveysDue(cn.unionaid.registry.Surveys surveys, cn.unionaid.platform.Messages messages) {
        return user -> {
            if (!user.roles().contains(Role.CLERK)) {
                return java.util.List.of();
            }
            java.time.LocalDate today = java.time.LocalDate.now();
            long pending = surveys.countPending(user.scope(), today.getYear());
            java.time.LocalDate deadline = surveys.deadline(today.getYear());
            boolean overdue = today.isAfter(deadline);
            return pending == 0 ? java.util.List.of() : java.util.List.of(new cn.unionaid.platform.ToDo(60,
                    messages.get(overdue ? "survey.todo.overdue" : "survey.todo.due", pending,
                            cn.unionaid.shared.ChineseDates.format(deadline)),
                    "/registry/surveys", true, overdue));
        };
    }

    @Bean
    HomeTile modelWorkersTile(Registry registry) {
        return user -> user.roles().stream().anyMatch(BUSINESS::contains)
                ? Optional.of(new HomeTile.Figure(30, "home.modelWorkers",
                        registry.countModelWorkers(user.scope(), new RegistryFilter(null, null, null, null, null, "IN_REGISTER")),
                        "/registry/model-workers"))
                : Optional.empty();
    }

    @Bean
    HomeTile householdsTile(Registry registry) {
        return user -> user.roles().stream().anyMatch(BUSINESS::contains)
                ? Optional.of(new HomeTile.Figure(31, "home.households",
                        registry.countHouseholds(user.scope(), new RegistryFilter(null, null, null, null, null, "IN_FILE")),
                        "/registry/households"))
                : Optional.empty();
    }

    @Bean
    NavigationItem confirmationsNavigation() {
        return new NavigationItem(25, NavigationGroup.ARCHIVES, "nav.confirmations", "/registry/confirmations",
                EnumSet.of(Role.CLERK, Role.REVIEWER, Role.LEADER, Role.AUDITOR));
    }
}
