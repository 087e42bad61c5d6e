package cn.unionaid.controls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.unionaid.audit.AuditEntry;
import cn.unionaid.audit.AuditExtracts;
import cn.unionaid.audit.AuditLog;
import cn.unionaid.audit.ChainVerification;
import cn.unionaid.disbursement.Batch;
import cn.unionaid.disbursement.Batches;
import cn.unionaid.disbursement.PublicityList;
import cn.unionaid.disbursement.ReconciliationReport;
import cn.unionaid.disbursement.Statements;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.documents.Documents;
import cn.unionaid.platform.files.FileStore;
import cn.unionaid.shared.PersonName;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence pack of a batch (证据包): that it was decided, published, paid and reconciled properly, with the
 * batch's audit-log extract and the hash chain from it to an anchor verified at the moment of download.
 */
@Service
public class EvidencePacks {

    private final Batches batches;
    private final cn.unionaid.disbursement.Statements statements;
    private final AuditExtracts extracts;
    private final FileStore files;
    private final AuditLog audit;
    private final cn.unionaid.crosscheck.Hits hits;

    EvidencePacks(Batches batches, cn.unionaid.disbursement.Statements statements, AuditExtracts extracts, FileStore files,
            AuditLog audit,
            cn.unionaid.crosscheck.Hits hits) {
        this.hits = hits;
        this.batches = batches;
        this.statements = statements;
        this.extracts = extracts;
        this.files = files;
        this.audit = audit;
    }

    @PreAuthorize(Controls.READERS)
    @Transactional
    public void pack(DataScope scope, long batchId, OutputStream out) {
        Batch b = batches.find(scope, batchId);
        ChainVerification verification = extracts.verify();
        List<AuditEntry> entries = extracts.forEntity("batch", Long.toString(batchId));
        PublicityList publicity = batches.publicityList(scope, batchId, null);
        boolean publicityAsPdf = publicity.parts() <= 1;
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            text(zip, "00-说明.txt", String.join("\n", "批次 " + b.id() + "：" + b.title(), "状态：" + b.status().label(),
                    "资金来源：" + b.source().label(), "金额：" + b.totalYuan() + " 元",
                    "经办/审核/决策：" + b.preparedBy() + " / " + b.reviewedBy() + " / " + b.decidedBy(),
                    "会议纪要：" + b.minutesNo() + "（" + b.decidedOn() + "）",
                    "公示期：" + b.publicityFrom() + " 至 " + b.publicityTo(),
                    "支付文件 SHA-256：" + b.fileSha256())
                    + (publicityAsPdf ? "" : "\n公示名单共 %,d 人，超过 %,d 人，以 CSV 收录；分册 PDF 可在批次的公示名单页面打印。"
                            .formatted(publicity.listed(), PublicityList.PART_SIZE)));
            stored(zip, "01-会议纪要", b.minutesEvidence());
            if (publicityAsPdf) {
                List<List<String>> table = new ArrayList<>();
                table.add(PublicityList.HEADER);
                publicityRows(scope, batchId, publicity, table::add);
                entry(zip, "02-公示名单.pdf", Documents.pdf(new Documents.Simple("公示名单（批次 " + b.id() + "）",
                        List.of("公示期：" + b.publicityFrom() + " 至 " + b.publicityTo()), table, List.of())));
            } else {
                csv(zip, "02-公示名单.csv", PublicityList.HEADER, rows -> publicityRows(scope, batchId, publicity, rows));
            }
            stored(zip, "03-公示照片", b.publicityPhoto());
            text(zip, "04-支付文件SHA256.txt", b.fileSha256() == null ? "未生成" : b.fileSha256());
            csv(zip, "05-银行对账单.csv", Statements.STATEMENT_LINE_HEADER,
                    rows -> statements.forEachStatementLine(scope, batchId, rows));
            ReconciliationReport report = statements.report(scope, batchId);
            List<List<String>> rec = new ArrayList<>();
            rec.add(List.of("状态", "笔数", "金额(元)"));
            report.byStatus().forEach(l -> rec.add(List.of(l.label(), Long.toString(l.items()), l.amountYuan())));
            rec.add(List.of("未匹配的对账单行", Long.toString(report.unmatchedCount()), ""));
            rec.add(List.of("已搁置的对账单行", Long.toString(report.setAsideCount()), ""));
            text(zip, "06-对账报告.csv", csv(rec));
            List<List<String>> log = new ArrayList<>();
            log.add(List.of("序号", "时间", "操作人", "操作", "内容", "请求编号"));
            entries.forEach(e -> log.add(java.util.Arrays.asList(Long.toString(e.id()), e.occurredAt().toString(), e.actor(),
                    e.action(), e.detail(), e.requestId())));
            text(zip, "07-审计日志摘录.csv", csv(log));
            List<List<String>> chain = new ArrayList<>();
            chain.add(List.of("序号", "前一条哈希", "本条哈希"));
            if (!entries.isEmpty()) {
                extracts.chainFrom(entries.get(0).id()).forEach(l -> chain.add(List.of(Long.toString(l.id()), l.prevHash(),
                        l.hash())));
            }
            text(zip, "08-哈希链.csv", csv(chain));
            String anchor = chain.size() > 1 ? chain.get(chain.size() - 1).get(0) + " " + chain.get(chain.size() - 1).get(2)
                    : "-";
            text(zip, "09-锚点校验.txt", String.join("\n", "全链校验：" + (verification.ok() ? "通过" : "失败，首个异常记录 "
                    + verification.firstBrokenId()), "已校验记录数：" + verification.rowsChecked(), "锚点（最新记录 序号 哈希）：" + anchor,
                    "验证方法：按 08-哈希链.csv 逐行核对“前一条哈希”等于上一行“本条哈希”，并与系统 /api/v1/audit/verify 的结果比对。"));
            text(zip, "10-外部数据比对.csv", csv(crossChecks(scope, batchId)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record("controls.evidencePackDownloaded", "batch", batchId, Map.of("chainOk", verification.ok(),
                "entries", entries.size()));
    }

    /** Every name of the batch's 公示名单, numbered on, a printed part at a time. */
    private void publicityRows(DataScope scope, long batchId, PublicityList list, Consumer<List<String>> rows) {
        long[] number = {1};
        for (int part = 1; part <= list.parts(); part++) {
            batches.forEachListed(scope, batchId, list, part, i -> rows.accept(PublicityList.row(number[0]++, i)));
        }
    }

    /** The outside lists' hits on the batch's payments and how each was resolved (外部数据比对). */
    private List<List<String>> crossChecks(DataScope scope, long batchId) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("命中编号", "名单类别", "名单来源", "名单截止日期", "身份证号", "对象", "金额(元)", "规则", "处理状态", "说明",
                "说明人", "认可/剔除人"));
        String after = null;
        do {
            var page = hits.list(scope, new cn.unionaid.crosscheck.Hits.Filter(null, batchId, null), after, 200);
            page.items().forEach(h -> rows.add(java.util.Arrays.asList(Long.toString(h.id()), h.kindLabel(), h.source(),
                    h.listAsOf().toString(), h.idNumberMasked(), PersonName.masked(h.name()), h.amountYuan(), h.rule(),
                    h.statusLabel(), h.explanation(), h.explainedBy(), h.resolvedBy())));
            after = page.nextAfter();
        } while (after != null);
        return rows;
    }

    private void stored(ZipOutputStream zip, String name, String key) throws IOException {
        if (key == null) {
            text(zip, name + "（未留存）.txt", "未留存");
            return;
        }
        try (InputStream in = files.open(key)) {
            byte[] content = in.readAllBytes();
            String ext = content.length > 3 && content[0] == '%' ? ".pdf" : (content[0] & 0xff) == 0x89 ? ".png" : ".jpg";
            entry(zip, name + ext, content);
        }
    }

    private static void text(ZipOutputStream zip, String name, String content) throws IOException {
        entry(zip, name, ("\uFEFF" + content).getBytes(StandardCharsets.UTF_8));
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** A CSV entry written as its rows come (UTF-8 with BOM, for Excel), the zip left open. */
    private static void csv(ZipOutputStream zip, String name, List<String> header, Consumer<Consumer<List<String>>> rows)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        cn.unionaid.platform.sheets.CsvWriter.write(zip, StandardCharsets.UTF_8, header, rows);
        zip.closeEntry();
    }

    private static String csv(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            sb.append(cn.unionaid.platform.sheets.FormulaSafe.csvLine(row)).append("\r\n");
        }
        return sb.toString();
    }
}
