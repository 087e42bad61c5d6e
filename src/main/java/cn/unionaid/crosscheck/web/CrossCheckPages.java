package cn.unionaid.crosscheck.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;

import cn.unionaid.crosscheck.HitStatus;
import cn.unionaid.crosscheck.Hits;
import cn.unionaid.crosscheck.OutsideListKind;
import cn.unionaid.crosscheck.OutsideLists;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Messages;
import cn.unionaid.platform.NavigationGroup;
import cn.unionaid.platform.NavigationItem;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.platform.Role;
import cn.unionaid.platform.web.Downloads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
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

/** 外部数据比对: import a list, see what it hit, resolve each hit. */
@Controller
@RequestMapping("/crosschecks")
class CrossCheckPages {

    private final OutsideLists lists;
    private final Hits hits;
    private final Messages messages;

    CrossCheckPages(OutsideLists lists, Hits hits, Messages messages) {
        this.lists = lists;
        this.hits = hits;
        this.messages = messages;
    }

    @Configuration(proxyBeanMethods = false)
    static class Shell {
        @Bean
        NavigationItem crossCheckNavigation() {
            return new NavigationItem(62, NavigationGroup.CONTROLS, "nav.crosschecks", "/crosschecks",
                    EnumSet.of(Role.CLERK, Role.REVIEWER, Role.LEADER, Role.FINANCE, Role.AUDITOR, Role.EVALUATOR));
        }

        /** 待办: hits that hold payments back or wait for a second person. */
        @Bean
        cn.unionaid.platform.ToDo.Source crossCheckHits(Hits hits, Messages messages) {
            return user -> {
                boolean explains = user.roles().contains(Role.CLERK) || user.roles().contains(Role.REVIEWER);
                boolean accepts = user.roles().contains(Role.REVIEWER) || user.roles().contains(Role.LEADER);
                if (!explains && !accepts) {
                    return java.util.List.of();
                }
                var counts = hits.counts(user.scope());
                java.util.List<cn.unionaid.platform.ToDo> todo = new java.util.ArrayList<>();
                if (explains && counts.get(HitStatus.OPEN) > 0) {
                    todo.add(new cn.unionaid.platform.ToDo(45, messages.get("crosscheck.todo.open", counts.get(HitStatus.OPEN)),
                            "/crosschecks?status=OPEN", true, false));
                }
                if (accepts && counts.get(HitStatus.EXPLAINED) > 0) {
                    todo.add(new cn.unionaid.platform.ToDo(46, messages.get("crosscheck.todo.explained",
                            counts.get(HitStatus.EXPLAINED)), "/crosschecks?status=EXPLAINED", true, false));
                }
                return todo;
            };
        }
    }

    @GetMapping
    String page(@RequestParam(required = false) HitStatus status, @RequestParam(required = false) Long batchId,
            @RequestParam(required = false) Long listId, @RequestParam(required = false) String after, Model model) {
        DataScope scope = scope();
        model.addAttribute("kinds", OutsideListKind.values());
        model.addAttribute("statuses", HitStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("batchId", batchId);
        model.addAttribute("listId", listId);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("counts", hits.counts(scope));
        model.addAttribute("lists", lists.list(scope, PageRequest.of(null, null, 10)).items());
        model.addAttribute("hits", hits.list(scope, new Hits.Filter(status, batchId, listId), after, PageRequest.DEFAULT_SIZE));
        return "crosscheck/page";
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() {
        return Downloads.xlsx("外部比对名单模板.xlsx", OutsideLists.template());
    }

    @PostMapping("/lists")
    String importList(@RequestParam("file") MultipartFile file, @RequestParam(required = false) OutsideListKind kind,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            RedirectAttributes flash) throws IOException {
        try {
            OutsideLists.Imported r = lists.importList(scope(), kind, source, asOf, file.getBytes());
            flash.addFlashAttribute("notice", messages.get("crosscheck.page.imported", r.entries(), r.hits(), r.paymentHits()));
            return "redirect:/crosschecks?listId=" + r.listId();
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", messages.of(e));
            return "redirect:/crosschecks";
        }
    }

    @PostMapping("/hits/{id}/explanation")
    String explain(@PathVariable long id, @RequestParam String explanation, @RequestParam("evidence") MultipartFile evidence,
            RedirectAttributes flash) throws IOException {
        return act(flash, () -> hits.explain(scope(), id, explanation, evidence.getBytes()));
    }

    @PostMapping("/hits/{id}/acceptance")
    String accept(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, () -> hits.accept(scope(), id));
    }

    @PostMapping("/hits/{id}/decline")
    String decline(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, () -> hits.decline(scope(), id));
    }

    @PostMapping("/hits/{id}/removal")
    String remove(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, () -> hits.remove(scope(), id));
    }

    private interface Step {
        void run() throws IOException;
    }

    private String act(RedirectAttributes flash, Step step) {
        try {
            step.run();
            flash.addFlashAttribute("notice", messages.get("common.saved"));
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", messages.of(e));
        } catch (IOException e) {
            flash.addFlashAttribute("error", messages.get("crosscheck.error.evidence"));
        }
        return "redirect:/crosschecks";
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
