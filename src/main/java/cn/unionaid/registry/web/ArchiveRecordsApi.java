package cn.unionaid.registry.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.registry.Evidence;
import cn.unionaid.registry.EvidenceKind;
import cn.unionaid.registry.EvidenceView;
import cn.unionaid.registry.PendingSurvey;
import cn.unionaid.registry.RecheckSample;
import cn.unionaid.registry.RecheckSamples;
import cn.unionaid.registry.SubjectType;
import cn.unionaid.registry.SurveyMethod;
import cn.unionaid.registry.SurveyView;
import cn.unionaid.registry.Surveys;
import cn.unionaid.shared.Money;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Evidence, living-status surveys and re-check samples over the API. */
@RestController
@RequestMapping("/api/v1")
class ArchiveRecordsApi {

    private final Evidence evidence;
    private final Surveys surveys;
    private final RecheckSamples samples;

    ArchiveRecordsApi(Evidence evidence, Surveys surveys, RecheckSamples samples) {
        this.evidence = evidence;
        this.surveys = surveys;
        this.samples = samples;
    }

    record PhoneDeclaration(LocalDate date, String caller, String declaration) {
    }

    record NewSurvey(LocalDate date, SurveyMethod method, String findings, String incomeYuan) {
    }

    record NewSample(int year, SubjectType type, Integer sharePercent, Long seed) {
    }

    record Pending(int year, LocalDate deadline, long total, List<PendingSurvey> items) {
    }

    @GetMapping("/" + ArchivePath.PATTERN + "/{id}/evidence")
    List<EvidenceView> evidence(@PathVariable String archives, @PathVariable long id) {
        return evidence.list(scope(), ArchivePath.type(archives), id);
    }

    @PostMapping("/" + ArchivePath.PATTERN + "/{id}/evidence")
    @ResponseStatus(HttpStatus.CREATED)
    EvidenceView upload(@PathVariable String archives, @PathVariable long id, @RequestParam EvidenceKind kind,
            @RequestParam("file") MultipartFile file, @RequestParam(required = false) String note) throws IOException {
        return evidence.upload(scope(), ArchivePath.type(archives), id, kind, file.getOriginalFilename(), file.getBytes(),
                note);
    }

    @PostMapping("/" + ArchivePath.PATTERN + "/{id}/phone-declarations")
    @ResponseStatus(HttpStatus.CREATED)
    EvidenceView phone(@PathVariable String archives, @PathVariable long id, @RequestBody PhoneDeclaration body) {
        return evidence.recordPhoneDeclaration(scope(), ArchivePath.type(archives), id, body.date(), body.caller(),
                body.declaration());
    }

    @GetMapping("/evidence/{id}/content")
    ResponseEntity<InputStreamResource> content(@PathVariable long id) throws IOException {
        Evidence.Download d = evidence.open(scope(), id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(d.content()));
    }

    @GetMapping("/" + ArchivePath.PATTERN + "/{id}/surveys")
    List<SurveyView> surveys(@PathVariable String archives, @PathVariable long id) {
        return surveys.history(scope(), ArchivePath.type(archives), id);
    }

    @PostMapping("/" + ArchivePath.PATTERN + "/{id}/surveys")
    @ResponseStatus(HttpStatus.CREATED)
    List<SurveyView> survey(@PathVariable String archives, @PathVariable long id, @RequestBody NewSurvey body) {
        surveys.record(scope(), ArchivePath.type(archives), id, body.date(), body.method(), body.findings(),
                body.incomeYuan() == null || body.incomeYuan().isBlank() ? null : Money.parseYuan(body.incomeYuan()));
        return surveys.history(scope(), ArchivePath.type(archives), id);
    }

    @GetMapping("/surveys/pending")
    Pending pending(@RequestParam int year, @RequestParam(defaultValue = "100") int size) {
        return new Pending(year, surveys.deadline(year), surveys.countPending(scope(), year),
                surveys.pending(scope(), year, Math.min(size, 1000)));
    }

    @PostMapping("/recheck-samples")
    @ResponseStatus(HttpStatus.CREATED)
    RecheckSample draw(@RequestBody NewSample body) {
        return samples.drawSample(scope(), body.year(), body.type(), body.sharePercent(), body.seed());
    }

    @GetMapping("/recheck-samples/{id}")
    RecheckSample sample(@PathVariable long id) {
        return samples.find(scope(), id).orElseThrow(() -> BusinessRuleException.notFound("recheck.error.notFound"));
    }

    @PostMapping("/recheck-samples/{id}/items/{subjectId}/checked")
    RecheckSample checked(@PathVariable long id, @PathVariable long subjectId) {
        samples.markChecked(scope(), id, subjectId);
        return sample(id);
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
