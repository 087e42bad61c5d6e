package cn.unionaid.registry;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import cn.unionaid.platform.BusinessRuleException;

/**
 * The state of an archive that its lifecycle rules look at, model worker or household alike: open or
 * closed (注销, read-only), the person's death, the union holding it, and which events may still happen.
 * Each method checks its rule and returns the state after the event; the caller stores both together.
 */
public record Archive(SubjectType type, long id, long orgId, LocalDate openedOn, LocalDate deathDate, boolean open,
        boolean honourKept, Employment employment, String householdStatus) {

    private static final Set<EventKind> MODEL_WORKER_EVENTS = EnumSet.of(EventKind.REVIEWED, EventKind.MOVED_OUT,
            EventKind.RETIRED, EventKind.DECEASED, EventKind.HONOUR_REVOKED, EventKind.CLOSED);
    private static final Set<EventKind> HOUSEHOLD_EVENTS = EnumSet.of(EventKind.REVIEWED, EventKind.MOVED_OUT,
            EventKind.LIFTED, EventKind.CLOSED);

    /** Checks that {@code change} may happen to this archive now, and returns the archive after it. */
    public Archive apply(LifecycleChange change, LocalDate today) {
        if (!open) {
            throw BusinessRuleException.conflict("registry.error.closed");
        }
        Set<EventKind> allowed = type == SubjectType.MODEL_WORKER ? MODEL_WORKER_EVENTS : HOUSEHOLD_EVENTS;
        if (change.kind() == null || !allowed.contains(change.kind())) {
            throw BusinessRuleException.invalid("registry.error.eventNotAllowed");
        }
        if (change.reason() == null || change.reason().isBlank()) {
            throw BusinessRuleException.invalid("registry.error.reasonRequired");
        }
        LocalDate date = change.date();
        if (date == null || date.isAfter(today)) {
            throw BusinessRuleException.invalid("registry.error.eventDate");
        }
        if (openedOn != null && date.isBefore(openedOn)) {
            throw BusinessRuleException.invalid("registry.error.beforeOpened", openedOn.toString());
        }
        if (deathDate != null && change.kind() != EventKind.CLOSED) {
            throw BusinessRuleException.conflict("registry.error.deceased");
        }
        return switch (change.kind()) {
            case DECEASED -> new Archive(type, id, orgId, openedOn, date, open, honourKept, employment, householdStatus);
            case HONOUR_REVOKED -> {
                if (!honourKept) {
                    throw BusinessRuleException.conflict("registry.error.alreadyRevoked");
                }
                yield new Archive(type, id, orgId, openedOn, deathDate, open, false, employment, householdStatus);
            }
            case RETIRED -> {
                if (employment != Employment.IN_SERVICE) {
                    throw BusinessRuleException.conflict("registry.error.alreadyRetired");
                }
                yield new Archive(type, id, orgId, openedOn, deathDate, open, honourKept, Employment.RETIRED, householdStatus);
            }
            case LIFTED -> {
                if (!"IN_FILE".equals(householdStatus)) {
                    throw BusinessRuleException.conflict("registry.error.notInFile");
                }
                yield new Archive(type, id, orgId, openedOn, deathDate, open, honourKept, employment, "LIFTED");
            }
            case MOVED_OUT -> {
                if (change.toOrgId() == null || change.toOrgId() == orgId) {
                    throw BusinessRuleException.invalid("registry.error.transferTarget");
                }
                yield new Archive(type, id, change.toOrgId(), openedOn, deathDate, open, honourKept, employment,
                        householdStatus);
            }
            case CLOSED -> new Archive(type, id, orgId, openedOn, deathDate, false, honourKept, employment,
                    type == SubjectType.HOUSEHOLD ? "CLOSED" : householdStatus);
            default -> this;
        };
    }
}
