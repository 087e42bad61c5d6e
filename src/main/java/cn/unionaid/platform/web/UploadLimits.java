package cn.unionaid.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import cn.unionaid.platform.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Size limits by kind of upload, checked on the request's declared length before a byte of it is read: a
 * roster, a bank statement, a publicity photo, a piece of evidence, anything else. Too large answers 413
 * with the limit in Chinese (a problem detail on the API, a short page elsewhere). A request without a
 * declared length is still bounded by {@code spring.servlet.multipart.max-request-size}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UploadLimits extends OncePerRequestFilter {

    /** The kinds of upload, each with the paths that take it. */
    enum Kind {
        ROSTER("^(/api/v1/(model-workers|households)/import|/registry/import|/api/v1/cross-checks/lists|/crosschecks/lists)$"),
        STATEMENT("^(/api/v1)?/batches/\\d+/statement$"),
        PHOTO("^(/api/v1)?/batches/\\d+/publicity/photo$"),
        EVIDENCE(".*/evidence$|^(/api/v1)?/batches/\\d+/decision$|^/api/v1/evaluation/actuals$|^/evaluation/indicators/actuals$"),
        OTHER(".*");

        private final Pattern paths;

        Kind(String paths) {
            this.paths = Pattern.compile(paths);
        }

        static Kind of(String path) {
            for (Kind kind : values()) {
                if (kind.paths.matcher(path).matches()) {
                    return kind;
                }
            }
            return OTHER;
        }
    }

    private final DataSize roster;
    private final DataSize statement;
    private final DataSize photo;
    private final DataSize evidence;
    private final DataSize other;
    private final Messages messages;

    UploadLimits(@Value("${unionaid.uploads.roster-max:200MB}") DataSize roster,
            @Value("${unionaid.uploads.statement-max:200MB}") DataSize statement,
            @Value("${unionaid.uploads.photo-max:10MB}") DataSize photo,
            @Value("${unionaid.uploads.evidence-max:11MB}") DataSize evidence,
            @Value("${unionaid.uploads.other-max:20MB}") DataSize other, Messages messages) {
        this.roster = roster;
        this.statement = statement;
        this.photo = photo;
        this.evidence = evidence;
        this.other = other;
        this.messages = messages;
    }

    DataSize limit(Kind kind) {
        return switch (kind) {
            case ROSTER -> roster;
            case STATEMENT -> statement;
            case PHOTO -> photo;
            case EVIDENCE -> evidence;
            case OTHER -> other;
        };
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())
                || type == null || !type.toLowerCase().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Kind kind = Kind.of(path);
        DataSize limit = limit(kind);
        long declared = request.getContentLengthLong();
        if (declared > limit.toBytes()) {
            String detail = messages.get("error.upload.limit." + kind.name(), limit.toMegabytes(),
                    Math.max(1, declared / (1024 * 1024)));
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // The connection is closed rather than the rest of a large body read and thrown away.
            response.setHeader("Connection", "close");
            if (path.startsWith("/api/")) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getWriter().write("{\"status\":413,\"title\":\"Content Too Large\",\"detail\":\"" + detail + "\"}");
            } else {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>文件过大</title>"
                        + "<p>" + detail + "</p><p><a href=\"javascript:history.back()\">返回</a></p></html>");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
