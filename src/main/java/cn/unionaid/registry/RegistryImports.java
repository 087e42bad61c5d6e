package cn.unionaid.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.Role;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.registry.importing.HouseholdImporter;
import cn.unionaid.registry.importing.HouseholdSheet;
import cn.unionaid.registry.importing.ImportFailure;
import cn.unionaid.registry.importing.ModelWorkerImporter;
import cn.unionaid.registry.importing.ModelWorkerSheet;
import cn.unionaid.platform.sheets.Workbooks;
import cn.unionaid.platform.files.FileStore;
import cn.unionaid.registry.internal.ImportJobRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * Roster imports for the pages (in the background, with progress) and the API (answered when done). Either
 * way the file is kept, the job records its result, and the refused rows can be downloaded with their reasons.
 */
@Service
public class RegistryImports {

    private static final Logger log = LoggerFactory.getLogger(RegistryImports.class);

    private final ModelWorkerImporter modelWorkers;
    private final HouseholdImporter households;
    private final ImportJobRepository jobs;
    private final FileStore files;
    private final TaskExecutor executor;
    private final AuditLog audit;
    private final int refusedUploadDays;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    RegistryImports(ModelWorkerImporter modelWorkers, HouseholdImporter households, ImportJobRepository jobs,
            FileStore files, @Qualifier("applicationTaskExecutor") TaskExecutor executor, AuditLog audit,
            @Value("${unionaid.registry.refused-upload-days:7}") int refusedUploadDays,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.audit = audit;
        this.refusedUploadDays = refusedUploadDays;
        this.modelWorkers = modelWorkers;
        this.households = households;
        this.jobs = jobs;
        this.files = files;
        this.executor = executor;
    }

    /** Imports now and answers with the result; a refused all-or-nothing file has stored nothing. */
    @PreAuthorize("hasRole('CLERK')")
    public ImportJob importNow(RosterKind kind, String fileName, byte[] content, ImportMode mode) {
        return importNow(kind, fileName, new ByteArrayInputStream(content), mode);
    }

    /** As {@link #importNow(RosterKind, String, byte[], ImportMode)}, reading the upload once into the file store. */
    @PreAuthorize("hasRole('CLERK')")
    public ImportJob importNow(RosterKind kind, String fileName, InputStream content, ImportMode mode) {
        Begun begun = begin(kind, fileName, content, mode);
        run(begun, kind, mode);
        return job(begun.id()).orElseThrow();
    }

    /** Starts the import in the background; the page follows {@link #job(UUID)}. */
    @PreAuthorize("hasRole('CLERK')")
    public UUID start(RosterKind kind, String fileName, InputStream content, ImportMode mode) {
        Begun begun = begin(kind, fileName, content, mode);
        executor.execute(new DelegatingSecurityContextRunnable(() -> run(begun, kind, mode)));
        return begun.id();
    }

    @PreAuthorize(Registry.BUSINESS_ROLES)
    public Optional<ImportJob> job(UUID id) {
        return jobs.find(CurrentUser.require().scope(), id);
    }

    /**
     * The refused rows of a finished import, as the uploaded sheet with an error column. ID numbers, cards and
     * phones are in full only for roles that may see them (the clerk who fixes the sheet), masked for others; the
     * download is audited. After the upload's keeping time the sheet is gone.
     */
    @PreAuthorize(Registry.BUSINESS_ROLES)
    @Transactional
    public byte[] refusedRows(UUID id) throws IOException {
        ImportJob job = job(id).filter(j -> j.result() != null)
                .orElseThrow(() -> BusinessRuleException.notFound("import.error.jobNotFound"));
        String key = jobs.fileKey(id).filter(files::exists)
                .orElseThrow(() -> BusinessRuleException.conflict("import.error.uploadPurged"));
        boolean full = CurrentUser.require().roles().stream().anyMatch(Role.FULL_PERSONAL_DATA::contains);
        byte[] sheet;
        try (InputStream original = files.open(key)) {
            sheet = Workbooks.refusedRows(original, job.result().errors().stream().collect(java.util.stream.Collectors.groupingBy(
                    ImportError::row, java.util.stream.Collectors.mapping(e -> (e.column() == null ? "" : e.column() + "：")
                            + e.message(), java.util.stream.Collectors.joining("；")))),
                    full ? java.util.Set.of() : cn.unionaid.registry.importing.RowChecker.SENSITIVE,
                    cn.unionaid.registry.importing.RowChecker::mask, job.result().refused());
        }
        audit.record("import.refusedRowsDownloaded", "import_job", id, java.util.Map.of("full", full));
        return sheet;
    }

    /** An import whose process died mid-way is marked failed at the next start (and by a sweep every minute). */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${unionaid.registry.abandoned-sweep-ms:60000}", initialDelayString = "60000")
    public void failAbandonedImports() {
        int failed = jobs.failAbandoned();
        if (failed > 0) {
            log.warn("Marked {} roster imports failed that a stopped process had left running", failed);
        }
    }

    /**
     * Refused and failed uploads are kept sealed only as long as their error sheet is useful
     * ({@code unionaid.registry.refused-upload-days}, default 7), then deleted, unless an accepted import holds
     * the same content.
     */
    @Scheduled(cron = "${unionaid.registry.refused-upload-purge-cron:0 20 3 * * *}")
    public void purgeRefusedUploads() {
        for (String key : jobs.refusedUploadsOlderThan(refusedUploadDays)) {
            files.delete(key);
            jobs.forgetUpload(key);
        }
    }

    /** The roster template: text columns, dropdowns for the fixed lists, required headers noted, example rows. */
    public static byte[] template(RosterKind kind) {
        if (kind == RosterKind.MODEL_WORKERS) {
            return Workbooks.template("劳模花名册", ModelWorkerSheet.COLUMNS, List.of(List.of("张三", "43090319650505123X",
                    "省部级劳动模范", "2005", "离退休", "益阳市某机械厂", "430903", "430903", "3200.00", "2023-09", "13800000000",
                    "中国农业银行益阳分行", "6228480000000000000", "是", "保持", "2020-01-01", "示例行，导入前请删除")),
                    ModelWorkerSheet.REQUIRED, java.util.Map.of(ModelWorkerSheet.HONOUR, labels(Honour.class),
                            ModelWorkerSheet.EMPLOYMENT, labels(Employment.class), ModelWorkerSheet.LIVING, List.of("是", "否"),
                            ModelWorkerSheet.HONOUR_STATE, List.of("保持", "撤销")));
        }
        return Workbooks.template("困难职工家庭花名册", HouseholdSheet.COLUMNS, List.of(
                List.of("HS-0001", "户主", "李四", "430903197803031231", "1200.00", "慢性病", "深度困难", "因病致困", "租住公房",
                        "中国工商银行益阳分行", "6222020000000000000", "430903", "430903", "2021-03-01"),
                List.of("HS-0001", "子女", "李小四", "430903200805051230", "0", "健康")),
                HouseholdSheet.REQUIRED, java.util.Map.of(HouseholdSheet.RELATION, labels(Relation.class),
                        HouseholdSheet.CATEGORY, labels(HardshipCategory.class)));
    }

    private static <E extends Enum<E> & cn.unionaid.shared.Labelled> List<String> labels(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(cn.unionaid.shared.Labelled::label).toList();
    }

    /** An import whose upload is in the file store under {@code fileKey}. */
    private record Begun(UUID id, String fileKey) {
    }

    private Begun begin(RosterKind kind, String fileName, InputStream content, ImportMode mode) {
        if (content == null) {
            throw BusinessRuleException.invalid("import.error.noFile");
        }
        FileStore.Stored stored = files.save(content);
        if (stored.size() == 0) {
            throw BusinessRuleException.invalid("import.error.noFile");
        }
        UUID id = UUID.randomUUID();
        var user = CurrentUser.require();
        jobs.start(id, kind, user.orgId(), user.getUsername(), safeName(fileName), stored.key(), mode.name());
        return new Begun(id, stored.key());
    }

    private void run(Begun begun, RosterKind kind, ImportMode mode) {
        UUID id = begun.id();
        DataScope scope = CurrentUser.require().scope();
        LongConsumer progress = rows -> jobs.progress(id, rows);
        String fileName = fileNameOf(id);
        try (InputStream in = new java.io.BufferedInputStream(files.open(begun.fileKey()), 1 << 16)) {
            // One transaction for the import, holding the job's lock so that no instance takes it for abandoned.
            ImportResult result = transactions.execute(status -> {
                jobs.holdWhileWorking(id);
                try {
                    return kind == RosterKind.MODEL_WORKERS
                            ? modelWorkers.importRoster(scope, fileName, in, mode, progress)
                            : households.importRoster(scope, fileName, in, mode, progress);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            jobs.finish(id, "DONE", result);
        } catch (ImportFailure refused) {
            jobs.finish(id, "REFUSED", refused.result());
        } catch (IOException | RuntimeException e) {
            log.warn("Import {} failed", id, e);
            jobs.finish(id, "FAILED", ImportResult.refusedWhole(List.of(new ImportError(1, null, "",
                    "文件无法读取：请上传 XLSX 或 CSV（UTF-8 或 GBK）格式的花名册")), 0));
        }
    }

    private String fileNameOf(UUID id) {
        return job(id).map(ImportJob::fileName).orElse("");
    }

    private static String safeName(String name) {
        String n = name == null || name.isBlank() ? "roster" : name.replaceAll("[\\\\/\\r\\n]", "_").strip();
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}
