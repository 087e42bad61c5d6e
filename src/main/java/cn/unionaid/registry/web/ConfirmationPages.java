package cn.unionaid.registry.web;

import java.io.IOException;
import java.time.LocalDate;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Messages;
import cn.unionaid.registry.LivingConfirmations;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * 生存认证: the union's page (issue the links, print the letters, see who is overdue for a visit) and the phone-sized
 * page behind a personal link, open without signing in (rate-limited by {@code ConfirmationThrottle}).
 */
@Controller
class ConfirmationPages {

    private final LivingConfirmations confirmations;
    private final Messages messages;

    ConfirmationPages(LivingConfirmations confirmations, Messages messages) {
        this.confirmations = confirmations;
        this.messages = messages;
    }

    @GetMapping("/registry/confirmations")
    String page(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now().getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("defaultExpiry", LocalDate.now().plusDays(30));
        model.addAttribute("progress", confirmations.progress(scope(), y));
        model.addAttribute("overdue", confirmations.overdue(scope(), y, 200));
        return "registry/confirmations";
    }

    @PostMapping("/registry/confirmations")
    String issue(@RequestParam int year, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate expiresOn, RedirectAttributes flash) {
        try {
            int issued = confirmations.issue(scope(), year, expiresOn);
            flash.addFlashAttribute("notice", messages.get("confirmation.page.issued", issued));
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/registry/confirmations?year=" + year;
    }

    /** The letters to print, each with its link and QR code. */
    @GetMapping("/registry/confirmations/letters")
    String letters(@RequestParam int year, Model model) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        var letters = confirmations.letters(scope(), year, base);
        model.addAttribute("year", year);
        model.addAttribute("letters", letters);
        model.addAttribute("codes", letters.stream().map(l -> QrCodes.svg(l.link())).toList());
        return "registry/confirmation-letters";
    }

    @GetMapping("/confirm/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        var opened = confirmations.open(token);
        if (opened.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "registry/confirm-ended";
        }
        model.addAttribute("opened", opened.get());
        model.addAttribute("token", token);
        model.addAttribute("answers", LivingConfirmations.Answer.values());
        return "registry/confirm";
    }

    @PostMapping("/confirm/{token}")
    String confirm(@PathVariable String token, @RequestParam(required = false) LivingConfirmations.Answer answer,
            @RequestParam(value = "photo", required = false) MultipartFile photo, @RequestParam(required = false) String note,
            Model model, HttpServletResponse response) throws IOException {
        try {
            confirmations.confirm(token, answer, photo == null ? null : photo.getBytes(), note);
            return "registry/confirm-done";
        } catch (BusinessRuleException e) {
            var opened = confirmations.open(token);
            if (opened.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                return "registry/confirm-ended";
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", messages.of(e));
            model.addAttribute("opened", opened.get());
            model.addAttribute("token", token);
            model.addAttribute("answers", LivingConfirmations.Answer.values());
            return "registry/confirm";
        }
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
