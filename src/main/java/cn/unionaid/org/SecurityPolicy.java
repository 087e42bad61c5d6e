package cn.unionaid.org;

import cn.unionaid.platform.BusinessRuleException;

/**
 * The security policy the security administrator (安全管理员) sets: when repeated failed logins lock an
 * account, for how long, and how long a password must be.
 */
public record SecurityPolicy(int maxFailedAttempts, int lockoutMinutes, int passwordMinLength) {

    public SecurityPolicy {
        if (maxFailedAttempts < 3 || maxFailedAttempts > 20) {
            throw BusinessRuleException.invalid("policy.error.maxFailedAttempts");
        }
        if (lockoutMinutes < 1 || lockoutMinutes > 1440) {
            throw BusinessRuleException.invalid("policy.error.lockoutMinutes");
        }
        if (passwordMinLength < 8 || passwordMinLength > 64) {
            throw BusinessRuleException.invalid("policy.error.passwordMinLength");
        }
    }

    /**
     * At least {@link #passwordMinLength()} characters from at least three of: lower case, upper case, digits,
     * other characters.
     */
    public void checkPassword(String raw) {
        if (raw == null || raw.length() < passwordMinLength) {
            throw BusinessRuleException.invalid("password.error.length", passwordMinLength);
        }
        int classes = 0;
        classes += raw.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += raw.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += raw.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += raw.chars().anyMatch(ch -> !Character.isLetterOrDigit(ch)) ? 1 : 0;
        if (classes < 3) {
            throw BusinessRuleException.invalid("password.error.classes");
        }
    }
}
