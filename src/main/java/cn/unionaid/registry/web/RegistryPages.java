package cn.unionaid.registry.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.unionaid.org.Organisations;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Messages;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.registry.EventKind;
import cn.unionaid.registry.Evidence;
import cn.unionaid.registry.EvidenceKind;
import cn.unionaid.registry.SurveyMethod;
import cn.unionaid.registry.Surveys;
import cn.unionaid.registry.HardshipCategory;
import cn.unionaid.registry.Honour;
import cn.unionaid.registry.ImportMode;
import cn.unionaid.registry.Lifecycle;
import cn.unionaid.registry.LifecycleChange;
import cn.unionaid.registry.Registry;
import cn.unionaid.registry.RegistryFilter;
import cn.unionaid.registry.RegistryImports;
import cn.unionaid.registry.RosterKind;
import cn.unionaid.registry.SubjectType;
import cn.unionaid.shared.InvalidValueException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 档案管理: the registry's lists, records, lifecycle forms and roster imports with their progress. */
@Controller
@RequestMapping("/registry")
class RegistryPages {

    private final Registry registry;
    private final RegistryImports imports;
    private final Lifecycle lifecycle;
    private final Organisations organisations;
    private final Messages messages;
    private final Evidence evidence;
    private final Surveys surveys;
    private final List<cn.unionaid.registry.PaymentHistory> paymentHistory;

    RegistryPages(Registry registry, RegistryImports imports, Lifecycle lifecycle, Organisations organisations,
            Messages messages, Evidence evidence, Surveys surveys, List<cn.unionaid.registry.PaymentHistory> paymentHistory) {
        this.paymentHistory = paymentHistory;
        this.registry = registry;
        this.imports = imports;
        this.lifecycle = lifecycle;
        this.organisations = organisations;
        this.messages = messages;
        this.evidence = evidence;
        this.surveys = surveys;
    }

    /** What both detail pages show below the record: history, evidence, surveys and the forms. */
    private void archiveRecords(Model model, SubjectType type, long id, List<EventKind> kinds) {
        model.addAttribute("events", lifecycle.history(scope(), type, id));
        model.addAttribute("eventKinds", kinds);
        model.addAttribute("orgs", organisations.visible(scope(), PageRequest.of(null, null, 200)).items());
        model.addAttribute("evidence", evidence.list(scope(), type, id));
        model.addAttribute("evidenceKinds", List.of(EvidenceKind.APPLICATION, EvidenceKind.STAMPED_CERTIFICATE,
                EvidenceKind.INCOME_PROOF, EvidenceKind.MEDICAL_BILLS, EvidenceKind.VISIT_RECORD, EvidenceKind.CARD_COPY));
        model.addAttribute("surveys", surveys.history(scope(), type, id));
        model.addAttribute("surveyMethods", java.util.Arrays.stream(SurveyMethod.values())
                .filter(m -> m != SurveyMethod.SELF).toList());
        model.addAttribute("payments", paymentHistory.stream().flatMap(h -> h.of(scope(), type, id).stream()).toList());
        model.addAttribute("facts", java.util.Arrays.stream(cn.unionaid.registry.CorrectableFact.values())
                .filter(f -> f.heldBy(type)).toList());
    }

    /** Searched by GET (name, region, …) or by POST (the form, so that an ID number stays out of the URL). */
    @RequestMapping(value = "/model-workers", method = {RequestMethod.GET, RequestMethod.POST})
    String modelWorkers(RegistryFilter filter, @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer size, @RequestParam(defaultValue = "1") int p,
            @RequestParam(required = false) Long org, Model model, jakarta.servlet.http.HttpServletRequest request) {
        filter = idOnlyByPost(filter, request);
        DataScope viewed = listing(model, filter, size, p, org);
        model.addAttribute("honours", Honour.values());
        try {
            model.addAttribute("page", registry.modelWorkers(viewed, filter, PageRequest.of(null, after, size)));
        } catch (InvalidValueException e) {
            model.addAttribute("error", messages.of(e));
            model.addAttribute("page", registry.modelWorkers(viewed, RegistryFilter.none(), PageRequest.of(null, null, size)));
        }
        return "registry/model-workers";
    }

    @GetMapping("/model-workers/{id}")
    String modelWorker(@PathVariable long id, Model model) {
        model.addAttribute("worker", registry.modelWorker(scope(), id)
                .orElseThrow(() -> BusinessRuleException.notFound("registry.error.notFound")));
        archiveRecords(model, SubjectType.MODEL_WORKER, id, List.of(EventKind.REVIEWED, EventKind.RETIRED,
                EventKind.DECEASED, EventKind.HONOUR_REVOKED, EventKind.MOVED_OUT, EventKind.CLOSED));
        model.addAttribute("base", "/registry/model-workers/" + id);
        return "registry/model-worker";
    }

    /** The full value of one field, as an htmx fragment; audited. */
    @PostMapping("/model-workers/{id}/reveal")
    @ResponseBody
    String reveal(@PathVariable long id, @RequestParam Registry.SensitiveField field) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(registry.revealModelWorker(scope(), id, field));
    }

    @PostMapping("/model-workers/{id}/events")
    String recordModelWorkerEvent(@PathVariable long id, @RequestParam EventKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam String reason, @RequestParam(required = false) Long toOrgId, RedirectAttributes flash) {
        return record(SubjectType.MODEL_WORKER, id, new LifecycleChange(kind, date, reason, null, toOrgId), flash,
                "/registry/model-workers/" + id);
    }

    /** Searched by GET (name, region, …) or by POST (the form, so that an ID number stays out of the URL). */
    @RequestMapping(value = "/households", method = {RequestMethod.GET, RequestMethod.POST})
    String households(RegistryFilter filter, @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer size, @RequestParam(defaultValue = "1") int p,
            @RequestParam(required = false) Long org, Model model, jakarta.servlet.http.HttpServletRequest request) {
        filter = idOnlyByPost(filter, request);
        DataScope viewed = listing(model, filter, size, p, org);
        model.addAttribute("categories", HardshipCategory.values());
        try {
            model.addAttribute("page", registry.households(viewed, filter, PageRequest.of(null, after, size)));
        } catch (InvalidValueException e) {
            model.addAttribute("error", messages.of(e));
            model.addAttribute("page", registry.households(viewed, RegistryFilter.none(), PageRequest.of(null, null, size)));
        }
        return "registry/households";
    }

    /** What every register list carries: the filter, the union looked at, the page size and number. */
    private DataScope listing(Model model, RegistryFilter filter, Integer size, int p, Long org) {
        cn.unionaid.org.UnionChoice choice = organisations.choose(scope(), org);
        model.addAttribute("filter", filter);
        model.addAttribute("choice", choice);
        model.addAttribute("size", PageRequest.of(null, null, size).size());
        model.addAttribute("p", Math.max(1, p));
        return choice.scope();
    }

    /** An ID number arriving in a URL (a pasted link) is not searched for: only the form's POST carries it. */
    private static RegistryFilter idOnlyByPost(RegistryFilter f, jakarta.servlet.http.HttpServletRequest request) {
        return "POST".equals(request.getMethod()) ? f
                : new RegistryFilter(f.q(), null, f.region(), f.honour(), f.category(), f.status());
    }

    @GetMapping("/households/{id}")
    String household(@PathVariable long id, Model model) {
        model.addAttribute("household", registry.household(scope(), id)
                .orElseThrow(() -> BusinessRuleException.notFound("registry.error.notFound")));
        archiveRecords(model, SubjectType.HOUSEHOLD, id, List.of(EventKind.REVIEWED, EventKind.LIFTED,
                EventKind.MOVED_OUT, EventKind.CLOSED));
        model.addAttribute("base", "/registry/households/" + id);
        return "registry/household";
    }

    @PostMapping("/households/{id}/events")
    String recordHouseholdEvent(@PathVariable long id, @RequestParam EventKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam String reason, @RequestParam(required = false) Long toOrgId, RedirectAttributes flash) {
        return record(SubjectType.HOUSEHOLD, id, new LifecycleChange(kind, date, reason, null, toOrgId), flash,
                "/registry/households/" + id);
    }

    @GetMapping("/import")
    String importForm() {
        return "registry/import";
    }

    @PostMapping("/import")
    String startImport(@RequestParam RosterKind kind, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode, Model model) throws IOException {
        try {
            UUID id = imports.start(kind, file.getOriginalFilename(), file.getInputStream(), mode);
            return "redirect:/registry/imports/" + id;
        } catch (BusinessRuleException e) {
            model.addAttribute("error", messages.of(e));
            return "registry/import";
        }
    }

    @GetMapping("/imports/{id}")
    String job(@PathVariable UUID id, Model model) {
        model.addAttribute("job", imports.job(id).orElseThrow(() -> BusinessRuleException.notFound("import.error.jobNotFound")));
        return "registry/import-job";
    }

    /** The progress panel alone, polled by htmx while the import runs. */
    @GetMapping("/imports/{id}/status")
    String jobStatus(@PathVariable UUID id, Model model) {
        job(id, model);
        return "registry/import-job :: status";
    }

    private String record(SubjectType type, long id, LifecycleChange change, RedirectAttributes flash, String back) {
        try {
            lifecycle.record(scope(), type, id, change);
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
