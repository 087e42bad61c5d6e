package cn.unionaid.disbursement.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.unionaid.disbursement.Batch;
import cn.unionaid.disbursement.BatchItemView;
import cn.unionaid.disbursement.Batches;
import cn.unionaid.disbursement.Objection;
import cn.unionaid.disbursement.PaymentFileLayout;
import cn.unionaid.disbursement.Payments;
import cn.unionaid.disbursement.ReconciliationReport;
import cn.unionaid.disbursement.StatementResult;
import cn.unionaid.disbursement.StatementTemplate;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Page;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.shared.FundSource;
import cn.unionaid.shared.Money;
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

/** Batches and their steps, payment files and statements over the API. */
@RestController
@RequestMapping("/api/v1/batches")
class DisbursementApi {

    private final Batches batches;
    private final Payments payments;
    private final cn.unionaid.disbursement.Statements statements;

    private final tools.jackson.databind.json.JsonMapper json;

    DisbursementApi(Batches batches, Payments payments, cn.unionaid.disbursement.Statements statements,
            tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.batches = batches;
        this.payments = payments;
        this.statements = statements;
    }

    record FromRun(long runId, FundSource source, String title) {
    }

    record Manual(long programId, FundSource source, String title, List<ManualLine> lines) {
    }

    record ManualLine(long subjectId, String amountYuan) {
    }

    record Reason(String reason) {
    }

    record Decision(String minutesNo, LocalDate decidedOn, String opinion) {
    }

    /** The optional opinion (审核意见) of whoever takes a step. */
    record Opinion(String opinion) {
        static String of(Opinion body) {
            return body == null ? null : body.opinion();
        }
    }

    record Publicity(LocalDate from, Integer workingDays) {
    }

    record NewObjection(String raisedBy, String content) {
    }

    record Resolution(String resolution) {
    }

    @PostMapping("/from-run")
    @ResponseStatus(HttpStatus.CREATED)
    Batch fromRun(@RequestBody FromRun body) {
        return batches.fromRun(scope(), body.runId(), body.source(), body.title());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Batch manual(@RequestBody Manual body) {
        return batches.manual(scope(), body.programId(), body.source(), body.title(), body.lines().stream()
                .map(l -> new Batches.Line(l.subjectId(), Money.parseYuan(l.amountYuan()).fen())).toList());
    }

    @GetMapping
    Page<Batch> list(@RequestParam(required = false) String after) {
        return batches.list(scope(), after);
    }

    @GetMapping("/{id}")
    Batch get(@PathVariable long id) {
        return batches.find(scope(), id);
    }

    /**
     * Every payment of the batch as one JSON array, written as it is read: a province's batch of 800,000 payments is
     * never held in memory (a page at a time: {@code /items/page}).
     */
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", array = @io.swagger.v3.oas.annotations.media.ArraySchema(
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = BatchItemView.class))))
    @GetMapping("/{id}/items")
    void items(@PathVariable long id, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        DataScope scope = scope();
        batches.find(scope, id);
        cn.unionaid.platform.web.StreamedJson.array(json, response, each -> batches.forEachItem(scope, id, each::accept));
    }

    /** The batch's payments a page at a time ({@code nextAfter} names the next page), by name or reference. */
    @GetMapping("/{id}/items/page")
    Page<BatchItemView> itemPage(@PathVariable long id, @RequestParam(required = false) String q,
            @RequestParam(required = false) String after, @RequestParam(required = false) Integer size) {
        return batches.itemPage(scope(), id, PageRequest.of(q, after, size));
    }

    @PostMapping("/{id}/submit")
    Batch submit(@PathVariable long id, @RequestBody(required = false) Opinion body) {
        return batches.submit(scope(), id, Opinion.of(body));
    }

    @PostMapping("/{id}/cancel")
    Batch cancel(@PathVariable long id, @RequestBody Reason body) {
        return batches.cancel(scope(), id, body.reason());
    }

    @PostMapping("/{id}/review")
    Batch review(@PathVariable long id, @RequestBody(required = false) Opinion body) {
        return batches.review(scope(), id, Opinion.of(body));
    }

    @PostMapping("/{id}/reject")
    Batch reject(@PathVariable long id, @RequestBody Reason body) {
        return batches.reject(scope(), id, body.reason());
    }

    @PostMapping("/{id}/decision")
    Batch decide(@PathVariable long id, @RequestBody Decision body) {
        return batches.decide(scope(), id, body.minutesNo(), body.decidedOn(), null, body.opinion());
    }

    @PostMapping("/{id}/publicity")
    Batch publicize(@PathVariable long id, @RequestBody Publicity body) {
        return batches.publicize(scope(), id, body.from(), body.workingDays());
    }

    @PostMapping("/{id}/publicity/photo")
    Batch photo(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        return batches.publicityPhoto(scope(), id, file.getBytes());
    }

    @GetMapping("/{id}/objections")
    List<Objection> objections(@PathVariable long id) {
        return batches.objections(scope(), id);
    }

    @PostMapping("/{id}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    List<Objection> raise(@PathVariable long id, @RequestBody NewObjection body) {
        batches.raiseObjection(scope(), id, body.raisedBy(), body.content());
        return batches.objections(scope(), id);
    }

    @PostMapping("/{id}/objections/{objectionId}/resolve")
    List<Objection> resolve(@PathVariable long id, @PathVariable long objectionId, @RequestBody Resolution body) {
        batches.resolveObjection(scope(), id, objectionId, body.resolution());
        return batches.objections(scope(), id);
    }

    @PostMapping("/{id}/publicity/close")
    Batch closePublicity(@PathVariable long id, @RequestBody(required = false) Opinion body) {
        return batches.closePublicity(scope(), id, Opinion.of(body));
    }

    @PostMapping("/{id}/payment-file")
    ResponseEntity<byte[]> paymentFile(@PathVariable long id, @RequestParam(defaultValue = "GENERIC_XLSX") PaymentFileLayout layout) {
        return download(payments.generate(scope(), id, layout));
    }

    @GetMapping("/{id}/payment-file")
    ResponseEntity<byte[]> paymentFileAgain(@PathVariable long id) {
        return download(payments.download(scope(), id));
    }

    @PostMapping("/{id}/statement")
    StatementResult statement(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        try (java.io.InputStream in = file.getInputStream()) {
            return statements.importStatement(scope(), id, in);
        }
    }

    @GetMapping("/{id}/reconciliation")
    ReconciliationReport reconciliation(@PathVariable long id) {
        return statements.report(scope(), id);
    }

    /** The statement's lines no payment claims a page at a time: waiting for a person, or ({@code setAside=true}) set aside. */
    @GetMapping("/{id}/statement-lines")
    Page<ReconciliationReport.Unmatched> unclaimedLines(@PathVariable long id,
            @RequestParam(defaultValue = "false") boolean setAside, @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer size) {
        return statements.unclaimedLines(scope(), id, setAside, PageRequest.of(null, after, size));
    }

    @PostMapping("/{id}/statement-lines/{lineId}/match/{itemId}")
    ReconciliationReport match(@PathVariable long id, @PathVariable long lineId, @PathVariable long itemId) {
        statements.matchLine(scope(), id, lineId, itemId);
        return statements.report(scope(), id);
    }

    @PostMapping("/{id}/statement-lines/{lineId}/set-aside")
    ReconciliationReport setAside(@PathVariable long id, @PathVariable long lineId, @RequestBody Reason body) {
        statements.setAside(scope(), id, lineId, body.reason());
        return statements.report(scope(), id);
    }

    @GetMapping("/statement-template.xlsx")
    ResponseEntity<byte[]> statementTemplate() {
        return xlsx("银行对账单模板.xlsx", StatementTemplate.xlsx());
    }

    /** Re-issues a failed or returned payment; answers the payment and its re-issue. */
    @PostMapping("/{id}/items/{itemId}/reissue")
    List<BatchItemView> reissue(@PathVariable long id, @PathVariable long itemId) {
        payments.reissue(scope(), id, itemId);
        return batches.itemAndReissue(scope(), id, itemId);
    }

    /** Refunds a failed or returned payment's money; answers the payment as it now stands. */
    @PostMapping("/{id}/items/{itemId}/refund")
    List<BatchItemView> refund(@PathVariable long id, @PathVariable long itemId, @RequestBody Reason body) {
        payments.refund(scope(), id, itemId, body.reason());
        return batches.itemAndReissue(scope(), id, itemId);
    }

    @PostMapping("/{id}/complete")
    Batch complete(@PathVariable long id, @RequestBody(required = false) Opinion body) {
        return batches.complete(scope(), id, Opinion.of(body));
    }

    @GetMapping("/{id}/real-name-sheet.xlsx")
    void realNameSheet(@PathVariable long id, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        DataScope scope = scope();
        batches.find(scope, id);
        payments.realNameSheet(scope, id, cn.unionaid.platform.web.Downloads.streamed(response, "实名制汇总表-" + id + ".xlsx",
                cn.unionaid.platform.web.Downloads.XLSX));
    }

    static ResponseEntity<byte[]> xlsx(String fileName, byte[] content) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    static ResponseEntity<byte[]> download(Payments.PaymentFile file) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header("X-Content-SHA256", file.sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
