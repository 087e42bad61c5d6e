package cn.unionaid.controls.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.unionaid.controls.ControlCheck;
import cn.unionaid.controls.ControlRunResult;
import cn.unionaid.controls.Controls;
import cn.unionaid.controls.EvidencePacks;
import cn.unionaid.controls.Finding;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Compliance checks, findings and evidence packs over the API. */
@RestController
@RequestMapping("/api/v1/controls")
class ControlsApi {

    private final Controls controls;
    private final EvidencePacks packs;

    ControlsApi(Controls controls, EvidencePacks packs) {
        this.controls = controls;
        this.packs = packs;
    }

    record Note(String status, String note) {
    }

    @GetMapping("/checks")
    List<Map<String, String>> checks() {
        return Arrays.stream(ControlCheck.values()).map(c -> Map.of("code", c.name(), "title", c.title(),
                "severity", c.severity().label(), "basis", c.basis())).toList();
    }

    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.CREATED)
    ControlRunResult run() {
        return controls.runNow();
    }

    @GetMapping("/findings")
    Page<Finding> findings(@RequestParam(required = false) String status, @RequestParam(required = false) ControlCheck check,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String after) {
        return controls.findings(scope(), status, check, year, after);
    }

    @PostMapping("/findings/{id}/note")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void note(@PathVariable long id, @RequestBody Note body) {
        controls.annotate(scope(), id, body.status(), body.note());
    }

    @GetMapping("/dashboard")
    List<Map<String, Object>> dashboard(@RequestParam(required = false) Integer year) {
        return controls.dashboard(scope(), year);
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
