package cn.unionaid.registry.web;

import java.io.IOException;
import java.time.LocalDate;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Messages;
import cn.unionaid.registry.Evidence;
import cn.unionaid.registry.EvidenceKind;
import cn.unionaid.registry.RecheckSamples;
import cn.unionaid.registry.SubjectType;
import cn.unionaid.registry.SurveyMethod;
import cn.unionaid.registry.Surveys;
import cn.unionaid.shared.InvalidValueException;
import cn.unionaid.shared.Money;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

/** Evidence, surveys and re-check samples on the pages. */
@Controller
@RequestMapping("/registry")
class ArchiveRecordsPages {

    private final Evidence evidence;
    private final Surveys surveys;
    private final RecheckSamples samples;
    private final Messages messages;
    private final cn.unionaid.registry.Corrections corrections;

    ArchiveRecordsPages(Evidence evidence, Surveys surveys, RecheckSamples samples, Messages messages,
            cn.unionaid.registry.Corrections corrections) {
        this.corrections = corrections;
        this.evidence = evidence;
        this.surveys = surveys;
        this.samples = samples;
        this.messages = messages;
    }

    @PostMapping("/" + ArchivePath.PATTERN + "/{id}/evidence")
    String upload(@PathVariable String archives, @PathVariable long id, @RequestParam EvidenceKind kind,
            @RequestParam("file") MultipartFile file, @RequestParam(required = false) String note,
            RedirectAttributes flash) throws IOException {
        byte[] content = file.getBytes();
        return act(flash, "/registry/" + archives + "/" + id, () -> evidence.upload(scope(), ArchivePath.type(archives), id,
                kind, file.getOriginalFilename(), content, note));
    }

    /** 更正基本信息: card, phone, employer or income, with a reason and optionally the evidence just uploaded. */
    @PostMapping("/" + ArchivePath.PATTERN + "/{id}/corrections")
    String correct(@PathVariable String archives, @PathVariable long id, @RequestParam cn.unionaid.registry.CorrectableFact fact,
            @RequestParam String value, @RequestParam(required = false) String bankName, @RequestParam String reason,
            @RequestParam(required = false) Long evidenceId, RedirectAttributes flash) {
        String back = act(flash, "/registry/" + archives + "/" + id, () -> corrections.correct(scope(),
                ArchivePath.type(archives), id, fact, value, bankName, reason, evidenceId));
        if (flash.getFlashAttributes().containsKey("error")) {
            // What was typed goes back into the form with the reason it was refused.
            java.util.Map<String, Object> typed = new java.util.HashMap<>();
            typed.put("fact", fact.name());
            typed.put("value", value);
            typed.put("bankName", bankName);
            typed.put("reason", reason);
            flash.addFlashAttribute("correction", typed);
        }
        return back;
    }

    @PostMapping("/" + ArchivePath.PATTERN + "/{id}/phone-declarations")
    String phone(@PathVariable String archives, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam String caller, @RequestParam String declaration, RedirectAttributes flash) {
        return act(flash, "/registry/" + archives + "/" + id, () -> evidence.recordPhoneDeclaration(scope(),
                ArchivePath.type(archives), id, date, caller, declaration));
    }

    @PostMapping("/" + ArchivePath.PATTERN + "/{id}/surveys")
    String survey(@PathVariable String archives, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam SurveyMethod method, @RequestParam String findings,
            @RequestParam(required = false) String incomeYuan, RedirectAttributes flash) {
        return act(flash, "/registry/" + archives + "/" + id, () -> surveys.record(scope(), ArchivePath.type(archives), id,
                date, method, findings, incomeYuan == null || incomeYuan.isBlank() ? null : Money.parseYuan(incomeYuan)));
    }

    @GetMapping("/evidence/{id}")
    ResponseEntity<InputStreamResource> open(@PathVariable long id) throws IOException {
        Evidence.Download d = evidence.open(scope(), id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(d.content()));
    }

    @GetMapping("/surveys")
    String pending(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now().getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("deadline", surveys.deadline(y));
        long total = surveys.countPending(scope(), y);
        model.addAttribute("total", total);
        model.addAttribute("overdue", total > 0 && LocalDate.now().isAfter(surveys.deadline(y)));
        model.addAttribute("pending", surveys.pending(scope(), y, 200));
        return "registry/surveys";
    }

    /** 待摸底名单 as a sheet to take on visits: who is still to survey this year, up to 100,000 names. */
    @GetMapping("/surveys/export.xlsx")
    ResponseEntity<byte[]> pendingSheet(@RequestParam(required = false) Integer year) {
        int y = year == null ? LocalDate.now().getYear() : year;
        var rows = surveys.pending(scope(), y, 100_000);
        return xlsx("待摸底名单-" + y + ".xlsx", cn.unionaid.platform.sheets.Workbooks.write("待摸底名单",
                java.util.List.of("类别", "姓名", "所属工会", "行政区划"), sink -> rows.forEach(r -> sink.accept(
                        java.util.List.of(r.type() == SubjectType.MODEL_WORKER ? "劳模" : "困难职工家庭", r.name(),
                                r.orgName(), r.regionName() == null ? "" : r.regionName())))));
    }

    /** 复核抽样 as a sheet: each sample's people and whether they have been checked. */
    @GetMapping("/recheck/export.xlsx")
    ResponseEntity<byte[]> samplesSheet() {
        var all = samples.list(scope());
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd")
                .withZone(java.time.ZoneId.of("Asia/Shanghai"));
        return xlsx("复核抽样.xlsx", cn.unionaid.platform.sheets.Workbooks.write("复核抽样",
                java.util.List.of("抽样编号", "年度", "类别", "比例(%)", "随机种子", "姓名", "复核日期", "复核人"),
                sink -> all.forEach(sample -> sample.items().forEach(i -> sink.accept(java.util.Arrays.asList(
                        Long.toString(sample.id()), Integer.toString(sample.year()),
                        sample.type() == SubjectType.MODEL_WORKER ? "劳模" : "困难职工家庭", Integer.toString(sample.sharePercent()),
                        Long.toString(sample.seed()), i.name(), i.checkedAt() == null ? null : day.format(i.checkedAt()),
                        i.checkedBy()))))));
    }

    private static ResponseEntity<byte[]> xlsx(String name, byte[] file) {
        return ResponseEntity.ok()
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(file);
    }

    @GetMapping("/recheck")
    String recheck(Model model) {
        model.addAttribute("samples", samples.list(scope()));
        model.addAttribute("year", LocalDate.now().getYear());
        return "registry/recheck";
    }

    @PostMapping("/recheck")
    String draw(@RequestParam int year, @RequestParam SubjectType type, @RequestParam(required = false) Integer sharePercent,
            @RequestParam(required = false) Long seed, RedirectAttributes flash) {
        return act(flash, "/registry/recheck", () -> samples.drawSample(scope(), year, type, sharePercent, seed));
    }

    @PostMapping("/recheck/{id}/items/{subjectId}")
    String checked(@PathVariable long id, @PathVariable long subjectId, RedirectAttributes flash) {
        return act(flash, "/registry/recheck", () -> samples.markChecked(scope(), id, subjectId));
    }

    private String act(RedirectAttributes flash, String back, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.get("common.saved"));
        } catch (BusinessRuleException | InvalidValueException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:" + back;
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
