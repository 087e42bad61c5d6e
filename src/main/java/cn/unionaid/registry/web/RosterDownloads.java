package cn.unionaid.registry.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import cn.unionaid.platform.CurrentUser;
import cn.unionaid.registry.Registry;
import cn.unionaid.registry.RegistryFilter;
import cn.unionaid.registry.RegistryImports;
import cn.unionaid.registry.RosterKind;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Workbooks to download: blank templates, refused rows with their reasons, roster exports; for pages and API. */
@Controller
class RosterDownloads {

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Registry registry;
    private final RegistryImports imports;

    RosterDownloads(Registry registry, RegistryImports imports) {
        this.registry = registry;
        this.imports = imports;
    }

    @GetMapping({"/registry/templates/model-workers.xlsx", "/api/v1/model-workers/template.xlsx"})
    ResponseEntity<byte[]> modelWorkerTemplate() {
        return xlsx("劳模花名册模板.xlsx", RegistryImports.template(RosterKind.MODEL_WORKERS));
    }

    @GetMapping({"/registry/templates/households.xlsx", "/api/v1/households/template.xlsx"})
    ResponseEntity<byte[]> householdTemplate() {
        return xlsx("困难职工家庭花名册模板.xlsx", RegistryImports.template(RosterKind.HOUSEHOLDS));
    }

    @GetMapping({"/registry/imports/{id}/errors.xlsx", "/api/v1/imports/{id}/errors.xlsx"})
    ResponseEntity<byte[]> refusedRows(@PathVariable UUID id) throws IOException {
        return xlsx("错误行.xlsx", imports.refusedRows(id));
    }

    @GetMapping({"/registry/model-workers/export.xlsx", "/api/v1/model-workers/export.xlsx"})
    ResponseEntity<byte[]> exportModelWorkers(RegistryFilter filter, @RequestParam(defaultValue = "false") boolean full) {
        return xlsx("劳模花名册.xlsx", registry.exportModelWorkers(CurrentUser.require().scope(), filter, full));
    }

    @GetMapping({"/registry/households/export.xlsx", "/api/v1/households/export.xlsx"})
    ResponseEntity<byte[]> exportHouseholds(RegistryFilter filter, @RequestParam(defaultValue = "false") boolean full) {
        return xlsx("困难职工家庭花名册.xlsx", registry.exportHouseholds(CurrentUser.require().scope(), filter, full));
    }

    private static ResponseEntity<byte[]> xlsx(String fileName, byte[] content) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
