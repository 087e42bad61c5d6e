package cn.unionaid.disbursement.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.unionaid.disbursement.Batch;
import cn.unionaid.disbursement.BatchStatus;
import cn.unionaid.disbursement.BatchStep;
import cn.unionaid.disbursement.Batches;
import cn.unionaid.platform.AuthenticatedUser;
import cn.unionaid.platform.Messages;
import cn.unionaid.platform.Role;
import cn.unionaid.platform.ToDo;
import org.springframework.stereotype.Component;

/**
 * 待办 of payment batches: each batch under way, as this user's turn ("待您审核") or as whom it waits for
 * ("等待财务生成支付文件"), and the publicity objections still to answer.
 */
@Component
class BatchToDos implements ToDo.Source {

    /** The batch states that wait for each role, read off the separation-of-duties table ({@link BatchStep}). */
    static final Map<Role, Set<BatchStatus>> WAITING = waiting();

    private static Map<Role, Set<BatchStatus>> waiting() {
        Map<Role, Set<BatchStatus>> waiting = new java.util.EnumMap<>(Role.class);
        for (BatchStatus status : BatchStatus.values()) {
            BatchStep.after(status).ifPresent(step -> step.roles()
                    .forEach(r -> waiting.computeIfAbsent(r, x -> EnumSet.noneOf(BatchStatus.class)).add(status)));
        }
        return Map.copyOf(waiting);
    }
    private static final Set<Role> BATCH_ROLES = EnumSet.of(Role.CLERK, Role.REVIEWER, Role.LEADER, Role.FINANCE);

    private final Batches batches;
    private final Messages messages;

    BatchToDos(Batches batches, Messages messages) {
        this.batches = batches;
        this.messages = messages;
    }

    @Override
    public List<ToDo> forUser(AuthenticatedUser user) {
        if (user.roles().stream().noneMatch(BATCH_ROLES::contains)) {
            return List.of();
        }
        List<ToDo> toDos = new ArrayList<>();
        for (Batches.UnderWay u : batches.underWay(user.scope(), 30)) {
            Batch b = u.batch();
            String link = "/batches/" + b.id();
            // Mine only when the step's table lets this person take it: the role, and not one of the steps it must
            // be kept apart from (one account with two roles is not shown its own batch to review).
            boolean myTurn = BatchStep.after(b.status()).map(step -> step.mayBeTakenBy(b, user.getUsername(), user.roles()))
                    .orElse(false);
            toDos.add(new ToDo(40, messages.get(myTurn ? "batch.todo.mine." + b.status() : "batch.todo.waiting." + b.status(),
                    b.title()), link, myTurn, false));
            if (u.openObjections() > 0) {
                boolean resolves = BatchStep.RESOLVE_OBJECTION.mayBeTakenBy(b, user.getUsername(), user.roles());
                toDos.add(new ToDo(39, messages.get("batch.todo.objections", b.title(), u.openObjections()), link,
                        resolves, false));
            }
        }
        return toDos;
    }
}
