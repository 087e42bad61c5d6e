package cn.unionaid.registry.web;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The open 生存认证 pages answer each client address at most {@code unionaid.registry.confirm-requests-per-window}
 * times (default 30) per window of {@code unionaid.registry.confirm-window-seconds} (default 600): enough for a person
 * and their relatives, far too few to guess a 256-bit link. Counted per instance, in memory; a refused request gets 429.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ConfirmationThrottle extends OncePerRequestFilter {

    private record Window(long start, AtomicInteger count) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final int limit;
    private final long windowMillis;

    ConfirmationThrottle(@Value("${unionaid.registry.confirm-requests-per-window:30}") int limit,
            @Value("${unionaid.registry.confirm-window-seconds:600}") long windowSeconds) {
        this.limit = limit;
        this.windowMillis = windowSeconds * 1000;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/confirm/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long now = System.currentTimeMillis();
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> now - e.getValue().start() > windowMillis);
        }
        Window w = windows.compute(request.getRemoteAddr(), (k, old) -> old == null || now - old.start() > windowMillis
                ? new Window(now, new AtomicInteger()) : old);
        if (w.count().incrementAndGet() > limit) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(Math.max(1, (w.start() + windowMillis - now) / 1000)));
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("访问过于频繁，请稍后再试。");
            return;
        }
        chain.doFilter(request, response);
    }
}
