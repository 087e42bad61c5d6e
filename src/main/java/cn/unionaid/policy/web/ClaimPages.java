package cn.unionaid.policy.web;

import java.io.IOException;
import java.util.List;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Messages;
import cn.unionaid.policy.BeneficiaryKind;
import cn.unionaid.policy.Claims;
import cn.unionaid.policy.Program;
import cn.unionaid.policy.Programs;
import cn.unionaid.registry.Payee;
import cn.unionaid.registry.Payees;
import cn.unionaid.registry.SubjectType;
import cn.unionaid.shared.InvalidValueException;
import cn.unionaid.shared.Money;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 申请登记与审核 for a program: find the person by name or ID number (sent in a POST body), register the claim
 * with its evidence, and let a reviewer or leader approve or reject it.
 */
@Controller
@RequestMapping("/policy/programs/{id}/claims")
class ClaimPages {

    private final Programs programs;
    private final Claims claims;
    private final Payees payees;
    private final Messages messages;

    ClaimPages(Programs programs, Claims claims, Payees payees, Messages messages) {
        this.programs = programs;
        this.claims = claims;
        this.payees = payees;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable long id, Model model) {
        Program program = programs.find(scope(), id)
                .orElseThrow(() -> BusinessRuleException.notFound("policy.error.programNotFound"));
        model.addAttribute("program", program);
        model.addAttribute("claims", claims.of(scope(), id));
        if (!model.containsAttribute("candidates")) {
            // After a refused registration the form comes back with its person and what was typed.
            Object typed = model.getAttribute("claim");
            List<Payee> again = typed instanceof java.util.Map<?, ?> m && m.get("subjectId") instanceof Long subject
                    ? payees.find(scope(), type(program), subject).stream().toList() : List.of();
            model.addAttribute("candidates", again);
        }
        return "policy/claims";
    }

    /** Finds the person meant by a name or an ID number; the number travels in the body, never in the URL. */
    @PostMapping("/find")
    String find(@PathVariable long id, @RequestParam String who, Model model) {
        Program program = programs.find(scope(), id)
                .orElseThrow(() -> BusinessRuleException.notFound("policy.error.programNotFound"));
        SubjectType type = type(program);
        List<Payee> found = payees.identify(scope(), type, who).stream()
                .map(s -> payees.find(scope(), type, s)).flatMap(java.util.Optional::stream).toList();
        model.addAttribute("candidates", found);
        model.addAttribute("who", who);
        if (found.isEmpty()) {
            model.addAttribute("error", messages.get("claim.noMatch"));
        }
        return page(id, model);
    }

    @PostMapping
    String register(@PathVariable long id, @RequestParam long subjectId, @RequestParam(required = false) String costYuan,
            @RequestParam(required = false) String requestedYuan, @RequestParam(required = false) String note,
            @RequestParam(required = false) MultipartFile evidence, RedirectAttributes flash) throws IOException {
        byte[] content = evidence == null || evidence.isEmpty() ? null : evidence.getBytes();
        String name = evidence == null ? null : evidence.getOriginalFilename();
        String back = act(id, flash, () -> claims.register(scope(), id, subjectId, fen(costYuan), fen(requestedYuan), note,
                content, name));
        if (flash.getFlashAttributes().containsKey("error")) {
            java.util.Map<String, Object> typed = new java.util.HashMap<>();
            typed.put("costYuan", costYuan);
            typed.put("requestedYuan", requestedYuan);
            typed.put("note", note);
            typed.put("subjectId", subjectId);
            flash.addFlashAttribute("claim", typed);
        }
        return back;
    }

    @PostMapping("/{subjectId}/review")
    String review(@PathVariable long id, @PathVariable long subjectId, @RequestParam boolean approve,
            @RequestParam(required = false) String opinion, RedirectAttributes flash) {
        return act(id, flash, () -> claims.review(scope(), id, subjectId, approve, opinion));
    }

    @GetMapping("/{subjectId}/evidence")
    ResponseEntity<InputStreamResource> evidence(@PathVariable long id, @PathVariable long subjectId) throws IOException {
        return ResponseEntity.ok().header("Content-Disposition", "inline")
                .body(new InputStreamResource(claims.evidence(scope(), id, subjectId)));
    }

    private static SubjectType type(Program program) {
        return program.beneficiary() == BeneficiaryKind.MODEL_WORKER ? SubjectType.MODEL_WORKER : SubjectType.HOUSEHOLD;
    }

    private String act(long id, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.get("common.saved"));
        } catch (BusinessRuleException | InvalidValueException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/policy/programs/" + id + "/claims";
    }

    private static Long fen(String yuan) {
        return yuan == null || yuan.isBlank() ? null : Money.parseYuan(yuan).fen();
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
