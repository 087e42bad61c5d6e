package cn.unionaid.platform.db;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database survives a {@code kill -9} of the JVM (its postmaster is left running) and of the
 * JVM and the postmaster together (a stale pid file and WAL recovery), with every committed row kept.
 */
class EmbeddedDatabaseCrashTests {

    @Test
    void committedDataSurvivesKillingTheJvmAndThenTheJvmWithItsDatabase() throws Exception {
        Path dir = Files.createTempDirectory("unionaid-crash").resolve("pg");
        int port = freePort();

        Process first = holder(dir, port, "before-jvm-kill");
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(Files.exists(dir.resolve("postmaster.pid"))).as("the orphaned postmaster still runs").isTrue();
        assertThat(notes(dir, port)).containsExactly("before-jvm-kill");

        Process second = holder(dir, port, "before-both-killed");
        long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
        second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        ProcessHandle pg = ProcessHandle.of(postmaster).orElseThrow();
        pg.destroyForcibly();
        pg.onExit().get(30, TimeUnit.SECONDS);
        assertThat(Files.exists(dir.resolve("postmaster.pid"))).as("a stale pid file is left behind").isTrue();
        assertThat(notes(dir, port)).containsExactly("before-jvm-kill", "before-both-killed");
    }

    private static List<String> notes(Path dir, int port) throws Exception {
        try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(dir, port, "unionaid");
                Connection c = DriverManager.getConnection(server.ownerJdbcUrl());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select note from survivor order by ctid")) {
            List<String> notes = new ArrayList<>();
            while (rs.next()) {
                notes.add(rs.getString(1));
            }
            ResultSet fsync = c.createStatement().executeQuery("show fsync");
            fsync.next();
            assertThat(fsync.getString(1)).isEqualTo("on");
            return notes;
        }
    }

    private static Process holder(Path dir, int port, String note) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingDatabaseHolder.class.getName(), dir.toString(), Integer.toString(port), note)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("READY")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return p;
            }
        }
        throw new IllegalStateException("the holder JVM died before it was ready: exit " + p.waitFor());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
