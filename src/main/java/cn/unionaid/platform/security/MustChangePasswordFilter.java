package cn.unionaid.platform.security;

import java.io.IOException;

import cn.unionaid.platform.AuthenticatedUser;
import cn.unionaid.platform.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/** Someone signed in with a temporary password can do nothing but choose their own. */
class MustChangePasswordFilter extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/account/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean mustChange = CurrentUser.find().map(AuthenticatedUser::mustChangePassword).orElse(false);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (mustChange && !path.equals(CHANGE_PAGE) && !path.equals("/logout") && !isStatic(path)) {
            response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isStatic(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/");
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
