package cn.unionaid.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The message bundles (messages*.properties, UTF-8) as the one {@code messageSource}, numbers written plainly. */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    MessageSource messageSource(@Value("${spring.messages.basename:messages}") String basename) {
        PlainNumberMessageSource source = new PlainNumberMessageSource();
        source.setBasenames(basename.split(","));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
