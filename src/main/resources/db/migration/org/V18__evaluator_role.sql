-- 评价人: judges the evaluation (deductions, overrides), while the auditor only reads and notes findings.
alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check
    check (role in ('CLERK', 'REVIEWER', 'LEADER', 'FINANCE', 'AUDITOR', 'EVALUATOR', 'SYSADMIN', 'SECADMIN', 'AUDITADMIN'));
