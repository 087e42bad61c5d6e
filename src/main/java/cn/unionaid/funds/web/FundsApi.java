package cn.unionaid.funds.web;

import java.time.LocalDate;
import java.util.List;

import cn.unionaid.funds.Funds;
import cn.unionaid.funds.LedgerEntry;
import cn.unionaid.funds.Milestone;
import cn.unionaid.funds.SourceBalance;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.shared.FundSource;
import cn.unionaid.shared.Money;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Budgets, receipts, reallocations, balances, ledgers and execution over the API. Amounts in yuan as text. */
@RestController
@RequestMapping("/api/v1/funds")
class FundsApi {

    private final Funds funds;
    private final cn.unionaid.funds.Allocations allocations;

    private final tools.jackson.databind.json.JsonMapper json;

    FundsApi(Funds funds, cn.unionaid.funds.Allocations allocations, tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.funds = funds;
        this.allocations = allocations;
    }

    record NewAllocation(int year, FundSource source, long toOrgId, String amountYuan, String nature, String conditions,
            LocalDate date) {
    }

    @PostMapping("/allocations")
    @ResponseStatus(HttpStatus.CREATED)
    cn.unionaid.funds.Allocation allocate(@RequestBody NewAllocation body) {
        return allocations.allocate(scope(), body.year(), body.source(), body.toOrgId(), Money.parseYuan(body.amountYuan()),
                body.nature(), body.conditions(), body.date());
    }

    @GetMapping("/allocations")
    List<cn.unionaid.funds.Allocation> allocations(@RequestParam int year) {
        return allocations.list(scope(), year);
    }

    /** 拨款通知单 as DOCX ({@code format=docx}) or PDF. */
    @GetMapping("/allocations/{id}/notice")
    org.springframework.http.ResponseEntity<byte[]> notice(@PathVariable long id, @RequestParam(defaultValue = "pdf") String format) {
        var doc = allocations.notice(scope(), id);
        boolean docx = "docx".equalsIgnoreCase(format);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(docx
                        ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "application/pdf"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename("拨款通知单-" + id + (docx ? ".docx" : ".pdf"),
                                java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(docx ? cn.unionaid.platform.documents.Documents.docx(doc)
                        : cn.unionaid.platform.documents.Documents.pdf(doc));
    }

    record BudgetLine(int year, Long programId, FundSource source, String amountYuan) {
    }

    record Receipt(int year, FundSource source, LocalDate date, String amountYuan, String voucher, String note) {
    }

    record Reallocation(int year, FundSource source, long fromProgramId, long toProgramId, String amountYuan,
            String reason) {
    }

    @PostMapping("/budget")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void budget(@RequestBody BudgetLine body) {
        funds.setBudget(scope(), body.year(), body.programId(), body.source(), Money.parseYuan(body.amountYuan()));
    }

    @PostMapping("/receipts")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void receipt(@RequestBody Receipt body) {
        funds.recordReceipt(scope(), body.year(), body.source(), body.date(), Money.parseYuan(body.amountYuan()),
                body.voucher(), body.note());
    }

    @PostMapping("/reallocations")
    @ResponseStatus(HttpStatus.CREATED)
    long reallocate(@RequestBody Reallocation body) {
        return funds.requestReallocation(scope(), body.year(), body.source(), body.fromProgramId(), body.toProgramId(),
                Money.parseYuan(body.amountYuan()), body.reason());
    }

    @PostMapping("/reallocations/{id}/approve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void approve(@PathVariable long id) {
        funds.approveReallocation(scope(), id);
    }

    @GetMapping("/balances")
    List<SourceBalance> balances(@RequestParam int year, @RequestParam(required = false) Long programId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return funds.balances(scope(), year, programId, asOf == null ? LocalDate.now() : asOf);
    }

    /** The ledger of one source in its order, as one JSON array written as it is read (a province's year is millions). */
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", array = @io.swagger.v3.oas.annotations.media.ArraySchema(
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = LedgerEntry.class))))
    @GetMapping("/ledger")
    void ledger(@RequestParam int year, @RequestParam FundSource source, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        DataScope scope = scope();
        cn.unionaid.platform.web.StreamedJson.array(json, response, each -> funds.forEachLedgerEntry(scope, year, source,
                each::accept));
    }

    @GetMapping("/execution")
    List<Milestone> execution(@RequestParam int year) {
        return funds.milestones(scope(), year);
    }

    private static DataScope scope() {
        return CurrentUser.require().scope();
    }
}
