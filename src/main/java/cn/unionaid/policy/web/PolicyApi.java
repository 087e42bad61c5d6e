package cn.unionaid.policy.web;

import java.time.LocalDate;
import java.util.List;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Page;
import cn.unionaid.policy.Decision;
import cn.unionaid.policy.EntitlementRuns;
import cn.unionaid.policy.EntitlementView;
import cn.unionaid.policy.ExampleCase;
import cn.unionaid.policy.ParameterUnit;
import cn.unionaid.policy.ParameterVersion;
import cn.unionaid.policy.Parameters;
import cn.unionaid.policy.PolicyFiles;
import cn.unionaid.policy.Program;
import cn.unionaid.policy.Programs;
import cn.unionaid.policy.RunComparison;
import cn.unionaid.policy.RunTotals;
import cn.unionaid.policy.RunView;
import cn.unionaid.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
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

/** Programs, standards, policy files and entitlement runs over the API. */
@RestController
@RequestMapping("/api/v1")
class PolicyApi {

    private final Programs programs;
    private final Parameters parameters;
    private final PolicyFiles files;
    private final EntitlementRuns runs;

    private final cn.unionaid.policy.Claims claims;

    PolicyApi(Programs programs, Parameters parameters, PolicyFiles files, EntitlementRuns runs,
            cn.unionaid.policy.Claims claims) {
        this.claims = claims;
        this.programs = programs;
        this.parameters = parameters;
        this.files = files;
        this.runs = runs;
    }

    record RunRequest(LocalDate referenceDate, Boolean whatIf) {
    }

    record Proposal(String regionCode, LocalDate effectiveFrom, String value, String documentRef) {
    }

    record Definition(String key, String name, ParameterUnit unit) {
    }

    record Decision2(List<Long> ids, String note) {
    }

    record NewCase(String name, ExampleCase.Inputs inputs, Decision expectedDecision, String expectedAmount) {
    }

    record Claim(long subjectId, String costYuan, String requestedYuan, String note) {
    }

    @Operation(summary = "导入政策文件（YAML）：标准以“提出”状态导入，须由第二人批准")
    @PostMapping(value = "/policy/import", consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    PolicyFiles.ImportSummary importFile(@RequestBody String yaml) {
        return files.importDocument(scope(), PolicyFiles.parse(yaml));
    }

    @Operation(summary = "载入内置模板（SEED_000 益阳劳模专项 / SEED_002 常德职工及劳模帮扶）")
    @PostMapping("/policy/templates/{template}")
    PolicyFiles.ImportSummary template(@PathVariable PolicyFiles.Template template, @RequestParam int year) {
        return files.loadTemplate(scope(), template, year);
    }

    @Operation(summary = "导出本单位某年度的项目与标准为政策文件（YAML）")
    @GetMapping(value = "/policy/export", produces = "application/yaml")
    ResponseEntity<String> export(@RequestParam int year) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"))
                .body(files.export(scope(), year));
    }

    @GetMapping("/programs")
    List<Program> programs(@RequestParam(required = false) Integer year) {
        return programs.list(scope(), year);
    }

    @GetMapping("/programs/{id}")
    Program program(@PathVariable long id) {
        return programs.find(scope(), id).orElseThrow(() -> BusinessRuleException.notFound("policy.error.programNotFound"));
    }

    @GetMapping("/programs/{id}/cases")
    List<ExampleCase.Result> cases(@PathVariable long id) {
        return programs.checkCases(scope(), id);
    }

    @PostMapping("/programs/{id}/cases")
    @ResponseStatus(HttpStatus.CREATED)
    ExampleCase addCase(@PathVariable long id, @RequestBody NewCase body) {
        return programs.addCase(scope(), id, body.name(), body.inputs(), body.expectedDecision(),
                Money.parseYuan(body.expectedAmount()).fen());
    }

    @Operation(summary = "登记申请（自付费用、申请金额），供按比例或手工核定的项目使用")
    @PostMapping("/programs/{id}/claims")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void claim(@PathVariable long id, @RequestBody Claim body) {
        claims.register(scope(), id, body.subjectId(), fen(body.costYuan()), fen(body.requestedYuan()), body.note(), null, null);
    }

    record ClaimReview(boolean approve, String opinion) {
    }

    @Operation(summary = "申请列表（待审核在前）")
    @GetMapping("/programs/{id}/claims")
    List<cn.unionaid.policy.Claims.Claim> claims(@PathVariable long id) {
        return claims.of(scope(), id);
    }

    @Operation(summary = "审核申请：同意或驳回（驳回须写理由；不得由登记人审核）；只有同意的申请参与核算")
    @PostMapping("/programs/{id}/claims/{subjectId}/review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reviewClaim(@PathVariable long id, @PathVariable long subjectId, @RequestBody ClaimReview body) {
        claims.review(scope(), id, subjectId, body.approve(), body.opinion());
    }

    @Operation(summary = "开始核算：按参照日期（缺省为项目参照日期）计算每人金额；whatIf=true 使用待批准的标准且不可发放")
    @PostMapping("/programs/{id}/runs")
    @ResponseStatus(HttpStatus.CREATED)
    RunView run(@PathVariable long id, @RequestBody(required = false) RunRequest body) {
        return runs.run(scope(), id, body == null ? null : body.referenceDate(), body != null && Boolean.TRUE.equals(body.whatIf()));
    }

    @GetMapping("/programs/{id}/runs")
    List<RunView> programRuns(@PathVariable long id) {
        return runs.ofProgram(scope(), id);
    }

    @Operation(summary = "核算清单与合计")
    @GetMapping("/runs/{id}")
    RunView runView(@PathVariable long id) {
        return runs.find(scope(), id).orElseThrow(() -> BusinessRuleException.notFound("policy.error.runNotFound"));
    }

    @GetMapping("/runs/{id}/totals")
    RunTotals totals(@PathVariable long id) {
        return runs.totals(scope(), id);
    }

    @GetMapping("/runs/{id}/entitlements")
    Page<EntitlementView> entitlements(@PathVariable long id, @RequestParam(required = false) Decision decision,
            @RequestParam(required = false) String q, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int size) {
        return runs.entitlements(scope(), id, decision, q, after, Math.min(Math.max(size, 1), 500));
    }

    @Operation(summary = "某人的核定金额及说明")
    @GetMapping("/runs/{id}/entitlements/{subjectId}")
    EntitlementView entitlement(@PathVariable long id, @PathVariable long subjectId) {
        return runs.entitlement(scope(), id, subjectId)
                .orElseThrow(() -> BusinessRuleException.notFound("registry.error.notFound"));
    }

    @GetMapping("/runs/{id}/compare/{other}")
    RunComparison compare(@PathVariable long id, @PathVariable long other) {
        return runs.compare(scope(), id, other);
    }

    @GetMapping("/parameters")
    List<Parameters.DefinitionWithVersions> parameters() {
        return parameters.all();
    }

    /** Defines a standard; without a key one is made up, and the Location header names the standard's key. */
    @PostMapping("/parameters")
    org.springframework.http.ResponseEntity<Void> define(@RequestBody Definition body) {
        String key = parameters.define(body.key(), body.name(), body.unit());
        return org.springframework.http.ResponseEntity.noContent()
                .location(java.net.URI.create("/api/v1/parameters/" + key + "/versions")).build();
    }

    @PostMapping("/parameters/{key}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    ParameterVersion propose(@PathVariable String key, @RequestBody Proposal body) {
        return parameters.propose(key, body.regionCode(), body.effectiveFrom(), body.value(), body.documentRef());
    }

    @Operation(summary = "批准标准版本（须为提出人以外的审核人或领导；示例不通过则拒绝）")
    @PostMapping("/parameter-versions/approve")
    List<ParameterVersion> approve(@RequestBody Decision2 body) {
        return parameters.approveAll(scope(), body.ids(), body.note());
    }

    @PostMapping("/parameter-versions/{id}/reject")
    ParameterVersion reject(@PathVariable long id, @RequestBody Decision2 body) {
        return parameters.reject(id, body.note());
    }

    @GetMapping("/parameter-versions/proposed")
    List<ParameterVersion> proposed() {
        return parameters.proposed();
    }

    private static Long fen(String yuan) {
        return yuan == null || yuan.isBlank() ? null : Money.parseYuan(yuan).fen();
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
