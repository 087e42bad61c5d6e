package cn.unionaid.registry;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.registry.internal.ArchiveRepository;
import cn.unionaid.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 生活状况摸底: one survey per person (or household) per year, before the year's payments (seed 003: by 31 October),
 * and the list of those still to survey. A survey of a model worker that finds a new income updates the record,
 * with an event that says so.
 */
@Service
public class Surveys {

    private static final String PENDING = """
            select 'MODEL_WORKER' as type, m.id, m.name, o.name as org_name, r.name as region_name
              from registry.model_worker m join org.v_organisation o on o.id = m.org_id left join org.v_region r on r.code = m.region_code
             where starts_with(o.path, :scope) and m.archive_open and m.living
               and not exists (select 1 from registry.living_survey s where s.subject_type = 'MODEL_WORKER' and s.subject_id = m.id
                                  and s.survey_year = :year)
            union all
            select 'HOUSEHOLD', h.id, coalesce(hd.name, h.household_no), o.name, r.name
              from registry.household h join org.v_organisation o on o.id = h.org_id left join org.v_region r on r.code = h.region_code
              left join registry.household_member hd on hd.household_id = h.id and hd.relation = 'HEAD'
             where starts_with(o.path, :scope) and h.status = 'IN_FILE'
               and not exists (select 1 from registry.living_survey s where s.subject_type = 'HOUSEHOLD' and s.subject_id = h.id
                                  and s.survey_year = :year)
             order by 1, 2 limit :limit
            """;

    private final ArchiveRepository archives;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final RegistryProperties properties;

    Surveys(ArchiveRepository archives, JdbcClient jdbc, AuditLog audit, RegistryProperties properties) {
        this.archives = archives;
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
    }

    public LocalDate deadline(int year) {
        return LocalDate.of(year, properties.surveyDeadlineMonth(), properties.surveyDeadlineDay());
    }

    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER')")
    @Transactional
    public void record(DataScope scope, SubjectType type, long id, LocalDate date, SurveyMethod method, String findings,
            Money income) {
        Archive archive = archives.load(scope, type, id)
                .orElseThrow(() -> BusinessRuleException.notFound("registry.error.notFound"));
        if (!archive.open() || archive.deathDate() != null) {
            throw BusinessRuleException.conflict("survey.error.notOpen");
        }
        if (date == null || date.isAfter(LocalDate.now()) || method == null || method == SurveyMethod.SELF
                || findings == null || findings.isBlank()) {
            throw BusinessRuleException.invalid("survey.error.incomplete");
        }
        if (income != null && income.isNegative()) {
            throw BusinessRuleException.invalid("import.error.negative");
        }
        int year = date.getYear();
        boolean done = jdbc.sql("select exists(select 1 from registry.living_survey where subject_type = ? and subject_id = ? and survey_year = ?)")
                .param(type.name()).param(id).param(year).query(Boolean.class).single();
        if (done) {
            throw BusinessRuleException.conflict("survey.error.duplicate", year);
        }
        String by = CurrentUser.require().getUsername();
        jdbc.sql("""
                insert into registry.living_survey (subject_type, subject_id, survey_year, survey_date, method, findings, income_fen,
                                           recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)
                """).param(type.name()).param(id).param(year).param(Date.valueOf(date)).param(method.name())
                .param(findings.strip()).param(income == null ? null : income.fen()).param(by).update();
        if (income != null && type == SubjectType.MODEL_WORKER) {
            jdbc.sql("""
                    update registry.model_worker set monthly_income_fen = ?, income_month = date_trunc('month', ?::date),
                           updated_at = now(), version = version + 1 where id = ?
                    """).param(income.fen()).param(Date.valueOf(date)).param(id).update();
            archives.appendEvent(type, id, EventKind.UPDATED, date, "生活状况摸底", "[\"月收入(元)\",\"收入核定年月\"]",
                    null, null, null, by);
        }
        audit.record("registry.surveyed", type.name().toLowerCase(), id, Map.of("year", year, "method", method.name()));
    }

    @PreAuthorize(Registry.BUSINESS_ROLES)
    @Transactional(readOnly = true)
    public List<SurveyView> history(DataScope scope, SubjectType type, long id) {
        archives.load(scope, type, id).orElseThrow(() -> BusinessRuleException.notFound("registry.error.notFound"));
        return jdbc.sql("select * from registry.living_survey where subject_type = ? and subject_id = ? order by survey_year desc")
                .param(type.name()).param(id).query((rs, n) -> {
                    long income = rs.getLong("income_fen");
                    String yuan = rs.wasNull() ? null : Money.ofFen(income).toYuanString();
                    return new SurveyView(rs.getLong("id"), rs.getInt("survey_year"),
                            rs.getDate("survey_date").toLocalDate(), SurveyMethod.valueOf(rs.getString("method")),
                            rs.getString("findings"), yuan, rs.getString("recorded_by"));
                }).list();
    }

    /** Open archives in scope not yet surveyed in {@code year}, at most {@code limit}. */
    @PreAuthorize(Registry.BUSINESS_ROLES)
    @Transactional(readOnly = true)
    public List<PendingSurvey> pending(DataScope scope, int year, int limit) {
        return jdbc.sql(PENDING).param("scope", scope.orgPath()).param("year", year).param("limit", limit)
                .query((rs, n) -> new PendingSurvey(SubjectType.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).list();
    }

    @PreAuthorize(Registry.BUSINESS_ROLES)
    @Transactional(readOnly = true)
    public long countPending(DataScope scope, int year) {
        return jdbc.sql("select count(*) from (" + PENDING.replace("limit :limit", "") + ") p")
                .param("scope", scope.orgPath()).param("year", year).query(Long.class).single();
    }
}
