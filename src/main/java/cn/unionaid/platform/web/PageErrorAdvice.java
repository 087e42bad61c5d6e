package cn.unionaid.platform.web;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.Messages;
import cn.unionaid.shared.InvalidValueException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refusal on a page that did not handle it itself is shown on a Chinese error page with its reason. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

    private final Messages messages;

    PageErrorAdvice(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler({BusinessRuleException.class, InvalidValueException.class})
    String refused(RuntimeException e, Model model, HttpServletResponse response) {
        HttpStatus status = e instanceof BusinessRuleException b ? WebErrors.status(b) : HttpStatus.BAD_REQUEST;
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("reason", messages.of(e));
        return "error/refused";
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MultipartException.class, NumberFormatException.class, DataAccessException.class})
    String malformed(Exception e, Model model, HttpServletResponse response) throws Exception {
        MalformedRequests.Answer answer = MalformedRequests.classify(e).orElseThrow(() -> e);
        response.setStatus(answer.status().value());
        model.addAttribute("status", answer.status().value());
        model.addAttribute("reason", messages.get(answer.messageKey(), answer.arguments()));
        return "error/refused";
    }
}
