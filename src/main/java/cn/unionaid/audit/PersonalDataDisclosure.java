package cn.unionaid.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.unionaid.platform.AuthenticatedUser;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.Role;
import cn.unionaid.shared.FieldCipher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door through which a full ID number, bank card or medical text leaves its encryption: only for
 * roles whose work needs it, and every opening is written to the audit log (个人信息保护法 art. 28).
 */
@Service
public class PersonalDataDisclosure {

    private final FieldCipher cipher;
    private final AuditLog audit;

    PersonalDataDisclosure(FieldCipher cipher, AuditLog audit) {
        this.cipher = cipher;
        this.audit = audit;
    }

    public static boolean mayViewInFull(AuthenticatedUser user) {
        return user.roles().stream().anyMatch(Role.FULL_PERSONAL_DATA::contains);
    }

    /** Decrypts one field for the signed-in user, or refuses; the view is audited (never the value). */
    @Transactional
    public String reveal(String entityType, Object entityId, String field, byte[] sealed) {
        AuthenticatedUser user = CurrentUser.require();
        if (!mayViewInFull(user)) {
            throw BusinessRuleException.forbidden("personal.error.notAllowed");
        }
        String value = cipher.decrypt(sealed);
        audit.record("personal.viewed", entityType, entityId, Map.of("field", field));
        return value;
    }

    /** Records an export of personal data, full or masked, with how many people it held. */
    @Transactional
    public void recordExport(String entityType, long rows, boolean full) {
        if (full && !mayViewInFull(CurrentUser.require())) {
            throw BusinessRuleException.forbidden("personal.error.notAllowed");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("rows", rows);
        detail.put("full", full);
        audit.record(full ? "personal.exportedFull" : "personal.exportedMasked", entityType, null, detail);
    }
}
