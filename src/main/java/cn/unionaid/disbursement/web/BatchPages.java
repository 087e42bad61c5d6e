package cn.unionaid.disbursement.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.unionaid.disbursement.Batch;
import cn.unionaid.disbursement.BatchStatus;
import cn.unionaid.disbursement.Batches;
import cn.unionaid.disbursement.PaymentFileLayout;
import cn.unionaid.disbursement.Payments;
import cn.unionaid.disbursement.PublicityList;
import cn.unionaid.disbursement.StatementResult;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.registry.SubjectType;
import cn.unionaid.platform.Messages;
import cn.unionaid.platform.NavigationGroup;
import cn.unionaid.platform.NavigationItem;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.platform.Role;
import cn.unionaid.policy.Programs;
import cn.unionaid.shared.FundSource;
import cn.unionaid.shared.InvalidValueException;
import cn.unionaid.shared.Money;
import org.springframework.context.annotation.Bean;
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

/** 发放批次: one page per batch with the step that comes next for the user's role, and the publicity list. */
@Controller
@RequestMapping("/batches")
class BatchPages {

    /** 发放名单 rows a page unless asked otherwise (at most PageRequest.MAX_SIZE). */
    private static final int ITEMS_PER_PAGE = 50;
    /** Unmatched statement lines shown at once with their hand-matching forms. */

    private final Batches batches;
    private final Payments payments;
    private final cn.unionaid.disbursement.Statements statements;
    private final Programs programs;
    private final Messages messages;
    private final cn.unionaid.registry.Payees payees;
    private final cn.unionaid.policy.EntitlementRuns entitlementRuns;

    private final tools.jackson.databind.json.JsonMapper json;

    BatchPages(Batches batches, Payments payments, cn.unionaid.disbursement.Statements statements, Programs programs, Messages messages,
            cn.unionaid.registry.Payees payees, cn.unionaid.policy.EntitlementRuns entitlementRuns,
            tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.payees = payees;
        this.entitlementRuns = entitlementRuns;
        this.batches = batches;
        this.payments = payments;
        this.statements = statements;
        this.programs = programs;
        this.messages = messages;
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Shell {
        private static final java.util.Map<Role, java.util.Set<BatchStatus>> WAITING = BatchToDos.WAITING;

        @Bean
        cn.unionaid.platform.HomeTile batchesWaitingTile(Batches batches) {
            return user -> {
                java.util.Set<BatchStatus> statuses = java.util.EnumSet.noneOf(BatchStatus.class);
                user.roles().forEach(r -> statuses.addAll(WAITING.getOrDefault(r, java.util.Set.of())));
                return statuses.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new cn.unionaid.platform
                        .HomeTile.Figure(40, "home.batchesWaiting", batches.countAt(user.scope(), statuses), "/batches"));
            };
        }

        @Bean
        NavigationItem batchesNavigation() {
            return new NavigationItem(45, NavigationGroup.PAYMENTS, "nav.batches", "/batches",
                    java.util.EnumSet.of(Role.CLERK, Role.REVIEWER, Role.LEADER, Role.FINANCE, Role.AUDITOR));
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) String after, @RequestParam(defaultValue = "1") int p, Model model) {
        model.addAttribute("page", batches.list(scope(), after));
        long total = batches.count(scope());
        model.addAttribute("total", total);
        model.addAttribute("p", Math.max(1, p));
        model.addAttribute("pages", Math.max(1, (total + 49) / 50));
        model.addAttribute("programs", programs.list(scope(), null));
        model.addAttribute("runs", entitlementRuns.payableRuns(scope()));
        model.addAttribute("sources", FundSource.values());
        return "batch/list";
    }

    @PostMapping("/from-run")
    String fromRun(@RequestParam long runId, @RequestParam FundSource source, @RequestParam String title,
            RedirectAttributes flash) {
        try {
            return "redirect:/batches/" + batches.fromRun(scope(), runId, source, title).id();
        } catch (BusinessRuleException | InvalidValueException e) {
            flash.addFlashAttribute("error", messages.of(e));
            return "redirect:/batches";
        }
    }

    /**
     * A hand-made batch: one line per payee, {@code 身份证号或姓名,金额} as a clerk pastes it from a sheet; each person
     * is found in the union's register, and a line whose person is unknown or ambiguous is refused naming it.
     */
    @PostMapping("/manual")
    String manual(@RequestParam long programId, @RequestParam FundSource source, @RequestParam String title,
            @RequestParam String lines, RedirectAttributes flash) {
        try {
            SubjectType type = batches.beneficiaryOf(scope(), programId);
            List<Batches.Line> parsed = new ArrayList<>();
            int n = 0;
            for (String line : lines.split("\\R")) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.strip().split("\\s*[,，\\t]\\s*|\\s+");
                long fen;
                try {
                    fen = Money.parseYuan(parts[parts.length - 1]).fen();
                } catch (RuntimeException e) {
                    throw BusinessRuleException.invalid("batch.error.manualLine", n, line);
                }
                if (parts.length < 2) {
                    throw BusinessRuleException.invalid("batch.error.manualLine", n, line);
                }
                List<Long> who = payees.identify(scope(), type, parts[0]);
                if (who.size() != 1) {
                    throw BusinessRuleException.invalid(who.isEmpty() ? "batch.error.personUnknown" : "batch.error.personAmbiguous",
                            n, parts[0]);
                }
                parsed.add(new Batches.Line(who.get(0), fen));
            }
            return "redirect:/batches/" + batches.manual(scope(), programId, source, title, parsed).id();
        } catch (BusinessRuleException | InvalidValueException e) {
            flash.addFlashAttribute("error", messages.of(e));
            // What was typed comes back into the form, so one wrong line does not cost the clerk the others.
            flash.addFlashAttribute("manual", java.util.Map.of("programId", programId, "source", source.name(),
                    "title", title, "lines", lines));
            return "redirect:/batches";
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) String q,
            @RequestParam(required = false) String after, @RequestParam(required = false) Integer size, Model model) {
        Batch batch = batches.find(scope(), id);
        model.addAttribute("batch", batch);
        model.addAttribute("q", q);
        model.addAttribute("page", batches.itemPage(scope(), id, PageRequest.of(q, after, size == null ? ITEMS_PER_PAGE : size)));
        model.addAttribute("objections", batches.objections(scope(), id));
        var report = statements.report(scope(), id);
        model.addAttribute("report", report);
        // A wrong statement can leave every line unmatched: the first lines are shown with what they could match.
        var unmatched = report.unmatched();
        model.addAttribute("unmatched", unmatched);
        model.addAttribute("unmatchedNotShown", report.unmatchedCount() - unmatched.size());
        model.addAttribute("setAsideNotShown", report.setAsideCount() - report.setAside().size());
        model.addAttribute("candidates", batches.matchCandidates(scope(), id, unmatched.stream().map(u -> u.lineId()).toList()));
        model.addAttribute("layouts", PaymentFileLayout.values());
        model.addAttribute("steps", java.util.Arrays.stream(BatchStatus.values())
                .filter(s -> s != BatchStatus.CANCELLED || batch.status() == BatchStatus.CANCELLED).toList());
        model.addAttribute("record", batches.record(scope(), id).stream().map(this::recordLine).toList());
        return "batch/detail";
    }

    /** One line of 办理记录: when, what (in words), who, and the opinion or reason they gave. */
    record RecordLine(String time, String step, String actor, String opinion) {
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    private RecordLine recordLine(cn.unionaid.audit.AuditEntry e) {
        String opinion = null;
        if (e.detail() != null && e.detail().startsWith("{")) {
            java.util.Map<?, ?> detail = json.readValue(e.detail(), java.util.Map.class);
            Object said = detail.get("opinion") != null ? detail.get("opinion") : detail.get("reason");
            opinion = said == null ? null : said.toString();
        }
        return new RecordLine(TIME.format(e.occurredAt()), messages.get("audit.action." + e.action()),
                e.actor(), opinion);
    }

    /** 发放批次 as a sheet: every batch in scope with its step, amount and who took each step. */
    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export() {
        List<cn.unionaid.disbursement.Batch> all = new java.util.ArrayList<>();
        String after = null;
        do {
            var page = batches.list(scope(), after);
            all.addAll(page.items());
            after = page.nextAfter();
        } while (after != null && all.size() < 100_000);
        byte[] file = cn.unionaid.platform.sheets.Workbooks.write("发放批次", List.of("编号", "标题", "资金来源", "状态",
                "金额(元)", "经办人", "审核人", "决策人", "会议纪要", "公示期", "支付文件制作人", "对账人"),
                sink -> all.forEach(b -> sink.accept(java.util.Arrays.asList(Long.toString(b.id()), b.title(),
                        b.source().label(), b.status().label(), b.totalYuan(), b.preparedBy(), b.reviewedBy(), b.decidedBy(),
                        b.minutesNo(), b.publicityFrom() == null ? null : b.publicityFrom() + " ~ " + b.publicityTo(),
                        b.fileBy(), b.settledBy()))));
        return ResponseEntity.ok()
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename("发放批次.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(file);
    }

    /**
     * 公示名单 to print and post: of one union or the whole batch, a part (册) of {@link PublicityList#PART_SIZE} names
     * at a time, numbered on across parts.
     */
    @GetMapping("/{id}/publicity-list")
    String publicityList(@PathVariable long id, @RequestParam(required = false) String union,
            @RequestParam(defaultValue = "1") int part, Model model) {
        Batch batch = batches.find(scope(), id);
        PublicityList list = batches.publicityList(scope(), id, union);
        model.addAttribute("batch", batch);
        model.addAttribute("program", programs.find(scope(), batch.programId()).orElseThrow());
        model.addAttribute("list", list);
        model.addAttribute("part", part);
        model.addAttribute("rows", listed(id, list, part));
        return "batch/publicity";
    }

    /** One part of the 公示名单 as PDF, to print and post. */
    @GetMapping("/{id}/publicity-list.pdf")
    ResponseEntity<byte[]> publicityPdf(@PathVariable long id, @RequestParam(required = false) String union,
            @RequestParam(defaultValue = "1") int part) {
        Batch batch = batches.find(scope(), id);
        var program = programs.find(scope(), batch.programId()).orElseThrow();
        PublicityList list = batches.publicityList(scope(), id, union);
        List<List<String>> table = new ArrayList<>();
        table.add(PublicityList.HEADER);
        table.addAll(listed(id, list, part));
        String title = messages.get("batch.page.publicityTitle", program.year(), program.name())
                + (list.parts() > 1 ? messages.get("batch.page.publicityPart", part, list.parts()) : "");
        List<String> heading = new ArrayList<>();
        heading.add(messages.get("batch.page.publicityPeriod", batch.publicityFrom(), batch.publicityTo()));
        if (list.union() != null) {
            heading.add(messages.get("batch.page.publicityUnion", list.union()));
        }
        byte[] pdf = cn.unionaid.platform.documents.Documents.pdf(new cn.unionaid.platform.documents.Documents.Simple(
                title, heading, table, List.of(messages.get("batch.page.publicityNote"))));
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.inline().filename("公示名单-" + id
                                + (list.parts() > 1 ? "-第" + part + "册" : "") + ".pdf",
                                java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    /** The rows of one part of a 公示名单; none when the list is empty. */
    private List<List<String>> listed(long id, PublicityList list, int part) {
        List<List<String>> rows = new ArrayList<>();
        if (list.parts() == 0) {
            return rows;
        }
        long[] number = {list.firstNumber(part)};
        batches.forEachListed(scope(), id, list, part, i -> rows.add(PublicityList.row(number[0]++, i)));
        return rows;
    }

    @PostMapping("/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) String opinion, RedirectAttributes flash) {
        return act(id, flash, () -> batches.submit(scope(), id, opinion));
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam String reason, RedirectAttributes flash) {
        return act(id, flash, () -> batches.cancel(scope(), id, reason));
    }

    @PostMapping("/{id}/review")
    String review(@PathVariable long id, @RequestParam(required = false) String opinion, RedirectAttributes flash) {
        return act(id, flash, () -> batches.review(scope(), id, opinion));
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable long id, @RequestParam String reason, RedirectAttributes flash) {
        return act(id, flash, () -> batches.reject(scope(), id, reason));
    }

    @PostMapping("/{id}/decision")
    String decide(@PathVariable long id, @RequestParam String minutesNo,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
            @RequestParam(required = false) MultipartFile minutes, @RequestParam(required = false) String opinion,
            RedirectAttributes flash) throws IOException {
        byte[] content = minutes == null ? null : minutes.getBytes();
        return act(id, flash, () -> batches.decide(scope(), id, minutesNo, decidedOn, content, opinion));
    }

    @PostMapping("/{id}/publicity")
    String publicize(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(defaultValue = "5") int workingDays, RedirectAttributes flash) {
        return act(id, flash, () -> batches.publicize(scope(), id, from, workingDays));
    }

    @PostMapping("/{id}/publicity/photo")
    String photo(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes flash)
            throws IOException {
        byte[] content = file.getBytes();
        return act(id, flash, () -> batches.publicityPhoto(scope(), id, content));
    }

    @PostMapping("/{id}/objections")
    String objection(@PathVariable long id, @RequestParam String raisedBy, @RequestParam String content,
            RedirectAttributes flash) {
        return act(id, flash, () -> batches.raiseObjection(scope(), id, raisedBy, content));
    }

    @PostMapping("/{id}/objections/{objectionId}/resolve")
    String resolve(@PathVariable long id, @PathVariable long objectionId, @RequestParam String resolution,
            RedirectAttributes flash) {
        return act(id, flash, () -> batches.resolveObjection(scope(), id, objectionId, resolution));
    }

    @PostMapping("/{id}/publicity/close")
    String close(@PathVariable long id, @RequestParam(required = false) String opinion, RedirectAttributes flash) {
        return act(id, flash, () -> batches.closePublicity(scope(), id, opinion));
    }

    @PostMapping("/{id}/payment-file")
    Object paymentFile(@PathVariable long id, @RequestParam PaymentFileLayout layout, RedirectAttributes flash) {
        try {
            return DisbursementApi.download(payments.generate(scope(), id, layout));
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", messages.of(e));
            return "redirect:/batches/" + id;
        }
    }

    @GetMapping("/{id}/payment-file")
    ResponseEntity<byte[]> paymentFileAgain(@PathVariable long id) {
        return DisbursementApi.download(payments.download(scope(), id));
    }

    @PostMapping("/{id}/statement")
    String statement(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes flash)
            throws IOException {
        return act(id, flash, () -> {
            StatementResult r;
            try (java.io.InputStream in = file.getInputStream()) {
                r = statements.importStatement(scope(), id, in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            flash.addFlashAttribute("notice", messages.get("batch.page.statementDone", r.lines(), r.alreadyImported(),
                    r.paid(), r.failed(), r.returned(), r.unmatched()));
        });
    }

    @PostMapping("/{id}/statement-lines/{lineId}/match")
    String match(@PathVariable long id, @PathVariable long lineId, @RequestParam long itemId, RedirectAttributes flash) {
        return act(id, flash, () -> statements.matchLine(scope(), id, lineId, itemId));
    }

    @PostMapping("/{id}/items/{itemId}/reissue")
    String reissue(@PathVariable long id, @PathVariable long itemId, RedirectAttributes flash) {
        return act(id, flash, () -> payments.reissue(scope(), id, itemId));
    }

    @PostMapping("/{id}/items/{itemId}/refund")
    String refund(@PathVariable long id, @PathVariable long itemId, @RequestParam String reason, RedirectAttributes flash) {
        return act(id, flash, () -> payments.refund(scope(), id, itemId, reason));
    }

    @PostMapping("/{id}/complete")
    String complete(@PathVariable long id, @RequestParam(required = false) String opinion, RedirectAttributes flash) {
        return act(id, flash, () -> batches.complete(scope(), id, opinion));
    }

    @GetMapping("/{id}/real-name-sheet.xlsx")
    void realNameSheet(@PathVariable long id, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        DataScope scope = scope();
        batches.find(scope, id);
        payments.realNameSheet(scope, id, cn.unionaid.platform.web.Downloads.streamed(response, "实名制汇总表-" + id + ".xlsx",
                cn.unionaid.platform.web.Downloads.XLSX));
    }

    /** 银行对账单模板: the columns the statement import reads, with example lines (docs/statement-formats.md). */
    @GetMapping("/statement-template.xlsx")
    ResponseEntity<byte[]> statementTemplate() {
        return DisbursementApi.xlsx("银行对账单模板.xlsx", cn.unionaid.disbursement.StatementTemplate.xlsx());
    }

    @PostMapping("/{id}/statement-lines/{lineId}/set-aside")
    String setAside(@PathVariable long id, @PathVariable long lineId, @RequestParam String reason, RedirectAttributes flash) {
        return act(id, flash, () -> statements.setAside(scope(), id, lineId, reason));
    }

    private String act(long id, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
            if (!flash.getFlashAttributes().containsKey("notice")) {
                flash.addFlashAttribute("notice", messages.get("common.saved"));
            }
        } catch (BusinessRuleException | InvalidValueException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/batches/" + id;
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
