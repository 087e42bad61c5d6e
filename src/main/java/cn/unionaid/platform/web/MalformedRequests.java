package cn.unionaid.platform.web;

import java.util.Optional;

import cn.unionaid.platform.db.DataErrors;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * A request the application cannot take as it came — malformed JSON, a parameter of the wrong type, a bad
 * paging cursor, text with a NUL byte, an amount beyond any column, an upload too large — is the caller's
 * mistake: it answers 4xx with a Chinese reason, never 500. One classification for the API and the pages.
 */
final class MalformedRequests {

    /** What to answer: the status and the message key with its arguments. */
    record Answer(HttpStatus status, String messageKey, Object... arguments) {
    }

    private MalformedRequests() {
    }

    static Optional<Answer> classify(Throwable e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return Optional.of(new Answer(HttpStatus.PAYLOAD_TOO_LARGE, "error.upload.tooLarge"));
        }
        if (e instanceof MissingServletRequestPartException m) {
            return Optional.of(new Answer(HttpStatus.BAD_REQUEST, "error.request.missingPart", m.getRequestPartName()));
        }
        if (e instanceof MultipartException) {
            return Optional.of(new Answer(HttpStatus.BAD_REQUEST, "error.request.notMultipart"));
        }
        if (e instanceof HttpMessageNotReadableException) {
            return Optional.of(new Answer(HttpStatus.BAD_REQUEST, "error.request.unreadable"));
        }
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return Optional.of(new Answer(HttpStatus.BAD_REQUEST, "error.request.parameter", m.getName()));
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return Optional.of(new Answer(HttpStatus.BAD_REQUEST, "error.request.missingParameter", m.getParameterName()));
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return Optional.of(new Answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.request.mediaType"));
        }
        if (e instanceof NumberFormatException) {
            return Optional.of(new Answer(HttpStatus.BAD_REQUEST, "error.request.number"));
        }
        return e instanceof DataAccessException d ? Optional.ofNullable(dataError(d)) : Optional.empty();
    }

    /** PostgreSQL's class 22 (data exception): a NUL byte, a number out of range, a text too long, a bad date. */
    private static Answer dataError(DataAccessException e) {
        return DataErrors.badValue(e).map(bad -> new Answer(HttpStatus.BAD_REQUEST, switch (bad) {
            case CHARACTER -> "error.request.character";
            case OUT_OF_RANGE -> "error.request.outOfRange";
            case TOO_LONG -> "error.request.tooLong";
            case OTHER -> "error.request.data";
        })).orElse(null);
    }
}
