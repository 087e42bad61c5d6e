package cn.unionaid.funds.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.unionaid.funds.Funds;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.org.Organisations;
import cn.unionaid.org.UnionChoice;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Messages;
import cn.unionaid.platform.NavigationGroup;
import cn.unionaid.platform.NavigationItem;
import cn.unionaid.platform.Role;
import cn.unionaid.platform.sheets.Workbooks;
import cn.unionaid.shared.FundSource;
import cn.unionaid.shared.InvalidValueException;
import cn.unionaid.shared.Money;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** 资金与台账: budgets, receipts, balances by source, execution milestones with a chart, ledgers per source. */
@Controller
@RequestMapping("/funds")
class FundsPages {

    private final Funds funds;
    private final cn.unionaid.funds.Allocations allocations;
    private final Messages messages;
    private final JsonMapper json;
    private final Organisations organisations;
    private final cn.unionaid.policy.Programs programs;

    FundsPages(Funds funds, cn.unionaid.funds.Allocations allocations, Messages messages, JsonMapper json,
            Organisations organisations, cn.unionaid.policy.Programs programs) {
        this.organisations = organisations;
        this.programs = programs;
        this.funds = funds;
        this.allocations = allocations;
        this.messages = messages;
        this.json = json;
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Shell {
        @Bean
        NavigationItem fundsNavigation() {
            return new NavigationItem(50, NavigationGroup.FUNDS, "nav.funds", "/funds",
                    java.util.EnumSet.of(Role.CLERK, Role.REVIEWER, Role.LEADER, Role.FINANCE, Role.AUDITOR, Role.EVALUATOR));
        }
    }

    @GetMapping
    String overview(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Long org, Model model) {
        int y = year == null ? LocalDate.now().getYear() : year;
        LocalDate date = asOf == null ? LocalDate.now() : asOf;
        UnionChoice choice = organisations.choose(scope(), org);
        DataScope viewed = choice.scope();
        model.addAttribute("choice", choice);
        model.addAttribute("year", y);
        model.addAttribute("asOf", date);
        model.addAttribute("balances", funds.balances(viewed, y, null, date));
        model.addAttribute("milestones", funds.milestones(viewed, y));
        model.addAttribute("chart", json.writeValueAsString(funds.monthlySpent(viewed, y)));
        model.addAttribute("sources", FundSource.values());
        model.addAttribute("allocations", allocations.list(viewed, y));
        model.addAttribute("reallocations", funds.reallocations(viewed, y));
        // Pickers for the forms: the union's own programs of the year, and the unions directly below it.
        model.addAttribute("programs", programs.list(viewed, y).stream().filter(p -> p.orgId() == viewed.orgId()).toList());
        model.addAttribute("children", organisations.visible(viewed, cn.unionaid.platform.PageRequest.of(null, null, 200))
                .items().stream().filter(o -> o.parentId() != null && o.parentId() == viewed.orgId()).toList());
        return "funds/overview";
    }

    @PostMapping("/budget")
    String budget(@RequestParam int year, @RequestParam FundSource source, @RequestParam String amountYuan,
            @RequestParam(required = false) Long programId, RedirectAttributes flash) {
        return act(flash, year, () -> funds.setBudget(scope(), year, programId, source, Money.parseYuan(amountYuan)));
    }

    @PostMapping("/receipts")
    String receipt(@RequestParam int year, @RequestParam FundSource source,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam String amountYuan,
            @RequestParam String voucher, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(flash, year, () -> funds.recordReceipt(scope(), year, source, date, Money.parseYuan(amountYuan), voucher,
                note));
    }

    @PostMapping("/reallocations")
    String reallocate(@RequestParam int year, @RequestParam FundSource source, @RequestParam long fromProgramId,
            @RequestParam long toProgramId, @RequestParam String amountYuan, @RequestParam String reason,
            RedirectAttributes flash) {
        return act(flash, year, () -> funds.requestReallocation(scope(), year, source, fromProgramId, toProgramId,
                Money.parseYuan(amountYuan), reason));
    }

    @PostMapping("/reallocations/{id}/approve")
    String approveReallocation(@org.springframework.web.bind.annotation.PathVariable long id, @RequestParam int year,
            RedirectAttributes flash) {
        return act(flash, year, () -> funds.approveReallocation(scope(), id));
    }

    @PostMapping("/allocations")
    String allocate(@RequestParam int year, @RequestParam FundSource source, @RequestParam long toOrgId,
            @RequestParam String amountYuan, @RequestParam String nature, @RequestParam String conditions,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes flash) {
        return act(flash, year, () -> allocations.allocate(scope(), year, source, toOrgId, Money.parseYuan(amountYuan),
                nature, conditions, date));
    }

    @GetMapping("/allocations/{id}/notice")
    ResponseEntity<byte[]> notice(@org.springframework.web.bind.annotation.PathVariable long id,
            @RequestParam(defaultValue = "pdf") String format) {
        var doc = allocations.notice(scope(), id);
        boolean docx = "docx".equalsIgnoreCase(format);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(docx
                        ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "application/pdf"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("拨款通知单-" + id
                        + (docx ? ".docx" : ".pdf"), StandardCharsets.UTF_8).build().toString())
                .body(docx ? cn.unionaid.platform.documents.Documents.docx(doc)
                        : cn.unionaid.platform.documents.Documents.pdf(doc));
    }

    /** The ledger (台账) of one source as XLSX: one source per file, never merged with another (seed 004). */
    @GetMapping("/ledger.xlsx")
    void ledger(@RequestParam int year, @RequestParam FundSource source, @RequestParam(required = false) Long org,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        DataScope scope = organisations.choose(scope(), org).scope();
        // Written as it is read: a province's year is millions of entries, a further sheet after each million.
        Workbooks.write(cn.unionaid.platform.web.Downloads.streamed(response, year + "年" + source.label() + "专账台账.xlsx",
                cn.unionaid.platform.web.Downloads.XLSX), source.label() + "台账", List.of("日期", "事项", "项目", "金额(元)",
                "凭证/参考号", "批次", "说明", "经办人"), sink -> funds.forEachLedgerEntry(scope, year, source,
                        e -> sink.accept(java.util.Arrays.asList(e.date().toString(), e.kind().label(), e.programName(),
                                Money.ofFen(e.amountFen()).toYuanString(), e.voucher(),
                                e.batchId() == null ? null : e.batchId().toString(), e.note(), e.createdBy()))));
    }

    private String act(RedirectAttributes flash, int year, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.get("common.saved"));
        } catch (BusinessRuleException | InvalidValueException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/funds?year=" + year;
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
