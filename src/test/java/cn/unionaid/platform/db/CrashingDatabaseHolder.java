package cn.unionaid.platform.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link EmbeddedDatabaseCrashTests}: starts the persistent embedded server, commits one
 * row, says READY and waits to be killed with {@code kill -9}.
 */
public final class CrashingDatabaseHolder {

    private CrashingDatabaseHolder() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(Path.of(args[0]), Integer.parseInt(args[1]), "unionaid");
        try (Connection c = DriverManager.getConnection(server.ownerJdbcUrl());
                Statement st = c.createStatement()) {
            st.execute("create table if not exists survivor (note text not null)");
            st.execute("insert into survivor values ('" + args[2] + "')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
