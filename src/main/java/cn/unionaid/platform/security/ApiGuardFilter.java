package cn.unionaid.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import cn.unionaid.platform.AuthenticatedUser;
import cn.unionaid.platform.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the API enforces besides authentication, the same rules the pages enforce:
 * <ul>
 * <li>A temporary password does nothing but change itself ({@code POST /api/v1/account/password}); the pages
 * redirect to the change form, the API answers 403.</li>
 * <li>No state change from another site: a browser that has cached Basic credentials adds them to a forged
 * cross-site request, so a request that changes something is refused when the browser says it comes from
 * another origin ({@code Sec-Fetch-Site: cross-site|same-site}, or an {@code Origin} other than this server's).
 * Programs send neither header and are not affected.</li>
 * </ul>
 */
class ApiGuardFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD = "/api/v1/account/password";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!SAFE.contains(request.getMethod()) && fromAnotherSite(request)) {
            refuse(response, "拒绝跨站请求：接口的修改操作只接受本站页面或程序直接发出的请求");
            return;
        }
        boolean mustChange = CurrentUser.find().map(AuthenticatedUser::mustChangePassword).orElse(false);
        if (mustChange && !path.equals(CHANGE_PASSWORD)) {
            refuse(response, "临时密码须先修改后才能使用：请调用 POST " + CHANGE_PASSWORD + " 或在页面上修改密码");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && (site.equals("cross-site") || site.equals("same-site"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        return !origin.equalsIgnoreCase(ownOrigin(request));
    }

    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":403,\"title\":\"Forbidden\",\"detail\":\"" + detail + "\"}");
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
