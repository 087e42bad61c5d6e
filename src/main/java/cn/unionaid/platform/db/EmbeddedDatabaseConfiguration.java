package cn.unionaid.platform.db;


import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Without {@code spring.datasource.url} (or {@code SPRING_DATASOURCE_URL}) the application runs on its own
 * PostgreSQL; with it, this configuration steps aside and Spring Boot connects to that server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseServer embeddedDatabaseServer(EmbeddedDatabaseProperties properties) {
        if (properties.ephemeral()) {
            return EmbeddedDatabaseServer.sharedEphemeral(properties.database());
        }
        return EmbeddedDatabaseServer.start(properties.dataDir(), properties.port(), properties.database());
    }

    /** Hikari settings still bind from {@code spring.datasource.hikari.*}. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabaseServer server) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.jdbcUrl());
        ds.setUsername(EmbeddedDatabaseServer.APPLICATION_ROLE);
        ds.setPoolName("unionaid");
        return ds;
    }

    /** Flyway migrates as the owner; the application's pool has only the rights V15 grants. */
    @Bean
    FlywayConfigurationCustomizer migrateAsOwner(EmbeddedDatabaseServer server) {
        return configuration -> configuration.dataSource(server.ownerJdbcUrl(), EmbeddedDatabaseServer.OWNER, null);
    }
}
