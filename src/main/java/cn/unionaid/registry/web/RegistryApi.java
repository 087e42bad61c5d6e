package cn.unionaid.registry.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.registry.HouseholdView;
import cn.unionaid.registry.ImportJob;
import cn.unionaid.registry.ImportMode;
import cn.unionaid.registry.ImportResult;
import cn.unionaid.registry.Lifecycle;
import cn.unionaid.registry.LifecycleChange;
import cn.unionaid.registry.Listing;
import cn.unionaid.registry.ModelWorkerView;
import cn.unionaid.registry.Registry;
import cn.unionaid.registry.RegistryEvent;
import cn.unionaid.registry.RegistryFilter;
import cn.unionaid.registry.RegistryImports;
import cn.unionaid.registry.RosterKind;
import cn.unionaid.registry.SubjectType;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The registry over the API: lists with the pages' filters, records, history, lifecycle events, imports. */
@RestController
@RequestMapping("/api/v1")
class RegistryApi {

    private final Registry registry;
    private final RegistryImports imports;
    private final Lifecycle lifecycle;

    RegistryApi(Registry registry, RegistryImports imports, Lifecycle lifecycle) {
        this.registry = registry;
        this.imports = imports;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/model-workers")
    Listing<ModelWorkerView> modelWorkers(RegistryFilter filter, @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer size) {
        return registry.modelWorkers(scope(), withoutIdInUrl(filter), PageRequest.of(null, after, size));
    }

    /** The same search with the filter in the body, the only way to search by ID number (never in a URL). */
    @PostMapping("/model-workers/search")
    Listing<ModelWorkerView> searchModelWorkers(@RequestBody Search body) {
        return registry.modelWorkers(scope(), body.filter(), PageRequest.of(null, body.after(), body.size()));
    }

    /** A search as a request body: the filter's fields and the page. */
    record Search(String q, String idNumber, String region, String honour, String category, String status, String after,
            Integer size) {
        RegistryFilter filter() {
            return new RegistryFilter(q, idNumber, region, honour, category, status);
        }
    }

    /** An ID number in a URL ends up in logs and histories: the API refuses it and names the way that keeps it out. */
    private static RegistryFilter withoutIdInUrl(RegistryFilter filter) {
        if (filter.idNumber() != null && !filter.idNumber().isBlank()) {
            throw BusinessRuleException.invalid("registry.error.idInUrl");
        }
        return filter;
    }

    @GetMapping("/model-workers/{id}")
    ModelWorkerView modelWorker(@PathVariable long id) {
        return registry.modelWorker(scope(), id).orElseThrow(() -> BusinessRuleException.notFound("registry.error.notFound"));
    }

    /** Ids of the model workers in the register on a date, as their archives stood then. */
    @GetMapping("/model-workers/in-register")
    List<Long> inRegister(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return registry.modelWorkersInRegisterOn(scope(), date);
    }

    @GetMapping("/model-workers/{id}/events")
    List<RegistryEvent> modelWorkerEvents(@PathVariable long id) {
        return lifecycle.history(scope(), SubjectType.MODEL_WORKER, id);
    }

    @PostMapping("/model-workers/{id}/events")
    List<RegistryEvent> recordModelWorkerEvent(@PathVariable long id, @RequestBody LifecycleChange change) {
        lifecycle.record(scope(), SubjectType.MODEL_WORKER, id, change);
        return lifecycle.history(scope(), SubjectType.MODEL_WORKER, id);
    }

    @PostMapping("/model-workers/import")
    ResponseEntity<ImportResult> importModelWorkers(@RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String mode) throws IOException {
        return answer(imports.importNow(RosterKind.MODEL_WORKERS, file.getOriginalFilename(), file.getInputStream(),
                mode(mode)));
    }

    @GetMapping("/households")
    Listing<HouseholdView> households(RegistryFilter filter, @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer size) {
        return registry.households(scope(), withoutIdInUrl(filter), PageRequest.of(null, after, size));
    }

    @PostMapping("/households/search")
    Listing<HouseholdView> searchHouseholds(@RequestBody Search body) {
        return registry.households(scope(), body.filter(), PageRequest.of(null, body.after(), body.size()));
    }

    @GetMapping("/households/{id}")
    HouseholdView household(@PathVariable long id) {
        return registry.household(scope(), id).orElseThrow(() -> BusinessRuleException.notFound("registry.error.notFound"));
    }

    @GetMapping("/households/{id}/events")
    List<RegistryEvent> householdEvents(@PathVariable long id) {
        return lifecycle.history(scope(), SubjectType.HOUSEHOLD, id);
    }

    @PostMapping("/households/{id}/events")
    List<RegistryEvent> recordHouseholdEvent(@PathVariable long id, @RequestBody LifecycleChange change) {
        lifecycle.record(scope(), SubjectType.HOUSEHOLD, id, change);
        return lifecycle.history(scope(), SubjectType.HOUSEHOLD, id);
    }

    @PostMapping("/households/import")
    ResponseEntity<ImportResult> importHouseholds(@RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String mode) throws IOException {
        return answer(imports.importNow(RosterKind.HOUSEHOLDS, file.getOriginalFilename(), file.getInputStream(), mode(mode)));
    }

    @GetMapping("/imports/{id}")
    ImportJob job(@PathVariable UUID id) {
        return imports.job(id).orElseThrow(() -> BusinessRuleException.notFound("import.error.jobNotFound"));
    }

    private static ResponseEntity<ImportResult> answer(ImportJob job) {
        ImportResult result = job.result();
        return ResponseEntity.status(result.refused() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
                .header("Location", "/api/v1/imports/" + job.id()).body(result);
    }

    private static ImportMode mode(String mode) {
        try {
            return ImportMode.of(mode);
        } catch (IllegalArgumentException e) {
            throw BusinessRuleException.invalid("import.error.mode");
        }
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
