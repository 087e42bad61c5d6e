package cn.unionaid.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.files.FileStore;
import cn.unionaid.shared.FieldCipher;
import cn.unionaid.shared.SecretTokens;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 生存认证: once a year a model worker (or a relative) confirms their living status through a personal one-time link
 * printed on a letter, instead of a visit. The union issues the links for those not yet surveyed that year; the answer
 * becomes that year's survey with the method 自助认证 and the photo taken; a link ends when used or at its date; those who
 * have not answered by then are listed for a visit. The page behind a link shows nothing but a masked name.
 */
@Service
public class LivingConfirmations {

    /** What the person answers. */
    public enum Answer implements cn.unionaid.shared.Labelled {
        NORMAL("本人健在，生活正常"),
        NEEDS_HELP("本人健在，生活有困难，希望工会联系");

        private final String label;

        Answer(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** A letter to print: who, and the link (shown only to the union's staff, never stored in clear). */
    public record Letter(long id, String name, String idNumberMasked, String orgName, String link, LocalDate expiresOn) {
    }

    /** Someone who has not confirmed by their link's date: to be visited. */
    public record Overdue(long modelWorkerId, String name, String orgName, LocalDate expiredOn) {
    }

    /** What the page behind a valid link may show. */
    public record Opened(String maskedName, int year, LocalDate expiresOn) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final FieldCipher cipher;
    private final FileStore files;
    private final AuditLog audit;

    LivingConfirmations(JdbcClient jdbc, JdbcTemplate template, FieldCipher cipher, FileStore files, AuditLog audit) {
        this.jdbc = jdbc;
        this.template = template;
        this.cipher = cipher;
        this.files = files;
        this.audit = audit;
    }

    /**
     * Issues a link to every open, living model worker in scope who has neither a survey nor a link for {@code year};
     * answers how many were issued. Issuing again adds only those still without one.
     */
    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER')")
    @Transactional
    public int issue(DataScope scope, int year, LocalDate expiresOn) {
        if (expiresOn == null || !expiresOn.isAfter(LocalDate.now()) || expiresOn.getYear() > year + 1) {
            throw BusinessRuleException.invalid("confirmation.error.expiry");
        }
        List<Map<String, Object>> people = jdbc.sql("""
                select m.id, m.org_id from registry.model_worker m join org.v_organisation o on o.id = m.org_id
                 where starts_with(o.path, ?) and m.archive_open and m.living
                   and not exists (select 1 from registry.living_survey s where s.subject_type = 'MODEL_WORKER' and s.subject_id = m.id
                                      and s.survey_year = ?)
                   and not exists (select 1 from registry.living_confirmation c where c.model_worker_id = m.id and c.confirm_year = ?)
                 order by m.id
                """).param(scope.orgPath()).param(year).param(year).query().listOfRows();
        String by = CurrentUser.require().getUsername();
        List<Object[]> rows = new ArrayList<>();
        for (Map<String, Object> p : people) {
            String token = SecretTokens.generate();
            rows.add(new Object[] {p.get("org_id"), p.get("id"), year, SecretTokens.digest(token), cipher.encrypt(token),
                    java.sql.Date.valueOf(expiresOn), by});
        }
        template.batchUpdate("""
                insert into registry.living_confirmation (org_id, model_worker_id, confirm_year, token_hash, token_enc, expires_on, issued_by)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (model_worker_id, confirm_year) do nothing
                """, rows);
        audit.record("registry.confirmationsIssued", "living_confirmation", scope.orgId() + ":" + year,
                Map.of("year", year, "issued", rows.size(), "expiresOn", expiresOn.toString()));
        return rows.size();
    }

    /** The letters still to be answered, with their links, for printing; reading them is audited. */
    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER')")
    @Transactional
    public List<Letter> letters(DataScope scope, int year, String baseUrl) {
        List<Letter> letters = jdbc.sql("""
                select c.id, m.name, m.id_number_masked, o.name as org_name, c.token_enc, c.expires_on
                  from registry.living_confirmation c join registry.model_worker m on m.id = c.model_worker_id
                  join org.v_organisation o on o.id = c.org_id
                 where starts_with(o.path, ?) and c.confirm_year = ? and c.used_at is null and c.expires_on >= current_date
                 order by o.path, m.id
                """).param(scope.orgPath()).param(year).query((rs, n) -> new Letter(rs.getLong("id"), rs.getString("name"),
                        rs.getString("id_number_masked"), rs.getString("org_name"),
                        baseUrl + "/confirm/" + cipher.decrypt(rs.getBytes("token_enc")),
                        rs.getDate("expires_on").toLocalDate())).list();
        audit.record("registry.confirmationLettersRead", "living_confirmation", scope.orgId() + ":" + year,
                Map.of("year", year, "letters", letters.size()));
        return letters;
    }

    /** Counts for the page: issued, answered, waiting, overdue. */
    public record Progress(long issued, long answered, long waiting, long overdue) {
    }

    @PreAuthorize(Registry.BUSINESS_ROLES)
    @Transactional(readOnly = true)
    public Progress progress(DataScope scope, int year) {
        return jdbc.sql("""
                select count(*), count(c.used_at),
                       count(*) filter (where c.used_at is null and c.expires_on >= current_date),
                       count(*) filter (where c.used_at is null and c.expires_on < current_date)
                  from registry.living_confirmation c join org.v_organisation o on o.id = c.org_id
                 where starts_with(o.path, ?) and c.confirm_year = ?
                """).param(scope.orgPath()).param(year).query((rs, n) -> new Progress(rs.getLong(1), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4))).single();
    }

    /** Those whose link ended unanswered and who have no survey of the year: to be visited. */
    @PreAuthorize(Registry.BUSINESS_ROLES)
    @Transactional(readOnly = true)
    public List<Overdue> overdue(DataScope scope, int year, int limit) {
        return jdbc.sql("""
                select m.id, m.name, o.name, c.expires_on
                  from registry.living_confirmation c join registry.model_worker m on m.id = c.model_worker_id
                  join org.v_organisation o on o.id = c.org_id
                 where starts_with(o.path, ?) and c.confirm_year = ? and c.used_at is null and c.expires_on < current_date
                   and not exists (select 1 from registry.living_survey s where s.subject_type = 'MODEL_WORKER' and s.subject_id = m.id
                                      and s.survey_year = c.confirm_year)
                 order by c.expires_on, m.id limit ?
                """).param(scope.orgPath()).param(year).param(limit).query((rs, n) -> new Overdue(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate())).list();
    }

    /** A link that can still be answered, or nothing: unknown, used and expired links look the same. */
    @Transactional(readOnly = true)
    public Optional<Opened> open(String token) {
        return live(token, false).map(c -> new Opened(masked((String) c.get("name")), ((Number) c.get("confirm_year")).intValue(),
                ((java.sql.Date) c.get("expires_on")).toLocalDate()));
    }

    /**
     * The answer: recorded as the year's survey (自助认证) with its photo, the link used up. Refused, with nothing written,
     * when the link is no longer live or the photo is not a JPEG or PNG picture.
     */
    @Transactional
    public void confirm(String token, Answer answer, byte[] photo, String note) {
        Map<String, Object> c = live(token, true).orElseThrow(() -> BusinessRuleException.notFound("confirmation.error.link"));
        if (answer == null) {
            throw BusinessRuleException.invalid("confirmation.error.answer");
        }
        if (photo == null || FileStore.documentType(photo).filter(type -> type.startsWith("image/")).isEmpty()) {
            throw BusinessRuleException.invalid("confirmation.error.photo");
        }
        String said = note == null || note.isBlank() ? "" : "；留言：" + note.strip().substring(0, Math.min(200, note.strip().length()));
        long id = ((Number) c.get("id")).longValue();
        long person = ((Number) c.get("model_worker_id")).longValue();
        int year = ((Number) c.get("confirm_year")).intValue();
        String key = files.save(photo).key();
        LocalDate today = LocalDate.now();
        int recorded = jdbc.sql("""
                insert into registry.living_survey (subject_type, subject_id, survey_year, survey_date, method, findings, recorded_by, photo_key)
                values ('MODEL_WORKER', ?, ?, ?, 'SELF', ?, '自助认证', ?) on conflict (subject_type, subject_id, survey_year) do nothing
                """).param(person).param(year).param(today).param("自助认证：" + answer.label() + said).param(key).update();
        jdbc.sql("update registry.living_confirmation set used_at = now(), answer = ?, photo_key = ? where id = ?")
                .param(answer.name()).param(key).param(id).update();
        audit.recordAs("自助认证", ((Number) c.get("org_id")).longValue(), "registry.selfConfirmed", "model_worker", person,
                Map.of("year", year, "answer", answer.name(), "survey", recorded == 1 ? "RECORDED" : "ALREADY_SURVEYED"));
    }

    private Optional<Map<String, Object>> live(String token, boolean lock) {
        if (token == null || token.length() != 43 || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select c.id, c.org_id, c.model_worker_id, c.confirm_year, c.expires_on, m.name
                  from registry.living_confirmation c join registry.model_worker m on m.id = c.model_worker_id
                 where c.token_hash = ? and c.used_at is null and c.expires_on >= current_date
                   and m.archive_open and m.living
                """ + (lock ? " for update of c" : "")).param(SecretTokens.digest(token)).query().listOfRows().stream().findFirst();
    }

    /** 张三丰 → 张**: the page shows no more than the family name. */
    static String masked(String name) {
        if (name == null || name.isEmpty()) {
            return "*";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
