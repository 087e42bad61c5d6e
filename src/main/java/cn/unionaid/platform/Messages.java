package cn.unionaid.platform;

import java.util.Locale;

import cn.unionaid.shared.InvalidValueException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns the refusals of the domain into sentences in the user's language. */
@Component
public class Messages {

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // Arguments that are themselves message keys (a level, a role) are shown by their name.
            resolved[i] = args[i] instanceof String s && looksLikeKey(s) ? source.getMessage(s, null, s, locale) : args[i];
        }
        return source.getMessage(key, resolved, key, locale);
    }

    /**
     * Whether an argument may be a message key (role.CLERK, level.city): dotted words starting with a small letter.
     * An amount (4500.00), a date or a sentence is not looked up; an entitlement run formats millions of them, and each
     * failed look-up walked every bundle.
     */
    static boolean looksLikeKey(String s) {
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z' || s.indexOf('.') < 0) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The message for a refusal, or null when the exception is not one a person caused. */
    public String of(RuntimeException e) {
        if (e instanceof BusinessRuleException b) {
            return get(b.messageKey(), b.arguments());
        }
        if (e instanceof InvalidValueException v) {
            return get(v.messageKey(), v.arguments());
        }
        return null;
    }
}
