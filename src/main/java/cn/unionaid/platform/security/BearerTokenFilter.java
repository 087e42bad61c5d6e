package cn.unionaid.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import cn.unionaid.platform.BearerTokens;
import cn.unionaid.platform.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer ua_…} on the API: the token signs in as its user (their roles, scope, lockout and
 * temporary-password rule apply as for a password), a read-only token only reads, and the token's id goes into
 * every audit entry the request causes.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final BearerTokens tokens;

    BearerTokenFilter(BearerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<BearerTokens.Use> use = tokens.authenticate(header.substring(7).strip(),
                RequestContext.clientAddress().orElse(""));
        if (use.isEmpty() || !use.get().user().isEnabled() || !use.get().user().isAccountNonLocked()) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "令牌无效、已撤销或已过期，或其账户已停用或锁定");
            return;
        }
        if (use.get().readOnly() && !READS.contains(request.getMethod())) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "只读令牌不能修改数据");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(use.get().user(), null,
                use.get().user().getAuthorities()));
        SecurityContextHolder.setContext(context);
        MDC.put(RequestContext.API_TOKEN, Long.toString(use.get().tokenId()));
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestContext.API_TOKEN);
            SecurityContextHolder.clearContext();
        }
    }

    private static void refuse(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }
}
