package cn.unionaid.registry.web;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import cn.unionaid.platform.HomeTile;
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
        return new NavigationItem(20, "nav.modelWorkers", "/registry/model-workers", BUSINESS);
    }

    @Bean
    NavigationItem householdsNavigation() {
        return new NavigationItem(21, "nav.households", "/registry/households", BUSINESS);
    }

    @Bean
    NavigationItem importNavigation() {
        return new NavigationItem(22, "nav.import", "/registry/import", EnumSet.of(Role.CLERK));
    }

    @Bean
    NavigationItem surveysNavigation() {
        return new NavigationItem(23, "nav.surveys", "/registry/surveys", BUSINESS);
    }

    @Bean
    NavigationItem recheckNavigation() {
        return new NavigationItem(24, "nav.recheck", "/registry/recheck", EnumSet.of(Role.CLERK, Role.REVIEWER, Role.AUDITOR));
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
}
