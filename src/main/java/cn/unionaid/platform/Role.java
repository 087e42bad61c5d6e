package cn.unionaid.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of the system. The three administrators (三员分立) are kept apart from each other and from
 * business work: a user who holds one of them holds nothing else.
 */
public enum Role {
    /** 经办人. */
    CLERK,
    /** 审核人. */
    REVIEWER,
    /** 领导/集体研究. */
    LEADER,
    /** 财务. */
    FINANCE,
    /** 审计（经审委）: reads everything in scope, changes nothing but finding notes. */
    AUDITOR,
    /** 评价人 (a third-party evaluator or the union's evaluation lead): judges the evaluation, reads the rest. */
    EVALUATOR,
    /** 系统管理员: organisations and accounts. */
    SYSADMIN,
    /** 安全管理员: role assignment and security policy. */
    SECADMIN,
    /** 审计管理员: reads the audit log. */
    AUDITADMIN;

    public static final Set<Role> ADMINISTRATORS = EnumSet.of(SYSADMIN, SECADMIN, AUDITADMIN);
    public static final Set<Role> BUSINESS = EnumSet.of(CLERK, REVIEWER, LEADER, FINANCE, AUDITOR, EVALUATOR);

    /**
     * Roles whose work needs the full ID number or bank card (to check a person, to pay them, to audit the
     * payment). Everyone else sees masked values only; administrators do no business work and see none.
     */
    public static final Set<Role> FULL_PERSONAL_DATA = EnumSet.of(CLERK, REVIEWER, FINANCE, AUDITOR);

    public boolean isAdministrator() {
        return ADMINISTRATORS.contains(this);
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** Message key of the Chinese name. */
    public String messageKey() {
        return "role." + name();
    }
}
