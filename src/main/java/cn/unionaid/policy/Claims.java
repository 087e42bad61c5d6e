package cn.unionaid.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.files.FileStore;
import cn.unionaid.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 申请 on a claim-based program (特殊困难帮扶, 疗休养 …): a clerk registers a person's claim — documented costs or an
 * amount asked for — with its evidence; a reviewer or leader other than the clerk approves or rejects it with an
 * opinion; a run pays approved claims only. A claim registered again goes back to 待审核.
 */
@Service
public class Claims {

    /** A claim as the program's claims page lists it. */
    public record Claim(long subjectId, String name, String idNumberMasked, String orgName, String costYuan,
            String requestedYuan, String note, String status, String recordedBy, Instant recordedAt, String reviewedBy,
            String reviewNote, boolean hasEvidence) {
    }

    private static final String LIST = """
            select c.*, coalesce(m.name, hd.name, h.household_no) as name,
                   coalesce(m.id_number_masked, hd.id_number_masked) as id_masked, o.name as org_name
              from policy.entitlement_claim c
              left join registry.v_model_worker m on c.subject_type = 'MODEL_WORKER' and m.id = c.subject_id
              left join registry.v_household h on c.subject_type = 'HOUSEHOLD' and h.id = c.subject_id
              left join registry.v_household_member hd on hd.household_id = h.id and hd.relation = 'HEAD'
              join org.v_organisation o on o.id = coalesce(m.org_id, h.org_id)
             where c.program_id = ? and starts_with(o.path, ?)
             order by c.status = 'SUBMITTED' desc, c.recorded_at desc
            """;

    private final Programs programs;
    private final JdbcClient jdbc;
    private final FileStore files;
    private final AuditLog audit;

    Claims(Programs programs, JdbcClient jdbc, FileStore files, AuditLog audit) {
        this.programs = programs;
        this.jdbc = jdbc;
        this.files = files;
        this.audit = audit;
    }

    @PreAuthorize(PolicyRoles.READERS)
    @Transactional(readOnly = true)
    public List<Claim> of(DataScope scope, long programId) {
        programs.require(scope, programId);
        return jdbc.sql(LIST).param(programId).param(scope.orgPath()).query((rs, n) -> {
            long cost = rs.getLong("cost_fen");
            boolean noCost = rs.wasNull();
            long asked = rs.getLong("requested_fen");
            boolean noAsk = rs.wasNull();
            return new Claim(rs.getLong("subject_id"), rs.getString("name"), rs.getString("id_masked"),
                    rs.getString("org_name"), noCost ? null : Money.ofFen(cost).toYuanString(),
                    noAsk ? null : Money.ofFen(asked).toYuanString(), rs.getString("note"), rs.getString("status"),
                    rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("reviewed_by"),
                    rs.getString("review_note"), rs.getString("evidence_key") != null);
        }).list();
    }

    /** Registers (or registers again) a claim, waiting for review; the evidence, if any, is kept sealed. */
    @PreAuthorize(PolicyRoles.EDITORS)
    @Transactional
    public void register(DataScope scope, long programId, long subjectId, Long costFen, Long requestedFen, String note,
            byte[] evidence, String evidenceName) {
        Program program = programs.require(scope, programId);
        if ((costFen == null && requestedFen == null) || (costFen != null && costFen < 0)
                || (requestedFen != null && requestedFen < 0)) {
            throw BusinessRuleException.invalid("policy.error.claim");
        }
        String table = program.beneficiary() == BeneficiaryKind.MODEL_WORKER ? "registry.v_model_worker" : "registry.v_household";
        boolean inScope = jdbc.sql("select exists(select 1 from " + table + " x join org.v_organisation o on o.id = x.org_id "
                + "where x.id = ? and starts_with(o.path, ?))").param(subjectId).param(scope.orgPath())
                .query(Boolean.class).single();
        if (!inScope) {
            throw BusinessRuleException.notFound("registry.error.notFound");
        }
        String key = null;
        if (evidence != null && evidence.length > 0) {
            if (FileStore.documentType(evidence).isEmpty()) {
                throw BusinessRuleException.invalid("policy.error.claimEvidence");
            }
            key = files.save(evidence).key();
        }
        jdbc.sql("""
                insert into policy.entitlement_claim (program_id, subject_type, subject_id, cost_fen, requested_fen, note, recorded_by,
                                               status, evidence_key, evidence_name)
                values (?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)
                on conflict (program_id, subject_type, subject_id) do update
                   set cost_fen = excluded.cost_fen, requested_fen = excluded.requested_fen, note = excluded.note,
                       recorded_by = excluded.recorded_by, recorded_at = now(), status = 'SUBMITTED',
                       reviewed_by = null, reviewed_at = null, review_note = null,
                       evidence_key = coalesce(excluded.evidence_key, entitlement_claim.evidence_key),
                       evidence_name = coalesce(excluded.evidence_name, entitlement_claim.evidence_name)
                """).param(programId).param(program.beneficiary().name()).param(subjectId).param(costFen)
                .param(requestedFen).param(note).param(CurrentUser.require().getUsername()).param(key)
                .param(evidenceName).update();
        audit.record("policy.claimRecorded", "program", programId, Map.of("subjectId", subjectId));
    }

    /** 审核: approves or rejects a claim waiting for review; never the clerk who registered it. */
    @PreAuthorize(PolicyRoles.APPROVERS)
    @Transactional
    public void review(DataScope scope, long programId, long subjectId, boolean approve, String opinion) {
        Program program = programs.require(scope, programId);
        Map<String, Object> claim = jdbc.sql("select status, recorded_by from policy.entitlement_claim where program_id = ? "
                        + "and subject_type = ? and subject_id = ? for update").param(programId)
                .param(program.beneficiary().name()).param(subjectId).query().singleRow();
        if (claim.isEmpty()) {
            throw BusinessRuleException.notFound("policy.error.claimNotFound");
        }
        if (!"SUBMITTED".equals(claim.get("status"))) {
            throw BusinessRuleException.conflict("policy.error.claimReviewed");
        }
        String by = CurrentUser.require().getUsername();
        if (by.equals(claim.get("recorded_by"))) {
            throw BusinessRuleException.forbidden("policy.error.claimSelfReview");
        }
        String said = opinion == null || opinion.isBlank() ? null : opinion.strip();
        if (!approve && said == null) {
            throw BusinessRuleException.invalid("policy.error.claimNote");
        }
        jdbc.sql("""
                update policy.entitlement_claim set status = ?, reviewed_by = ?, reviewed_at = now(), review_note = ?
                 where program_id = ? and subject_type = ? and subject_id = ?
                """).param(approve ? "APPROVED" : "REJECTED").param(by).param(said).param(programId)
                .param(program.beneficiary().name()).param(subjectId).update();
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("subjectId", subjectId);
        detail.put("approved", approve);
        if (said != null) {
            detail.put("opinion", said);
        }
        audit.record("policy.claimReviewed", "program", programId, detail);
    }

    /** The evidence of a claim, for its reviewer. */
    @PreAuthorize(PolicyRoles.READERS)
    @Transactional(readOnly = true)
    public java.io.InputStream evidence(DataScope scope, long programId, long subjectId) throws java.io.IOException {
        Program program = programs.require(scope, programId);
        String key = jdbc.sql("select evidence_key from policy.entitlement_claim where program_id = ? and subject_type = ? and subject_id = ?")
                .param(programId).param(program.beneficiary().name()).param(subjectId).query(String.class).optional()
                .filter(k -> k != null)
                .orElseThrow(() -> BusinessRuleException.notFound("policy.error.claimNotFound"));
        audit.record("evidence.opened", "program", programId, Map.of("claimOf", subjectId));
        return files.open(key);
    }
}
