package cn.unionaid.platform.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PostgreSQL the application starts itself when no {@code spring.datasource.url} is given.
 *
 * @param dataDir   where the cluster lives; survives restarts
 * @param port      the port it listens on (localhost only)
 * @param database  the database the application uses inside the cluster
 * @param ephemeral a throw-away cluster in a temporary directory on a free port, one per JVM (tests)
 */
@ConfigurationProperties("unionaid.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data/pg") Path dataDir,
        @DefaultValue("15432") int port,
        @DefaultValue("unionaid") String database,
        @DefaultValue("false") boolean ephemeral) {
}
