package cn.unionaid.platform;

import java.util.Optional;

import org.slf4j.MDC;

/** The request id and client address of the request being served, for logs and the audit trail. */
public final class RequestContext {

    public static final String REQUEST_ID = "requestId";
    public static final String CLIENT_ADDRESS = "clientAddress";
    /** The API token a request came with (its id), so that every audit entry it causes names it. */
    public static final String API_TOKEN = "apiToken";

    private RequestContext() {
    }

    public static Optional<String> requestId() {
        return Optional.ofNullable(MDC.get(REQUEST_ID));
    }

    public static Optional<String> apiToken() {
        return Optional.ofNullable(MDC.get(API_TOKEN));
    }

    public static Optional<String> clientAddress() {
        return Optional.ofNullable(MDC.get(CLIENT_ADDRESS));
    }
}
