package cn.unionaid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 工会帮扶资金管理与绩效评价系统. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class UnionAidApplication {

    public static void main(String[] args) {
        SpringApplication.run(UnionAidApplication.class, args);
    }
}
