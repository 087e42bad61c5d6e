package cn.unionaid.platform.security;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Two doors: people sign in through the form and keep a session (CSRF on, idle timeout from
 * {@code server.servlet.session.timeout}); programs call {@code /api/v1/**} with HTTP Basic and no session.
 * Both go through the same accounts and the same lockout.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** bcrypt once, then a short memory of the right password (see {@link RememberedCredentials}). */
    @Bean
    org.springframework.security.authentication.AuthenticationProvider rememberedCredentials(
            org.springframework.security.core.userdetails.UserDetailsService users, PasswordEncoder encoder,
            @org.springframework.beans.factory.annotation.Value("${unionaid.security.remember-credentials:60s}")
            java.time.Duration keep) {
        return new RememberedCredentials(users, encoder, keep);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, org.springframework.beans.factory.ObjectProvider<cn.unionaid.platform.BearerTokens> tokens)
            throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(apiEntryPoint()))
                .exceptionHandling(e -> e.authenticationEntryPoint(apiEntryPoint()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic authentication carries no ambient session a forged form could ride on.
                // CSRF tokens do not fit programs; the cross-site guard below refuses forged browser requests instead.
                .csrf(c -> c.disable())
                .headers(this::headers)
                .addFilterAfter(new ApiGuardFilter(), AuthorizationFilter.class)
                .addFilterBefore(new BearerTokenFilter((token, source) -> tokens.getObject().authenticate(token, source)),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        // A lock and a wrong password get the same answer: neither reveals whether the account exists.
        SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/confirm/*")
                        .permitAll()
                        .requestMatchers("/actuator/**").hasRole("SYSADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(failure).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()).invalidSessionUrl("/login?expired"))
                .headers(this::headers)
                .addFilterAfter(new MustChangePasswordFilter(), AuthorizationFilter.class);
        return http.build();
    }

    /** The same headers on both doors; HSTS is written only on HTTPS requests (Spring's default matcher). */
    private void headers(HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(self), microphone=(), geolocation=(), payment=(), usb=()"));
    }

    private static AuthenticationEntryPoint apiEntryPoint() {
        return (request, response, ex) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"union-aid\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // One answer for a wrong password, an unknown name and a lock, so that none reveals whether an account exists.
            String detail = "需要登录：用户名或密码错误，或因多次失败暂时锁定，请稍后再试";
            response.getWriter().write("{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"" + detail + "\"}");
        };
    }
}
