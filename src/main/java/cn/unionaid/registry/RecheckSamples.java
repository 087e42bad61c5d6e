package cn.unionaid.registry;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.shared.SeededSample;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly re-check of a share of open archives (002 suggests 20 %, 湖南 rules ≥ 30 %). The draw is
 * reproducible: the population is ordered by id and shuffled with a recorded seed, so anyone can redo it.
 */
@Service
public class RecheckSamples {

    private static final String POPULATION = """
            select x.id from %s x join org.v_organisation o on o.id = x.org_id
             where starts_with(o.path, ?) and %s order by x.id
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final RegistryProperties properties;

    RecheckSamples(JdbcClient jdbc, AuditLog audit, RegistryProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
    }

    /** Which ids a seed draws from a population: the same inputs always give the same sample. */
    public static List<Long> draw(List<Long> population, int sharePercent, long seed) {
        return SeededSample.draw(population, (int) Math.ceil(population.size() * sharePercent / 100.0), seed);
    }

    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER')")
    @Transactional
    public RecheckSample drawSample(DataScope scope, int year, SubjectType type, Integer sharePercent, Long seed) {
        int share = sharePercent == null ? properties.recheckSharePercent() : sharePercent;
        if (share < 1 || share > 100) {
            throw BusinessRuleException.invalid("recheck.error.share");
        }
        if (year < 2000 || year > LocalDate.now().getYear() + 1) {
            throw BusinessRuleException.invalid("recheck.error.year");
        }
        boolean exists = jdbc.sql("select exists(select 1 from registry.recheck_sample where org_id = ? and sample_year = ? and subject_type = ?)")
                .param(scope.orgId()).param(year).param(type.name()).query(Boolean.class).single();
        if (exists) {
            throw BusinessRuleException.conflict("recheck.error.exists", year);
        }
        long usedSeed = seed != null ? seed : new SecureRandom().nextLong();
        List<Long> population = type == SubjectType.MODEL_WORKER
                ? jdbc.sql(POPULATION.formatted("registry.model_worker", "x.archive_open and x.living")).param(scope.orgPath())
                        .query(Long.class).list()
                : jdbc.sql(POPULATION.formatted("registry.household", "x.status = 'IN_FILE'")).param(scope.orgPath())
                        .query(Long.class).list();
        List<Long> sample = draw(population, share, usedSeed);
        long id = jdbc.sql("""
                insert into registry.recheck_sample (org_id, sample_year, subject_type, share_pct, seed, population, drawn_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """).param(scope.orgId()).param(year).param(type.name()).param(share).param(usedSeed)
                .param(population.size()).param(CurrentUser.require().getUsername()).query(Long.class).single();
        jdbc.sql("insert into registry.recheck_sample_item (sample_id, subject_id) select ?, unnest(?::bigint[])").param(id)
                .param(sample.toArray(Long[]::new)).update();
        audit.record("registry.recheckDrawn", "recheck_sample", id, Map.of("year", year, "type", type.name(),
                "share", share, "seed", usedSeed, "population", population.size(), "sample", sample.size()));
        return find(scope, id).orElseThrow();
    }

    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER')")
    @Transactional
    public void markChecked(DataScope scope, long sampleId, long subjectId) {
        find(scope, sampleId).orElseThrow(() -> BusinessRuleException.notFound("recheck.error.notFound"));
        int n = jdbc.sql("""
                update registry.recheck_sample_item set checked_at = now(), checked_by = ?
                 where sample_id = ? and subject_id = ? and checked_at is null
                """).param(CurrentUser.require().getUsername()).param(sampleId).param(subjectId).update();
        if (n != 1) {
            throw BusinessRuleException.conflict("recheck.error.notInSampleOrDone");
        }
        audit.record("registry.rechecked", "recheck_sample", sampleId, Map.of("subjectId", subjectId));
    }

    @PreAuthorize(Registry.BUSINESS_ROLES)
    @Transactional(readOnly = true)
    public Optional<RecheckSample> find(DataScope scope, long id) {
        return jdbc.sql("""
                select s.* from registry.recheck_sample s join org.v_organisation o on o.id = s.org_id
                 where s.id = ? and starts_with(o.path, ?)
                """).param(id).param(scope.orgPath()).query((rs, n) -> {
                    SubjectType type = SubjectType.valueOf(rs.getString("subject_type"));
                    return new RecheckSample(rs.getLong("id"), rs.getInt("sample_year"), type, rs.getInt("share_pct"),
                            rs.getLong("seed"), rs.getInt("population"), rs.getString("drawn_by"),
                            rs.getTimestamp("drawn_at").toInstant(), items(rs.getLong("id"), type));
                }).optional();
    }

    @PreAuthorize(Registry.BUSINESS_ROLES)
    @Transactional(readOnly = true)
    public List<RecheckSample> list(DataScope scope) {
        return jdbc.sql("""
                select s.id from registry.recheck_sample s join org.v_organisation o on o.id = s.org_id
                 where starts_with(o.path, ?) order by s.sample_year desc, s.id desc limit 50
                """).param(scope.orgPath()).query(Long.class).list().stream()
                .map(id -> find(scope, id).orElseThrow()).toList();
    }

    private List<RecheckSample.Item> items(long sampleId, SubjectType type) {
        String name = type == SubjectType.MODEL_WORKER ? "(select name from registry.model_worker m where m.id = i.subject_id)"
                : "(select h.household_no from registry.household h where h.id = i.subject_id)";
        return jdbc.sql("select i.subject_id, " + name + " as name, i.checked_at, i.checked_by from registry.recheck_sample_item i "
                + "where i.sample_id = ? order by i.subject_id").param(sampleId).query((rs, n) -> {
                    var checked = rs.getTimestamp("checked_at");
                    return new RecheckSample.Item(rs.getLong(1), rs.getString(2), checked == null ? null : checked.toInstant(),
                            rs.getString(4));
                }).list();
    }
}
