package cn.unionaid.platform;

import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles, with whole-number arguments written plainly: MessageFormat groups the digits of a year or a
 * count with commas, where a Chinese document writes 2024年度 and 1234人. Pages and services alike use it.
 */
public class PlainNumberMessageSource extends ResourceBundleMessageSource {

    @Override
    protected Object[] resolveArguments(Object[] args, Locale locale) {
        Object[] resolved = super.resolveArguments(args, locale);
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof Integer || resolved[i] instanceof Long || resolved[i] instanceof Short) {
                resolved[i] = resolved[i].toString();
            }
        }
        return resolved;
    }
}
