package cn.unionaid.controls.web;

import java.util.EnumSet;

import cn.unionaid.controls.ControlCheck;
import cn.unionaid.controls.ControlRunResult;
import cn.unionaid.controls.Controls;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Messages;
import cn.unionaid.platform.NavigationGroup;
import cn.unionaid.platform.NavigationItem;
import cn.unionaid.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 合规检查: the checks, the dashboard of live findings, the findings with their notes. */
@Controller
@RequestMapping("/controls")
class ControlsPages {

    private final Controls controls;
    private final Messages messages;
    private final cn.unionaid.controls.EvidencePacks packs;

    ControlsPages(Controls controls, Messages messages, cn.unionaid.controls.EvidencePacks packs) {
        this.controls = controls;
        this.messages = messages;
        this.packs = packs;
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Shell {
        @Bean
        cn.unionaid.platform.HomeTile openFindingsTile(Controls controls) {
            return user -> user.roles().stream().anyMatch(r -> r == Role.AUDITOR || r == Role.LEADER || r == Role.REVIEWER
                    || r == Role.FINANCE) ? java.util.Optional.of(new cn.unionaid.platform.HomeTile.Figure(50,
                    "home.openFindings", controls.countOpen(user.scope()), "/controls")) : java.util.Optional.empty();
        }

        /** 待办: findings that wait for the union to explain or correct them. */
        @Bean
        cn.unionaid.platform.ToDo.Source findingsToExplain(Controls controls, Messages messages) {
            return user -> {
                boolean explains = user.roles().stream().anyMatch(r -> r == Role.CLERK || r == Role.REVIEWER
                        || r == Role.LEADER || r == Role.FINANCE);
                boolean follows = user.roles().contains(Role.AUDITOR) || user.roles().contains(Role.EVALUATOR);
                if (!explains && !follows) {
                    return java.util.List.of();
                }
                long open = controls.countToExplain(user.scope());
                return open == 0 ? java.util.List.of() : java.util.List.of(new cn.unionaid.platform.ToDo(50,
                        messages.get(explains ? "controls.todo.mine" : "controls.todo.waiting", open),
                        "/controls?status=OPEN", explains, false));
            };
        }

        @Bean
        NavigationItem controlsNavigation() {
            return new NavigationItem(60, NavigationGroup.CONTROLS, "nav.controls", "/controls",
                    EnumSet.of(Role.AUDITOR, Role.LEADER, Role.REVIEWER, Role.FINANCE, Role.CLERK, Role.EVALUATOR));
        }
    }

    @GetMapping
    String page(@RequestParam(required = false) String status, @RequestParam(required = false) ControlCheck check,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "1") int p, Model model) {
        long total = controls.countFindings(scope(), status, check, year);
        model.addAttribute("total", total);
        model.addAttribute("p", Math.max(1, p));
        model.addAttribute("pages", Math.max(1, (total + 49) / 50));
        model.addAttribute("checks", ControlCheck.values());
        model.addAttribute("dashboard", controls.dashboard(scope(), year));
        model.addAttribute("page", controls.findings(scope(), status, check, year, after));
        model.addAttribute("status", status);
        model.addAttribute("check", check);
        model.addAttribute("year", year);
        return "controls/page";
    }

    @PostMapping("/runs")
    String run(RedirectAttributes flash) {
        try {
            ControlRunResult r = controls.runNow();
            flash.addFlashAttribute("notice", messages.get("controls.page.ran", r.opened(), r.closed(),
                    r.hits().values().stream().mapToInt(Integer::intValue).sum()));
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/controls";
    }

    @PostMapping("/findings/{id}/note")
    String note(@PathVariable long id, @RequestParam String status, @RequestParam String note, RedirectAttributes flash) {
        try {
            controls.annotate(scope(), id, status, note);
            flash.addFlashAttribute("notice", messages.get("common.saved"));
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/controls";
    }

    /** The findings as the page filters them, as a sheet to work through or hand over. */
    @GetMapping("/findings.xlsx")
    org.springframework.http.ResponseEntity<byte[]> export(@RequestParam(required = false) String status,
            @RequestParam(required = false) ControlCheck check, @RequestParam(required = false) Integer year) {
        java.util.List<cn.unionaid.controls.Finding> all = new java.util.ArrayList<>();
        String after = null;
        do {
            var page = controls.findings(scope(), status, check, year, after);
            all.addAll(page.items());
            after = page.nextAfter();
        } while (after != null && all.size() < 100_000);
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd")
                .withZone(java.time.ZoneId.of("Asia/Shanghai"));
        byte[] file = cn.unionaid.platform.sheets.Workbooks.write("检查问题", java.util.List.of("编号", "检查项", "单位", "年度",
                "问题", "金额(元)", "批次", "状态", "首次发现", "说明", "说明人"), sink -> all.forEach(f -> sink.accept(
                java.util.Arrays.asList(Long.toString(f.id()), f.checkTitle(), f.orgName(),
                        f.year() == null ? null : f.year().toString(), f.detail(),
                        f.amountFen() == null ? null : cn.unionaid.shared.Money.ofFen(f.amountFen()).toYuanString(),
                        f.batchId() == null ? null : f.batchId().toString(), messages.get("controls.status." + f.status()),
                        day.format(f.firstSeenAt()), f.note(), f.notedBy()))));
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename("检查问题.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(file);
    }

    /** The batch's evidence pack, written into the response as it is made (a province's batch is hundreds of MB). */
    @GetMapping("/evidence-packs/{batchId}")
    void pack(@PathVariable long batchId, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        EvidencePackDownload.write(packs, scope(), batchId, response);
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
