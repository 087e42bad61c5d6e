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

    private final DemoYear year;

    DemoYearOnFirstStart(DemoYear year) {
        this.year = year;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            year.buildIfAbsent();
        } catch (RuntimeException e) {
            log.error("Could not build the demo year", e);
        }
    }
}
