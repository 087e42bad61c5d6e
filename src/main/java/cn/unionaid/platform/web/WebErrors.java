package cn.unionaid.platform.web;

import cn.unionaid.platform.BusinessRuleException;
import org.springframework.http.HttpStatus;

final class WebErrors {

    private WebErrors() {
    }

    static HttpStatus status(BusinessRuleException e) {
        return switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }
}
