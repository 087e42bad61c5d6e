package cn.unionaid.org;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.org.internal.OrganisationRepository;
import cn.unionaid.org.internal.UserRepository;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Page;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.platform.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and roles. The system administrator opens accounts and resets passwords; the security
 * administrator assigns roles, unlocks accounts and sets the policy. The role checks sit here so that the
 * pages and the API enforce the same rule.
 */
@Service
public class Users {

    private final UserRepository repository;
    private final OrganisationRepository organisations;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;

    Users(UserRepository repository, OrganisationRepository organisations, PasswordEncoder passwordEncoder,
            AuditLog audit) {
        this.repository = repository;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    @PreAuthorize("hasAnyRole('SYSADMIN', 'SECADMIN', 'AUDITADMIN')")
    @Transactional(readOnly = true)
    public Page<UserView> visible(DataScope scope, PageRequest page) {
        return Page.of(repository.visible(scope, page.likePattern(), page.after(), page.size() + 1), page.size(),
                UserView::username);
    }

    @PreAuthorize("hasAnyRole('SYSADMIN', 'SECADMIN', 'AUDITADMIN')")
    @Transactional(readOnly = true)
    public Optional<UserView> find(DataScope scope, long id) {
        return repository.findView(scope, id);
    }

    @Transactional(readOnly = true)
    public long countVisible(DataScope scope) {
        return repository.countVisible(scope);
    }

    @PreAuthorize("hasRole('SYSADMIN')")
    @Transactional
    public UserView open(DataScope scope, String username, String displayName, long orgId, String temporaryPassword) {
        organisations.find(orgId).filter(o -> scope.covers(o.path()))
                .orElseThrow(() -> BusinessRuleException.notFound("org.error.notFound"));
        String name = username == null ? null : username.strip();
        if (name != null && repository.usernameTaken(name)) {
            throw BusinessRuleException.conflict("user.error.usernameTaken", name);
        }
        repository.policy().checkPassword(temporaryPassword);
        UserAccount account = UserAccount.open(name, displayName, passwordEncoder.encode(temporaryPassword), orgId, true);
        long id = repository.insert(account);
        audit.record("user.opened", "user", id, Map.of("username", account.username(), "orgId", orgId));
        return repository.findView(scope, id).orElseThrow();
    }

    /**
     * The system administrator resets a business account's password to a temporary one, which must be changed
     * before any use. An administrator's account is never reset by one person: see
     * {@link #requestAdministratorReset} and {@link #approveAdministratorReset}.
     */
    @PreAuthorize("hasRole('SYSADMIN')")
    @Transactional
    public void resetPassword(DataScope scope, long id, String temporaryPassword) {
        UserAccount account = require(scope, id);
        if (account.isAdministrator()) {
            throw BusinessRuleException.forbidden("user.error.adminResetNeedsApproval");
        }
        setTemporaryPassword(account, temporaryPassword);
        audit.record("user.passwordReset", "user", id, Map.of("username", account.username()));
    }

    /** 申请重置管理员密码: the system administrator asks; nothing changes until another administrator approves. */
    @PreAuthorize("hasRole('SYSADMIN')")
    @Transactional
    public void requestAdministratorReset(DataScope scope, long id) {
        UserAccount account = require(scope, id);
        if (!account.isAdministrator()) {
            throw BusinessRuleException.invalid("user.error.notAdministrator");
        }
        repository.setResetRequest(id, CurrentUser.require().getUsername());
        audit.record("user.adminResetRequested", "user", id, Map.of("username", account.username()));
    }

    /**
     * 批准重置管理员密码: the security or audit administrator who neither asked nor holds the account sets the
     * temporary password, which its holder must change before any use.
     */
    @PreAuthorize("hasAnyRole('SECADMIN', 'AUDITADMIN')")
    @Transactional
    public void approveAdministratorReset(DataScope scope, long id, String temporaryPassword) {
        UserAccount account = require(scope, id);
        String approver = CurrentUser.require().getUsername();
        String requester = repository.resetRequestedBy(id)
                .orElseThrow(() -> BusinessRuleException.conflict("user.error.noResetRequest"));
        if (approver.equals(account.username()) || approver.equals(requester)) {
            throw BusinessRuleException.forbidden("user.error.resetNeedsAnotherAdministrator");
        }
        setTemporaryPassword(account, temporaryPassword);
        repository.setResetRequest(id, null);
        audit.record("user.adminResetApproved", "user", id, Map.of("username", account.username(), "requestedBy", requester));
    }

    private void setTemporaryPassword(UserAccount account, String temporaryPassword) {
        repository.policy().checkPassword(temporaryPassword);
        account.changePassword(passwordEncoder.encode(temporaryPassword), true);
        repository.update(account);
        repository.clearThrottle(account.username());
    }

    @PreAuthorize("hasRole('SYSADMIN')")
    @Transactional
    public void setEnabled(DataScope scope, long id, boolean enabled) {
        UserAccount account = require(scope, id);
        if (account.isAdministrator()) {
            // Switching another administrator off would end 三员分立 by one person's hand.
            throw BusinessRuleException.forbidden("user.error.adminDisable");
        }
        if (enabled) {
            account.enable();
        } else {
            account.disable(CurrentUser.require().getUsername());
        }
        repository.update(account);
        audit.record(enabled ? "user.enabled" : "user.disabled", "user", id, Map.of("username", account.username()));
    }

    @PreAuthorize("hasRole('SECADMIN')")
    @Transactional
    public void assignRoles(DataScope scope, long id, Set<Role> roles) {
        UserAccount account = require(scope, id);
        Set<Role> before = account.roles();
        account.assignRoles(roles, CurrentUser.require().getUsername());
        repository.update(account);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("username", account.username());
        detail.put("before", before.stream().map(Role::name).sorted().toList());
        detail.put("after", roles.stream().map(Role::name).sorted().toList());
        audit.record("user.rolesAssigned", "user", id, detail);
    }

    @PreAuthorize("hasRole('SECADMIN')")
    @Transactional
    public void unlock(DataScope scope, long id) {
        UserAccount account = require(scope, id);
        account.unlock();
        repository.update(account);
        repository.clearThrottle(account.username());
        audit.record("user.unlocked", "user", id, Map.of("username", account.username()));
    }

    /** Anyone may change their own password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserAccount account = repository.findByUsername(username)
                .orElseThrow(() -> BusinessRuleException.notFound("user.error.notFound"));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throw BusinessRuleException.invalid("password.error.current");
        }
        if (passwordEncoder.matches(newPassword, account.passwordHash())) {
            throw BusinessRuleException.invalid("password.error.reused");
        }
        repository.policy().checkPassword(newPassword);
        account.changePassword(passwordEncoder.encode(newPassword), false);
        repository.update(account);
        audit.record("user.passwordChanged", "user", account.id(), Map.of("username", username));
    }

    @Transactional(readOnly = true)
    public SecurityPolicy policy() {
        return repository.policy();
    }

    @PreAuthorize("hasRole('SECADMIN')")
    @Transactional
    public void updatePolicy(SecurityPolicy policy) {
        SecurityPolicy before = repository.policy();
        repository.savePolicy(policy, CurrentUser.require().getUsername());
        audit.record("policy.updated", "security_policy", 1, Map.of("before", before.toString(), "after", policy.toString()));
    }

    private UserAccount require(DataScope scope, long id) {
        return repository.find(scope, id).orElseThrow(() -> BusinessRuleException.notFound("user.error.notFound"));
    }
}
