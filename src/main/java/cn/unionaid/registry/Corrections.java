package cn.unionaid.registry;

import java.time.LocalDate;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.registry.internal.ArchiveRepository;
import cn.unionaid.shared.BankCard;
import cn.unionaid.shared.FieldCipher;
import cn.unionaid.shared.InvalidValueException;
import cn.unionaid.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 更正基本信息: a clerk corrects a person's card, phone, employer or income on their page. The correction is an
 * event in the archive's history with its reason (and its evidence, such as the new card's copy), shown with the
 * old and new values masked, and an audit entry; the old value is not kept in clear anywhere.
 */
@Service
public class Corrections {

    private final ArchiveRepository archives;
    private final FieldCipher cipher;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    Corrections(ArchiveRepository archives, FieldCipher cipher, JdbcClient jdbc, AuditLog audit) {
        this.archives = archives;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * @param bankName the bank of a new card (kept when blank)
     * @param evidenceId evidence already attached to this archive (the new card's copy), or null
     */
    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public void correct(DataScope scope, SubjectType type, long id, CorrectableFact fact, String value, String bankName,
            String reason, Long evidenceId) {
        Archive archive = archives.load(scope, type, id)
                .orElseThrow(() -> BusinessRuleException.notFound("registry.error.notFound"));
        if (!archive.open()) {
            throw BusinessRuleException.conflict("registry.error.closed");
        }
        if (!fact.heldBy(type)) {
            throw BusinessRuleException.invalid("correction.error.notHeld", fact.label());
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw BusinessRuleException.invalid("correction.error.reason");
        }
        if (evidenceId != null && !archives.evidenceBelongsTo(evidenceId, type, id)) {
            throw BusinessRuleException.invalid("correction.error.evidence");
        }
        String table = type == SubjectType.MODEL_WORKER ? "registry.model_worker" : "registry.household";
        String before;
        String after;
        switch (fact) {
            case BANK_CARD -> {
                BankCard card = BankCard.parse(value);
                before = jdbc.sql("select bank_card_masked from " + table + " where id = ?").param(id)
                        .query(String.class).optional().orElse(null);
                after = card.masked();
                jdbc.sql("update " + table + " set bank_card_enc = ?, bank_card_bidx = ?, bank_card_masked = ?,"
                        + " bank_name = coalesce(nullif(?, ''), bank_name), updated_at = now() where id = ?")
                        .param(cipher.encrypt(card.value())).param(cipher.blindIndex(card.value())).param(after)
                        .param(bankName == null ? "" : bankName.strip()).param(id).update();
            }
            case PHONE -> {
                String phone = value == null ? "" : value.replaceAll("[\\s-]", "");
                if (!phone.matches("\\d{7,15}")) {
                    throw new InvalidValueException("correction.error.phone");
                }
                before = jdbc.sql("select phone_masked from registry.model_worker where id = ?").param(id).query(String.class)
                        .optional().orElse(null);
                after = phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
                jdbc.sql("update registry.model_worker set phone_enc = ?, phone_bidx = ?, phone_masked = ?, updated_at = now() where id = ?")
                        .param(cipher.encrypt(phone)).param(cipher.blindIndex(phone)).param(after).param(id).update();
            }
            case EMPLOYER -> {
                if (value == null || value.isBlank() || value.strip().length() > 200) {
                    throw BusinessRuleException.invalid("correction.error.employer");
                }
                before = jdbc.sql("select employer from registry.model_worker where id = ?").param(id).query(String.class)
                        .optional().orElse(null);
                after = value.strip();
                jdbc.sql("update registry.model_worker set employer = ?, updated_at = now() where id = ?").param(after).param(id).update();
            }
            case MONTHLY_INCOME -> {
                Money income = Money.parseYuan(value);
                if (income.isNegative()) {
                    throw new InvalidValueException("import.error.negative");
                }
                Long old = jdbc.sql("select monthly_income_fen from registry.model_worker where id = ?").param(id)
                        .query(Long.class).optional().orElse(null);
                before = old == null ? null : Money.ofFen(old).toYuanString();
                after = income.toYuanString();
                jdbc.sql("update registry.model_worker set monthly_income_fen = ?, income_month = date_trunc('month', current_date),"
                        + " updated_at = now() where id = ?").param(income.fen()).param(id).update();
            }
            default -> throw new IllegalStateException(fact.name());
        }
        String detail = fact.label() + "：" + (before == null ? "（无）" : before) + " → " + after;
        String by = CurrentUser.require().getUsername();
        archives.appendEvent(type, id, EventKind.CORRECTED, LocalDate.now(), reason.strip(), detail, null, null,
                evidenceId, by);
        audit.record("registry.corrected", type.name().toLowerCase(), id, Map.of("fact", fact.name(), "change", detail));
    }
}
