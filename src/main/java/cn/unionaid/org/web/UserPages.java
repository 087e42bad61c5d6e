package cn.unionaid.org.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.unionaid.org.Users;
import cn.unionaid.org.UserView;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Messages;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.platform.Role;
import cn.unionaid.shared.InvalidValueException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 用户管理: accounts for the system administrator, roles and unlocking for the security administrator. */
@Controller
@RequestMapping("/users")
@PreAuthorize("hasAnyRole('SYSADMIN', 'SECADMIN', 'AUDITADMIN')")
class UserPages {

    private final Users users;
    private final Messages messages;
    private final cn.unionaid.org.Organisations organisations;

    UserPages(Users users, Messages messages, cn.unionaid.org.Organisations organisations) {
        this.organisations = organisations;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String after, Model model) {
        model.addAttribute("page", users.visible(scope(), PageRequest.of(q, after, null)));
        model.addAttribute("q", q);
        return "user/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("user", require(id));
        model.addAttribute("allRoles", List.of(Role.values()));
        return "user/detail";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('SYSADMIN')")
    String newForm(@RequestParam(required = false) Long org, Model model) {
        model.addAttribute("orgId", org);
        // An organisation picker (the unions in the administrator's scope by name), never a typed number.
        List<cn.unionaid.org.OrganisationView> orgs = new java.util.ArrayList<>();
        String after = null;
        do {
            var page = organisations.visible(scope(), cn.unionaid.platform.PageRequest.of(null, after,
                    cn.unionaid.platform.PageRequest.MAX_SIZE));
            orgs.addAll(page.items());
            after = page.nextAfter();
        } while (after != null && orgs.size() < 10_000);
        model.addAttribute("orgs", orgs);
        return "user/new";
    }

    @PostMapping
    @PreAuthorize("hasRole('SYSADMIN')")
    String open(@RequestParam String username, @RequestParam String displayName, @RequestParam long orgId,
            @RequestParam String password, Model model) {
        try {
            UserView created = users.open(scope(), username, displayName, orgId, password);
            return "redirect:/users/" + created.id();
        } catch (BusinessRuleException | InvalidValueException e) {
            model.addAttribute("error", messages.of(e));
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            return newForm(orgId, model);
        }
    }

    @PostMapping("/{id}/roles")
    @PreAuthorize("hasRole('SECADMIN')")
    String assignRoles(@PathVariable long id, @RequestParam(required = false) List<Role> roles, RedirectAttributes flash) {
        Set<Role> chosen = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        return act(id, flash, () -> users.assignRoles(scope(), id, chosen));
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasRole('SECADMIN')")
    String unlock(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, () -> users.unlock(scope(), id));
    }

    @PostMapping("/{id}/password")
    @PreAuthorize("hasRole('SYSADMIN')")
    String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes flash) {
        return act(id, flash, () -> users.resetPassword(scope(), id, password));
    }

    @PostMapping("/{id}/reset-request")
    @PreAuthorize("hasRole('SYSADMIN')")
    String requestAdministratorReset(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, () -> users.requestAdministratorReset(scope(), id));
    }

    @PostMapping("/{id}/reset-approval")
    @PreAuthorize("hasAnyRole('SECADMIN', 'AUDITADMIN')")
    String approveAdministratorReset(@PathVariable long id, @RequestParam String password, RedirectAttributes flash) {
        return act(id, flash, () -> users.approveAdministratorReset(scope(), id, password));
    }

    @PostMapping("/{id}/enabled")
    @PreAuthorize("hasRole('SYSADMIN')")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes flash) {
        return act(id, flash, () -> users.setEnabled(scope(), id, enabled));
    }

    private String act(long id, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.get("common.saved"));
        } catch (BusinessRuleException | InvalidValueException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/users/" + id;
    }

    private UserView require(long id) {
        return users.find(scope(), id).orElseThrow(() -> BusinessRuleException.notFound("user.error.notFound"));
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
