package cn.unionaid.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After the first start has created the demo tree and users ({@code UNIONAID_DEMO=true}), builds the demo year
 * unless it is there; {@code unionaid.demo-year=false} leaves it out. A failure is logged and the application
 * starts anyway.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = {"unionaid.demo", "unionaid.demo-year"}, havingValue = "true", matchIfMissing = false)
class DemoYearOnFirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoYearOnFirstStart.class);

    /** The advisory lock two instances starting together take, so that one builds the year and the other finds it. */
    private static final long DEMO_YEAR_LOCK = 0x44454d4f59454152L;

    private final DemoYear year;
    private final javax.sql.DataSource dataSource;

    DemoYearOnFirstStart(DemoYear year, javax.sql.DataSource dataSource) {
        this.year = year;
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) {
        // A connection of its own holds the lock for the whole build, which runs in many transactions.
        try (java.sql.Connection lock = dataSource.getConnection(); java.sql.Statement st = lock.createStatement()) {
            st.execute("select pg_advisory_lock(" + DEMO_YEAR_LOCK + ")");
            try {
                year.buildIfAbsent();
            } finally {
                st.execute("select pg_advisory_unlock(" + DEMO_YEAR_LOCK + ")");
            }
        } catch (RuntimeException | java.sql.SQLException e) {
            log.error("Could not build the demo year", e);
        }
    }
}
