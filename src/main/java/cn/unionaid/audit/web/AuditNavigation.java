package cn.unionaid.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;

import cn.unionaid.audit.internal.AuditQueries;
import cn.unionaid.platform.HomeTile;
import cn.unionaid.platform.NavigationGroup;
import cn.unionaid.platform.NavigationItem;
import cn.unionaid.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavigationItem auditLogNavigation() {
        return new NavigationItem(95, NavigationGroup.SYSTEM, "nav.audit", "/audit", EnumSet.of(Role.AUDITADMIN));
    }

    @Bean
    HomeTile auditTodayTile(AuditQueries queries) {
        return user -> user.has(Role.AUDITADMIN)
                ? Optional.of(new HomeTile.Figure(90, "home.auditToday",
                        queries.countSince(user.scope(), LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toInstant()),
                        "/audit"))
                : Optional.empty();
    }
}
