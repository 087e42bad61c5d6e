package cn.unionaid.registry.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.unionaid.platform.DataScope;
import cn.unionaid.registry.Archive;
import cn.unionaid.registry.Employment;
import cn.unionaid.registry.EventKind;
import cn.unionaid.registry.RegistryEvent;
import cn.unionaid.registry.SubjectType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loads an archive's lifecycle state and stores the state after an event together with the event. */
@Repository
public class ArchiveRepository {

    private static final String EVENT_DATE = """
            (select max(e.event_date) from registry.registry_event e where e.subject_type = :type and e.subject_id = x.id and e.kind = '%s')
            """;
    private static final String LOAD_MODEL_WORKER = """
            select x.id, x.org_id, x.archive_open as open, x.honour_kept, x.employment, null as household_status,
                   %s as opened_on, %s as death_date
              from registry.model_worker x join org.v_organisation o on o.id = x.org_id
             where x.id = :id and starts_with(o.path, :scope)
            """.formatted(EVENT_DATE.formatted("OPENED"), EVENT_DATE.formatted("DECEASED"));
    private static final String LOAD_HOUSEHOLD = """
            select x.id, x.org_id, x.status <> 'CLOSED' as open, true as honour_kept, null as employment,
                   x.status as household_status, %s as opened_on, null::date as death_date
              from registry.household x join org.v_organisation o on o.id = x.org_id
             where x.id = :id and starts_with(o.path, :scope)
            """.formatted(EVENT_DATE.formatted("OPENED"));

    private final JdbcClient jdbc;

    ArchiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Archive> load(DataScope scope, SubjectType type, long id) {
        String sql = type == SubjectType.MODEL_WORKER ? LOAD_MODEL_WORKER : LOAD_HOUSEHOLD;
        return jdbc.sql(sql).param("type", type.name()).param("id", id).param("scope", scope.orgPath())
                .query((rs, n) -> {
                    Date opened = rs.getDate("opened_on");
                    Date death = rs.getDate("death_date");
                    String employment = rs.getString("employment");
                    return new Archive(type, rs.getLong("id"), rs.getLong("org_id"),
                            opened == null ? null : opened.toLocalDate(), death == null ? null : death.toLocalDate(),
                            rs.getBoolean("open"), rs.getBoolean("honour_kept"),
                            employment == null ? null : Employment.valueOf(employment), rs.getString("household_status"));
                }).optional();
    }

    public void store(Archive after, boolean deceased) {
        if (after.type() == SubjectType.MODEL_WORKER) {
            jdbc.sql("""
                    update registry.model_worker set org_id = ?, archive_open = ?, honour_kept = ?, employment = ?,
                           living = living and not ?, updated_at = now(), version = version + 1 where id = ?
                    """).param(after.orgId()).param(after.open()).param(after.honourKept())
                    .param(after.employment().name()).param(deceased).param(after.id()).update();
        } else {
            jdbc.sql("update registry.household set org_id = ?, status = ?, updated_at = now(), version = version + 1 where id = ?")
                    .param(after.orgId()).param(after.householdStatus()).param(after.id()).update();
            jdbc.sql("update registry.household_member set in_open_household = ? where household_id = ?")
                    .param(!"CLOSED".equals(after.householdStatus())).param(after.id()).update();
        }
    }

    public long appendEvent(SubjectType type, long subjectId, EventKind kind, LocalDate date, String reason,
            String detail, Long fromOrg, Long toOrg, Long evidenceId, String by) {
        return jdbc.sql("""
                insert into registry.registry_event (subject_type, subject_id, kind, event_date, reason, detail, from_org_id,
                                            to_org_id, evidence_id, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).param(type.name()).param(subjectId).param(kind.name()).param(Date.valueOf(date)).param(reason)
                .param(detail).param(fromOrg).param(toOrg).param(evidenceId).param(by).query(Long.class).single();
    }

    public List<RegistryEvent> history(SubjectType type, long subjectId) {
        return jdbc.sql("""
                select e.*, f.name as from_name, t.name as to_name from registry.registry_event e
                  left join org.v_organisation f on f.id = e.from_org_id
                  left join org.v_organisation t on t.id = e.to_org_id
                 where e.subject_type = ? and e.subject_id = ? order by e.event_date, e.id
                """).param(type.name()).param(subjectId).query((rs, n) -> {
                    long evidence = rs.getLong("evidence_id");
                    Long evidenceId = rs.wasNull() ? null : evidence;
                    return new RegistryEvent(rs.getLong("id"), EventKind.valueOf(rs.getString("kind")),
                            rs.getDate("event_date").toLocalDate(), rs.getString("reason"), readable(rs.getString("detail")),
                            rs.getString("from_name"), rs.getString("to_name"), evidenceId, rs.getString("recorded_by"),
                            rs.getTimestamp("recorded_at").toInstant());
                }).list();
    }

    /** A list of changed fields is stored as a JSON array; people read it as 月收入(元)、收入核定年月. */
    private static String readable(String detail) {
        if (detail == null || !detail.startsWith("[")) {
            return detail;
        }
        return String.join("、", java.util.Arrays.stream(detail.substring(1, detail.length() - 1).split(","))
                .map(f -> f.strip().replaceAll("^\"|\"$", "")).filter(f -> !f.isEmpty()).toList());
    }

    public boolean evidenceBelongsTo(long evidenceId, SubjectType type, long subjectId) {
        return jdbc.sql("select exists(select 1 from registry.evidence_file where id = ? and subject_type = ? and subject_id = ?)")
                .param(evidenceId).param(type.name()).param(subjectId).query(Boolean.class).single();
    }
}
