package cn.unionaid.disbursement.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.unionaid.disbursement.BatchStatus;
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

    /** The steps that wait for each role (the separation of who may not do which step is checked on the step). */
    static final Map<Role, Set<BatchStatus>> WAITING = Map.of(
            Role.CLERK, EnumSet.of(BatchStatus.DRAFT, BatchStatus.DECIDED, BatchStatus.PUBLICIZING),
            Role.REVIEWER, EnumSet.of(BatchStatus.SUBMITTED),
            Role.LEADER, EnumSet.of(BatchStatus.REVIEWED),
            Role.FINANCE, EnumSet.of(BatchStatus.PUBLICITY_CLOSED, BatchStatus.FILE_GENERATED, BatchStatus.RECONCILED));
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
        Set<BatchStatus> mine = EnumSet.noneOf(BatchStatus.class);
        user.roles().forEach(r -> mine.addAll(WAITING.getOrDefault(r, Set.of())));
        List<ToDo> toDos = new ArrayList<>();
        for (Batches.UnderWay b : batches.underWay(user.scope(), 30)) {
            String link = "/batches/" + b.id();
            boolean myTurn = mine.contains(b.status());
            toDos.add(new ToDo(40, messages.get(myTurn ? "batch.todo.mine." + b.status() : "batch.todo.waiting." + b.status(),
                    b.title()), link, myTurn, false));
            if (b.openObjections() > 0) {
                toDos.add(new ToDo(39, messages.get("batch.todo.objections", b.title(), b.openObjections()), link,
                        user.roles().contains(Role.CLERK) || user.roles().contains(Role.LEADER), false));
            }
        }
        return toDos;
    }
}
