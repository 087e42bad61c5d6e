package cn.unionaid.org.web;

import cn.unionaid.org.SecurityPolicy;
import cn.unionaid.org.Users;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.Messages;
import cn.unionaid.shared.InvalidValueException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own password, and the security policy page of the security administrator. */
@Controller
class AccountPages {

    private final Users users;
    private final Messages messages;
    private final cn.unionaid.org.ApiTokens tokens;

    AccountPages(Users users, Messages messages, cn.unionaid.org.ApiTokens tokens) {
        this.tokens = tokens;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("policy", users.policy());
        return "account/password";
    }

    /** After a change the session ends, so the new password is proven by signing in with it. */
    @PostMapping("/account/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
            @RequestParam String confirmPassword, HttpServletRequest request, Model model) throws ServletException {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw BusinessRuleException.invalid("password.error.confirm");
            }
            users.changeOwnPassword(CurrentUser.require().getUsername(), currentPassword, newPassword);
        } catch (BusinessRuleException | InvalidValueException e) {
            model.addAttribute("error", messages.of(e));
            return passwordForm(model);
        }
        request.logout();
        return "redirect:/login?changed";
    }

    @GetMapping("/account/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.mine());
        return "account/tokens";
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam String name, @RequestParam(defaultValue = "false") boolean readOnly,
            @RequestParam(defaultValue = "90") int days, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("created", tokens.create(name, readOnly, days));
        } catch (BusinessRuleException | InvalidValueException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/account/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@org.springframework.web.bind.annotation.PathVariable long id, RedirectAttributes flash) {
        try {
            tokens.revoke(id);
            flash.addFlashAttribute("notice", messages.get("token.revoked"));
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/account/tokens";
    }

    @GetMapping("/security/policy")
    @PreAuthorize("hasRole('SECADMIN')")
    String policy(Model model) {
        model.addAttribute("policy", users.policy());
        return "account/policy";
    }

    @PostMapping("/security/policy")
    @PreAuthorize("hasRole('SECADMIN')")
    String updatePolicy(@RequestParam int maxFailedAttempts, @RequestParam int lockoutMinutes,
            @RequestParam int passwordMinLength, RedirectAttributes flash) {
        try {
            users.updatePolicy(new SecurityPolicy(maxFailedAttempts, lockoutMinutes, passwordMinLength));
            flash.addFlashAttribute("notice", messages.get("common.saved"));
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/security/policy";
    }
}
