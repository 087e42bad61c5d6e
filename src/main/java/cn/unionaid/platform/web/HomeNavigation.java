package cn.unionaid.platform.web;

import java.util.Set;

import cn.unionaid.platform.NavigationGroup;
import cn.unionaid.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HomeNavigation {

    @Bean
    NavigationItem homePageNavigation() {
        return new NavigationItem(0, NavigationGroup.HOME, "nav.home", "/", Set.of());
    }
}
