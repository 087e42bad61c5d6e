package cn.unionaid.policy.web;

import java.time.LocalDate;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Messages;
import cn.unionaid.policy.Decision;
import cn.unionaid.policy.EntitlementRuns;
import cn.unionaid.policy.ParameterUnit;
import cn.unionaid.policy.ParameterVersion;
import cn.unionaid.policy.Parameters;
import cn.unionaid.policy.PolicyFiles;
import cn.unionaid.policy.Program;
import cn.unionaid.policy.Programs;
import cn.unionaid.policy.RunView;
import cn.unionaid.shared.InvalidValueException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** 帮扶项目与标准: programs, their cases and runs, the run results with a chart, standards and their approval. */
@Controller
@RequestMapping("/policy")
class PolicyPages {

    private final Programs programs;
    private final Parameters parameters;
    private final PolicyFiles files;
    private final EntitlementRuns runs;
    private final RuleDescriber describer;
    private final Messages messages;
    private final JsonMapper json;

    private final cn.unionaid.org.Organisations organisations;
    private final cn.unionaid.org.Regions regions;

    PolicyPages(Programs programs, Parameters parameters, PolicyFiles files, EntitlementRuns runs, RuleDescriber describer,
            Messages messages, JsonMapper json, cn.unionaid.org.Organisations organisations, cn.unionaid.org.Regions regions) {
        this.organisations = organisations;
        this.regions = regions;
        this.programs = programs;
        this.parameters = parameters;
        this.files = files;
        this.runs = runs;
        this.describer = describer;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/programs")
    String list(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("thisYear", LocalDate.now().getYear());
        model.addAttribute("programs", programs.list(scope(), year));
        model.addAttribute("templates", PolicyFiles.Template.values());
        return "policy/programs";
    }

    @PostMapping("/templates")
    String loadTemplate(@RequestParam PolicyFiles.Template template, @RequestParam int year, RedirectAttributes flash) {
        return act(flash, "/policy/programs?year=" + year, () -> {
            PolicyFiles.ImportSummary s = files.loadTemplate(scope(), template, year);
            flash.addFlashAttribute("notice", messages.get("policy.page.imported", s.programsSaved(), s.versionsProposed(),
                    s.casesSaved()));
        });
    }

    @PostMapping("/import")
    String importFile(@RequestParam("file") MultipartFile file, RedirectAttributes flash) throws java.io.IOException {
        String text = new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return act(flash, "/policy/programs", () -> {
            PolicyFiles.ImportSummary s = files.importDocument(scope(), PolicyFiles.parse(text));
            flash.addFlashAttribute("notice", messages.get("policy.page.imported", s.programsSaved(), s.versionsProposed(),
                    s.casesSaved()));
        });
    }

    @GetMapping("/export")
    org.springframework.http.ResponseEntity<byte[]> export(@RequestParam int year) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("application/yaml;charset=UTF-8"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename("帮扶政策-" + year + ".yaml",
                                java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(files.export(scope(), year).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping("/programs/{id}")
    String program(@PathVariable long id, Model model) {
        Program program = programs.find(scope(), id)
                .orElseThrow(() -> BusinessRuleException.notFound("policy.error.programNotFound"));
        model.addAttribute("program", program);
        model.addAttribute("ruleLines", describer.describe(program.rule()));
        model.addAttribute("cases", programs.checkCases(scope(), id));
        model.addAttribute("runs", runs.ofProgram(scope(), id));
        return "policy/program";
    }

    @PostMapping("/programs/{id}/runs")
    String run(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate referenceDate,
            @RequestParam(defaultValue = "false") boolean whatIf, RedirectAttributes flash) {
        try {
            RunView run = runs.run(scope(), id, referenceDate, whatIf);
            return "redirect:/policy/runs/" + run.id();
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", messages.of(e));
            return "redirect:/policy/programs/" + id;
        }
    }

    @GetMapping("/runs/{id}")
    String run(@PathVariable long id, @RequestParam(required = false) Decision decision,
            @RequestParam(required = false) String q, @RequestParam(required = false) String after, Model model) {
        RunView run = runs.find(scope(), id).orElseThrow(() -> BusinessRuleException.notFound("policy.error.runNotFound"));
        var totals = runs.totals(scope(), id);
        model.addAttribute("run", run);
        model.addAttribute("totals", totals);
        model.addAttribute("chart", json.writeValueAsString(totals.byRegion().stream()
                .map(l -> java.util.Map.of("name", l.name() == null ? l.code() : l.name(), "value", l.amountYuan())).toList()));
        model.addAttribute("decision", decision);
        model.addAttribute("decisions", Decision.values());
        model.addAttribute("q", q);
        model.addAttribute("page", runs.entitlements(scope(), id, decision, q, after, 50));
        model.addAttribute("others", runs.ofProgram(scope(), run.programId()).stream().filter(r -> r.id() != id).toList());
        return "policy/run";
    }

    /** A run's entitlements as a sheet: who, decision, amount and the explanation in words. */
    @GetMapping("/runs/{id}/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> runSheet(@PathVariable long id,
            @RequestParam(required = false) Decision decision) {
        java.util.List<cn.unionaid.policy.EntitlementView> all = new java.util.ArrayList<>();
        String after = null;
        do {
            var page = runs.entitlements(scope(), id, decision, null, after, 200);
            all.addAll(page.items());
            after = page.nextAfter();
        } while (after != null && all.size() < 1_000_000);
        byte[] file = cn.unionaid.platform.sheets.Workbooks.write("核算结果", java.util.List.of("姓名", "行政区划", "类别",
                "在职状态", "月收入(元)", "结论", "金额(元)", "说明"), sink -> all.forEach(e -> sink.accept(
                java.util.Arrays.asList(e.name(), e.regionCode(), e.grouping(), e.employmentLabel(), e.incomeYuan(),
                        e.decision().label(), e.amountYuan(), e.explanation()))));
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename("核算结果-" + id + ".xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(file);
    }

    @GetMapping("/runs/{id}/people/{subjectId}")
    String person(@PathVariable long id, @PathVariable long subjectId, Model model) {
        model.addAttribute("run", runs.find(scope(), id)
                .orElseThrow(() -> BusinessRuleException.notFound("policy.error.runNotFound")));
        model.addAttribute("e", runs.entitlement(scope(), id, subjectId)
                .orElseThrow(() -> BusinessRuleException.notFound("registry.error.notFound")));
        return "policy/person";
    }

    @GetMapping("/runs/{id}/compare")
    String compare(@PathVariable long id, @RequestParam long other, Model model) {
        model.addAttribute("comparison", runs.compare(scope(), id, other));
        return "policy/compare";
    }

    @GetMapping("/parameters")
    String parameters(Model model) {
        java.util.List<Parameters.DefinitionWithVersions> all = parameters.all();
        model.addAttribute("parameters", all);
        model.addAttribute("decidable", all.stream().flatMap(d -> d.versions().stream())
                .filter(v -> parameters.decidableIn(scope(), v)).map(ParameterVersion::id)
                .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("units", ParameterUnit.values());
        // Pickers: the standards by name, and the regions this union may set standards for (its own and below).
        cn.unionaid.org.OrganisationView union = organisations.find(scope(), scope().orgId()).orElseThrow();
        model.addAttribute("regionOptions", union.level() == cn.unionaid.org.OrgLevel.NATIONAL ? java.util.List.of()
                : regions.within(cn.unionaid.shared.RegionCode.of(union.regionCode())));
        model.addAttribute("national", union.level() == cn.unionaid.org.OrgLevel.NATIONAL);
        return "policy/parameters";
    }

    @PostMapping("/parameters")
    String propose(@RequestParam(required = false) String key, @RequestParam(required = false) String newKey,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) ParameterUnit unit, @RequestParam(required = false) String regionCode,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @RequestParam String value, @RequestParam String documentRef, RedirectAttributes flash) {
        // Kept for the form in case the proposal is refused, so that nothing typed is lost.
        java.util.Map<String, Object> typed = new java.util.HashMap<>();
        typed.put("key", key);
        typed.put("newKey", newKey);
        typed.put("name", name);
        typed.put("regionCode", regionCode);
        typed.put("effectiveFrom", effectiveFrom);
        typed.put("value", value);
        typed.put("documentRef", documentRef);
        String back = act(flash, "/policy/parameters", () -> {
            // An existing standard is chosen by name; a new one is defined with its code, name and unit first.
            String chosen = key == null || key.isBlank() ? (newKey == null ? "" : newKey.strip()) : key.strip();
            if ((key == null || key.isBlank()) && name != null && !name.isBlank() && unit != null) {
                chosen = parameters.define(chosen, name, unit);
            }
            parameters.propose(chosen, regionCode, effectiveFrom, value, documentRef);
            flash.addFlashAttribute("notice", messages.get("common.saved"));
        });
        if (flash.getFlashAttributes().containsKey("error")) {
            flash.addFlashAttribute("proposal", typed);
        }
        return back;
    }

    @PostMapping("/parameter-versions/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(flash, "/policy/parameters", () -> {
            parameters.approve(scope(), id, note);
            flash.addFlashAttribute("notice", messages.get("common.saved"));
        });
    }

    @PostMapping("/parameter-versions/{id}/reject")
    String reject(@PathVariable long id, @RequestParam String note, RedirectAttributes flash) {
        return act(flash, "/policy/parameters", () -> {
            parameters.reject(id, note);
            flash.addFlashAttribute("notice", messages.get("common.saved"));
        });
    }

    private String act(RedirectAttributes flash, String back, Runnable action) {
        try {
            action.run();
        } catch (BusinessRuleException | InvalidValueException e) {
            flash.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:" + back;
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
