package cn.unionaid.disbursement;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.Role;
import cn.unionaid.shared.Labelled;

/**
 * The steps of a batch and the separation of duties over them (不相容岗位分离): who may act at each step and whose
 * earlier steps the actor must not have done. This table is the rule; docs/separation-of-duties.md prints it
 * (a test keeps the two equal) and the database holds the same for the recorded steps (V12's checks).
 */
public enum BatchStep implements Labelled {
    PREPARE("编制批次", EnumSet.of(Role.CLERK), Batch::preparedBy),
    CANCEL("作废草稿", EnumSet.of(Role.CLERK), null),
    SUBMIT("提交审核", EnumSet.of(Role.CLERK), Batch::submittedBy),
    REVIEW("审核（占用资金）", EnumSet.of(Role.REVIEWER), Batch::reviewedBy, PREPARE, SUBMIT),
    REJECT("退回", EnumSet.of(Role.REVIEWER, Role.LEADER), null, PREPARE, SUBMIT),
    DECIDE("集体研究决策", EnumSet.of(Role.LEADER), Batch::decidedBy, PREPARE, SUBMIT, REVIEW),
    PUBLICIZE("公示、照片、异议登记、结束公示", EnumSet.of(Role.CLERK), null),
    RESOLVE_OBJECTION("处理异议", EnumSet.of(Role.REVIEWER, Role.LEADER), null, PREPARE, SUBMIT),
    PAYMENT_FILE("生成支付文件", EnumSet.of(Role.FINANCE), Batch::fileBy, PREPARE, SUBMIT, REVIEW, DECIDE),
    STATEMENT("导入对账单、手工匹配", EnumSet.of(Role.FINANCE), Batch::settledBy, PREPARE, SUBMIT, PAYMENT_FILE),
    REISSUE_OR_REFUND("重新发放、退还资金来源", EnumSet.of(Role.FINANCE), null, PREPARE, SUBMIT),
    COMPLETE("完结", EnumSet.of(Role.FINANCE), null, PREPARE, SUBMIT);

    static {
        // The file's maker must also differ from the last importer of the statement (a re-issue's new file).
        PAYMENT_FILE.mustDiffer.add(STATEMENT);
    }

    private final String label;
    private final Set<Role> roles;
    private final Function<Batch, String> actor;
    private final Set<BatchStep> mustDiffer;

    BatchStep(String label, Set<Role> roles, Function<Batch, String> actor, BatchStep... mustDiffer) {
        this.label = label;
        this.roles = roles;
        this.actor = actor;
        // No EnumSet here: the enum's own constants are not yet known while they are being constructed.
        this.mustDiffer = new java.util.LinkedHashSet<>(java.util.Arrays.asList(mustDiffer));
    }

    @Override
    public String label() {
        return label;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public Set<BatchStep> mustDiffer() {
        return Set.copyOf(mustDiffer);
    }

    /** Who did this step of the batch, where the batch records it. */
    String actor(Batch batch) {
        return actor == null ? null : actor.apply(batch);
    }

    /**
     * Refuses {@code user} (holding {@code held}) at this step of {@code batch} when none of their roles may act
     * here, or when they did a step this one must be separate from.
     */
    void check(Batch batch, String user, Set<Role> held) {
        if (java.util.Collections.disjoint(roles, held)) {
            throw BusinessRuleException.forbidden("batch.error.stepRole", label);
        }
        for (BatchStep earlier : mustDiffer) {
            if (user.equals(earlier.actor(batch))) {
                throw BusinessRuleException.forbidden("batch.error.dutySeparation", label, earlier.label);
            }
        }
    }

    /** The step that moves a batch on from {@code status}; empty when nothing follows (完结, 作废). */
    public static java.util.Optional<BatchStep> after(BatchStatus status) {
        return java.util.Optional.ofNullable(switch (status) {
            case DRAFT -> SUBMIT;
            case SUBMITTED -> REVIEW;
            case REVIEWED -> DECIDE;
            case DECIDED, PUBLICIZING -> PUBLICIZE;
            case PUBLICITY_CLOSED -> PAYMENT_FILE;
            case FILE_GENERATED -> STATEMENT;
            case RECONCILED -> COMPLETE;
            case COMPLETED, CANCELLED -> null;
        });
    }

    /** Whether {@code user} holding {@code held} may take this step of {@code batch}: the rule {@link #check} enforces. */
    public boolean mayBeTakenBy(Batch batch, String user, Set<Role> held) {
        try {
            check(batch, user, held);
            return true;
        } catch (BusinessRuleException refused) {
            return false;
        }
    }

    /** The table in Markdown, as docs/separation-of-duties.md prints it. */
    public static String table() {
        StringBuilder sb = new StringBuilder("| 步骤 (step) | 谁可以办理 (role) | 不得由办理过以下步骤的人办理 (must differ from) |\n|---|---|---|\n");
        for (BatchStep s : values()) {
            sb.append("| ").append(s.label).append(" (`").append(s.name()).append("`) | ")
                    .append(s.roles.stream().map(r -> "`" + r.name() + "`").collect(Collectors.joining("、"))).append(" | ").append(s.mustDiffer.isEmpty() ? "—" : s.mustDiffer.stream()
                            .map(d -> d.label + " (`" + d.name() + "`)").collect(Collectors.joining("、")))
                    .append(" |\n");
        }
        return sb.toString();
    }
}
