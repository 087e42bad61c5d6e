package cn.unionaid.evaluation;

/**
 * Who may do what in the evaluation. The auditor (审计) reads and changes nothing here; the evaluator (评价人: a
 * third-party evaluator or the union's own evaluation lead) and the leader judge; the union's staff enter the
 * year's data with its evidence.
 */
final class EvaluationRoles {

    /** Read the figures, indicators, reports and dashboard. */
    static final String READERS = "hasAnyRole('CLERK', 'REVIEWER', 'LEADER', 'FINANCE', 'AUDITOR', 'EVALUATOR')";
    /** Enter data with evidence: indicator nodes, manual actuals, satisfaction surveys. */
    static final String DATA_ENTRY = "hasAnyRole('CLERK', 'REVIEWER', 'LEADER', 'EVALUATOR')";
    /** Judge: deductions and score overrides with their reasons. */
    static final String JUDGES = "hasAnyRole('EVALUATOR', 'LEADER')";

    private EvaluationRoles() {
    }
}
