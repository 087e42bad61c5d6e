package cn.unionaid.policy;

/** Who may do what with programs and standards: editors propose, a second person approves. */
final class PolicyRoles {

    static final String EDITORS = "hasAnyRole('CLERK', 'REVIEWER', 'FINANCE')";
    static final String APPROVERS = "hasAnyRole('REVIEWER', 'LEADER')";
    static final String READERS = "hasAnyRole('CLERK', 'REVIEWER', 'LEADER', 'FINANCE', 'AUDITOR')";

    private PolicyRoles() {
    }
}
