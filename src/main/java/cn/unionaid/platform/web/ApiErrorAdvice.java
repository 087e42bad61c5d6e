package cn.unionaid.platform.web;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.Messages;
import cn.unionaid.shared.InvalidValueException;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals on the API come back as RFC 9457 problem details with the Chinese message in {@code detail}. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAdvice {

    private final Messages messages;

    ApiErrorAdvice(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BusinessRuleException.class)
    ProblemDetail refused(BusinessRuleException e) {
        return ProblemDetail.forStatusAndDetail(WebErrors.status(e), messages.of(e));
    }

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalid(InvalidValueException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.of(e));
    }

    /** Malformed requests (see {@link MalformedRequests}); anything else is left to the error page as a 500. */
    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, MultipartException.class, MissingServletRequestPartException.class,
            HttpMediaTypeNotSupportedException.class, NumberFormatException.class, DataAccessException.class})
    ProblemDetail malformed(Exception e) throws Exception {
        MalformedRequests.Answer answer = MalformedRequests.classify(e).orElseThrow(() -> e);
        return ProblemDetail.forStatusAndDetail(answer.status(), messages.get(answer.messageKey(), answer.arguments()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, messages.get("error.forbidden"));
    }
}
