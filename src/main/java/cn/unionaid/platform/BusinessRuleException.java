package cn.unionaid.platform;

/**
 * A person asked for something a business rule forbids (wrong state, out of scope, overspend). The message
 * key and arguments are resolved in the user's language; the HTTP status says what kind of refusal it is.
 */
public class BusinessRuleException extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] arguments;

    public BusinessRuleException(Kind kind, String messageKey, Object... arguments) {
        super(messageKey);
        this.kind = kind;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public static BusinessRuleException invalid(String messageKey, Object... arguments) {
        return new BusinessRuleException(Kind.INVALID, messageKey, arguments);
    }

    public static BusinessRuleException notFound(String messageKey, Object... arguments) {
        return new BusinessRuleException(Kind.NOT_FOUND, messageKey, arguments);
    }

    public static BusinessRuleException conflict(String messageKey, Object... arguments) {
        return new BusinessRuleException(Kind.CONFLICT, messageKey, arguments);
    }

    public static BusinessRuleException forbidden(String messageKey, Object... arguments) {
        return new BusinessRuleException(Kind.FORBIDDEN, messageKey, arguments);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
