package cn.unionaid.platform.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The static files, served only under their own paths ({@code spring.web.resources.add-mappings=false} turns off
 * Boot's catch-all {@code /**} handler). With the catch-all, every link a page builds ({@code @{/registry/…}}) was
 * first looked for as a static file in the jars and on disk — a miss, never cached — which cost a list page about
 * two thirds of its time (found by the scale harness's wrk run). Web jars are referred to without their version (htmx).
 */
@Configuration
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl hour = CacheControl.maxAge(Duration.ofHours(1));
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").setCacheControl(hour);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").setCacheControl(hour);
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(30))).resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
