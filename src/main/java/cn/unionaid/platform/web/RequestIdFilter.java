package cn.unionaid.platform.web;

import java.io.IOException;
import java.util.UUID;

import cn.unionaid.platform.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (or keeps a well-formed {@code X-Request-Id} from a proxy), puts it and the client
 * address in the logging context and answers with it, so that a log line, an audit entry and a user's error
 * page can be matched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(HEADER);
        String id = incoming != null && incoming.matches("[A-Za-z0-9-]{8,64}") ? incoming : UUID.randomUUID().toString();
        MDC.put(RequestContext.REQUEST_ID, id);
        MDC.put(RequestContext.CLIENT_ADDRESS, request.getRemoteAddr());
        request.setAttribute(RequestContext.REQUEST_ID, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestContext.REQUEST_ID);
            MDC.remove(RequestContext.CLIENT_ADDRESS);
        }
    }
}
