package cn.unionaid;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Signs requests in as the demo users (password {@code Demo@2026}) and finds demo organisations. */
public final class DemoUsers {

    public static final String PASSWORD = "Demo@2026";

    private DemoUsers() {
    }

    /** HTTP Basic, as a program calling the API would. */
    public static RequestPostProcessor api(String username) {
        return httpBasic(username, PASSWORD);
    }

    /** A signed-in browser session of the user, loaded the way a real login loads it. */
    public static RequestPostProcessor page(UserDetailsService users, String username) {
        return user(users.loadUserByUsername(username));
    }

    public static long orgId(JdbcClient jdbc, String code) {
        return jdbc.sql("select id from org.organisation where code = ?").param(code).query(Long.class).single();
    }
}
