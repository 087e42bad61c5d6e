package cn.unionaid.shared;

/**
 * A value a person typed or imported is not acceptable. Carries a message key and its arguments so that
 * the web layer can say in the user's language which rule was broken.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String messageKey;
    private final transient Object[] arguments;

    public InvalidValueException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
