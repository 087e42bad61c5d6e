package cn.unionaid.registry.importing;

import cn.unionaid.platform.sheets.Cells;
import cn.unionaid.platform.sheets.SheetHeader;
import cn.unionaid.platform.sheets.SheetRow;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.org.OrganisationView;
import cn.unionaid.org.Organisations;
import cn.unionaid.org.Regions;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.db.CopyBehind;
import cn.unionaid.platform.db.CsvCopy;
import cn.unionaid.platform.db.Phases;
import cn.unionaid.platform.Messages;
import cn.unionaid.registry.Employment;
import cn.unionaid.registry.Honour;
import cn.unionaid.registry.ImportError;
import cn.unionaid.registry.ImportMode;
import cn.unionaid.registry.ImportResult;
import cn.unionaid.registry.internal.RegisterIndexes;
import cn.unionaid.shared.BankCard;
import cn.unionaid.shared.FieldCipher;
import cn.unionaid.shared.IdNumber;
import cn.unionaid.shared.Labelled;
import cn.unionaid.shared.Money;
import cn.unionaid.shared.RegionCode;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static cn.unionaid.registry.importing.ModelWorkerSheet.*;

/**
 * Imports the model-worker roster: every row checked in Java (ID check digit, dates, enumerations, region,
 * union in scope, amounts, cards), then the good rows are COPYed into a staging table and merged with
 * set-based SQL: new people are opened (建档), changed rows update the record and say what changed,
 * identical rows change nothing, and a person held by another union is refused with its name.
 */
@Component
public class ModelWorkerImporter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ModelWorkerImporter.class);

    private static final List<String> STAGE_COLUMNS = List.of("row_no", "org_id", "name", "id_number_enc",
            "id_number_bidx", "id_number_masked", "sex", "birth_date", "honour", "honour_year", "employment", "employer",
            "region_code", "monthly_income_fen", "income_month", "phone_enc", "phone_bidx", "phone_masked", "bank_name",
            "bank_card_enc", "bank_card_bidx", "bank_card_masked", "living", "honour_kept", "opened_on", "remark",
            "row_digest");

    private static final String CREATE_STAGE = """
            create temp table mw_stage (
                row_no int, org_id bigint, name text, id_number_enc bytea, id_number_bidx bytea, id_number_masked text,
                sex char(1), birth_date date, honour text, honour_year int, employment text, employer text,
                region_code char(6), monthly_income_fen bigint, income_month date, phone_enc bytea, phone_bidx bytea,
                phone_masked text, bank_name text, bank_card_enc bytea, bank_card_bidx bytea, bank_card_masked text,
                living boolean, honour_kept boolean, opened_on date, remark text, row_digest bytea
            ) on commit drop
            """;
    private static final String HELD_ELSEWHERE = """
            select s.row_no, o.name, starts_with(o.path, :scope) as visible from mw_stage s
              join registry.model_worker m on m.id_number_bidx = s.id_number_bidx
              join org.v_organisation o on o.id = m.org_id
             where m.org_id <> s.org_id
            """;
    private static final String FROZEN = """
            select s.row_no, m.archive_open from mw_stage s
              join registry.model_worker m on m.id_number_bidx = s.id_number_bidx and m.org_id = s.org_id
             where m.row_digest <> s.row_digest and (not m.archive_open or not m.living)
            """;
    private static final String UNCHANGED = """
            select count(*) from mw_stage s join registry.model_worker m on m.id_number_bidx = s.id_number_bidx
             where m.row_digest = s.row_digest
            """;
    private static final String CHANGED = """
            create temp table mw_changed on commit drop as
            select m.id, s.*, m.living as was_living, m.honour_kept as was_kept, m.employment as was_employment,
                   array_to_json(array_remove(array[
                     case when m.name <> s.name then '姓名' end,
                     case when m.honour <> s.honour then '荣誉称号' end,
                     case when m.honour_year is distinct from s.honour_year then '获得年份' end,
                     case when m.employment <> s.employment then '在职状态' end,
                     case when m.employer is distinct from s.employer then '工作单位' end,
                     case when m.region_code <> s.region_code then '行政区划代码' end,
                     case when m.monthly_income_fen is distinct from s.monthly_income_fen then '月收入(元)' end,
                     case when m.income_month is distinct from s.income_month then '收入核定年月' end,
                     case when m.phone_bidx is distinct from s.phone_bidx then '联系电话' end,
                     case when m.bank_name is distinct from s.bank_name then '开户银行' end,
                     case when m.bank_card_bidx is distinct from s.bank_card_bidx then '银行卡号' end,
                     case when m.living <> s.living then '是否健在' end,
                     case when m.honour_kept <> s.honour_kept then '荣誉状态' end,
                     case when m.remark is distinct from s.remark then '备注' end], null))::text as changed_fields
              from mw_stage s join registry.model_worker m on m.id_number_bidx = s.id_number_bidx and m.org_id = s.org_id
             where m.row_digest <> s.row_digest
            """;
    private static final String APPLY_CHANGES = """
            update registry.model_worker m set name = c.name, honour = c.honour, honour_year = c.honour_year,
                   employment = c.employment, employer = c.employer, region_code = c.region_code,
                   monthly_income_fen = c.monthly_income_fen, income_month = c.income_month, phone_enc = c.phone_enc,
                   phone_bidx = c.phone_bidx, phone_masked = c.phone_masked, bank_name = c.bank_name,
                   bank_card_enc = c.bank_card_enc, bank_card_bidx = c.bank_card_bidx,
                   bank_card_masked = c.bank_card_masked, living = c.living, honour_kept = c.honour_kept,
                   remark = c.remark, row_digest = c.row_digest, updated_at = now(), version = m.version + 1
              from mw_changed c where m.id = c.id
            """;
    private static final String CHANGE_EVENTS = """
            insert into registry.registry_event (subject_type, subject_id, kind, event_date, reason, detail, recorded_by)
            select 'MODEL_WORKER', id, 'UPDATED', current_date, :reason, changed_fields, :by from mw_changed
            union all
            select 'MODEL_WORKER', id, 'DECEASED', current_date, :reason, null, :by from mw_changed where was_living and not living
            union all
            select 'MODEL_WORKER', id, 'HONOUR_REVOKED', current_date, :reason, null, :by from mw_changed where was_kept and not honour_kept
            union all
            select 'MODEL_WORKER', id, 'RETIRED', current_date, :reason, null, :by from mw_changed
             where was_employment = 'IN_SERVICE' and employment = 'RETIRED'
            """;
    private static final String INSERT_NEW = """
            with fresh as (
                insert into registry.model_worker (org_id, name, id_number_enc, id_number_bidx, id_number_masked, sex, birth_date,
                       honour, honour_year, employment, employer, region_code, monthly_income_fen, income_month,
                       phone_enc, phone_bidx, phone_masked, bank_name, bank_card_enc, bank_card_bidx, bank_card_masked,
                       living, honour_kept, remark, row_digest)
                select org_id, name, id_number_enc, id_number_bidx, id_number_masked, sex, birth_date, honour, honour_year,
                       employment, employer, region_code, monthly_income_fen, income_month, phone_enc, phone_bidx,
                       phone_masked, bank_name, bank_card_enc, bank_card_bidx, bank_card_masked, living, honour_kept,
                       remark, row_digest
                  from mw_stage s
                 where not exists (select 1 from registry.model_worker m where m.id_number_bidx = s.id_number_bidx)
                returning id, id_number_bidx, living, honour_kept
            ), opened as (
                select f.*, s.opened_on from fresh f join mw_stage s on s.id_number_bidx = f.id_number_bidx
            ), events as (
                insert into registry.registry_event (subject_type, subject_id, kind, event_date, reason, recorded_by)
                select 'MODEL_WORKER', id, 'OPENED', opened_on, :reason, :by from opened
                union all
                select 'MODEL_WORKER', id, 'DECEASED', current_date, :reason, :by from opened where not living
                union all
                select 'MODEL_WORKER', id, 'HONOUR_REVOKED', current_date, :reason, :by from opened where not honour_kept
            )
            select count(*) from fresh
            """;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final FieldCipher cipher;
    private final Messages messages;
    private final Organisations organisations;
    private final Regions regions;
    private final AuditLog audit;
    private final RegisterIndexes indexes;

    ModelWorkerImporter(JdbcClient jdbc, DataSource dataSource, FieldCipher cipher, Messages messages,
            Organisations organisations, Regions regions, AuditLog audit, RegisterIndexes indexes) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.messages = messages;
        this.organisations = organisations;
        this.regions = regions;
        this.audit = audit;
        this.indexes = indexes;
    }

    /** A row that passed every check, with its sensitive fields still in clear (sealed when staged). */
    record Line(int row, long orgId, String name, IdNumber id, Honour honour, Integer honourYear, Employment employment,
            String employer, RegionCode region, Money income, YearMonth incomeMonth, String phone, String bank,
            BankCard card, boolean living, boolean honourKept, LocalDate openedOn, String remark) {
    }

    @Transactional
    public ImportResult importRoster(DataScope scope, String fileName, InputStream in, ImportMode mode,
            LongConsumer progress) throws IOException {
        SheetLookups lookups = new SheetLookups(organisations.byCode(scope), regions.allCodes());
        Phases phases = new Phases();
        List<ImportError> errors = new ArrayList<>();
        Map<String, Integer> firstRowOfPerson = new HashMap<>();
        // Good rows are sealed and streamed into the staging table as they are read, so memory does not grow with the file.
        jdbc.sql(CREATE_STAGE).update();
        long rowsRead;
        long staged;
        // The staging table takes each chunk from a thread of its own while the next rows are read and sealed.
        try (CopyBehind behind = new CopyBehind(DataSourceUtils.getConnection(dataSource))) {
            CsvCopy staging = behind.into("mw_stage", STAGE_COLUMNS);
            rowsRead = RosterSheet.read(in, REQUIRED, messages, progress, (header, row) -> {
                Line line = check(header, row, lookups, errors);
                if (line != null) {
                    Integer first = firstRowOfPerson.putIfAbsent(line.id().value(), line.row());
                    if (first != null) {
                        errors.add(new ImportError(line.row(), ID_NUMBER, line.id().masked(),
                                messages.get("import.error.duplicateInFile", first)));
                    } else {
                        staging.row(stageRow(line));
                    }
                }
            });
            staged = staging.finish();
            behind.finish();
        }
        phases.lap("read, check, seal, stage");
        return merge(scope, fileName, errors, mode, rowsRead, staged, phases);
    }

    private Line check(SheetHeader header, SheetRow row, SheetLookups lookups, List<ImportError> errors) {
        RowChecker c = new RowChecker(header, row, messages);
        String name = c.required(NAME, Cells::personName);
        IdNumber id = c.required(ID_NUMBER, IdNumber::parse);
        Honour honour = c.required(HONOUR, t -> Labelled.parse(Honour.class, t));
        Integer year = c.optional(HONOUR_YEAR, Cells::year);
        Employment employment = c.required(EMPLOYMENT, t -> Labelled.parse(Employment.class, t));
        String employer = c.optional(EMPLOYER, t -> Cells.text(t, 200));
        OrganisationView org = c.required(ORG, lookups::org);
        RegionCode region = c.required(REGION, lookups::region);
        Money income = c.optional(INCOME, Cells::nonNegativeYuan);
        YearMonth incomeMonth = c.optional(INCOME_MONTH, Cells::month);
        String phone = c.optional(PHONE, Cells::phone);
        String bank = c.optional(BANK, t -> Cells.text(t, 100));
        BankCard card = c.optional(CARD, BankCard::parse);
        Boolean living = c.required(LIVING, Cells::yesNo);
        Boolean kept = c.required(HONOUR_STATE, Cells::honourKept);
        // 建档日期 decides from when someone is on file (and so every past year's figures): never guessed as today.
        LocalDate openedOn = c.required(OPENED_ON, Cells::date);
        String remark = c.optional(REMARK, t -> Cells.text(t, 500));
        if (openedOn != null && openedOn.isAfter(LocalDate.now())) {
            c.reject(OPENED_ON, "import.error.future");
        }
        if (card != null && bank == null) {
            c.reject(BANK, "import.error.bankWithoutName");
        }
        if (!c.ok()) {
            errors.addAll(c.errors());
            return null;
        }
        return new Line(row.number(), org.id(), name, id, honour, year, employment, employer, region, income,
                incomeMonth, phone, bank, card, living, kept, openedOn, remark);
    }

    private ImportResult merge(DataScope scope, String fileName, List<ImportError> errors, ImportMode mode,
            long rowsRead, long staged, Phases phases) {
        // The other union is named only to a user whose scope covers it; others learn only that a file exists elsewhere.
        jdbc.sql(HELD_ELSEWHERE).param("scope", scope.orgPath()).query((rs, n) -> new ImportError(rs.getInt(1), ID_NUMBER, "",
                rs.getBoolean(3) ? messages.get("import.error.heldElsewhere", rs.getString(2))
                        : messages.get("import.error.heldOutsideScope"))).list().forEach(errors::add);
        jdbc.sql(FROZEN).query((rs, n) -> new ImportError(rs.getInt(1), null, "",
                messages.get(rs.getBoolean(2) ? "registry.error.deceased" : "registry.error.closed"))).list()
                .forEach(errors::add);
        phases.lap("held elsewhere, frozen");
        errors.sort(java.util.Comparator.comparingInt(ImportError::row));
        int rejectedRows = (int) errors.stream().mapToInt(ImportError::row).distinct().count();
        if (!errors.isEmpty() && mode == ImportMode.ALL_OR_NOTHING) {
            throw new ImportFailure(ImportResult.refusedWhole(errors, rejectedRows));
        }
        if (!errors.isEmpty()) {
            staged -= jdbc.sql("delete from mw_stage where row_no = any(?)")
                    .param(errors.stream().mapToInt(ImportError::row).distinct().boxed().toArray(Integer[]::new)).update();
        }
        String by = CurrentUser.require().getUsername();
        String reason = messages.get("import.reason", fileName);
        int unchanged = jdbc.sql(UNCHANGED).query(Integer.class).single();
        int updated = jdbc.sql(CHANGED).update();
        jdbc.sql(APPLY_CHANGES).update();
        jdbc.sql(CHANGE_EVENTS).param("reason", reason).param("by", by).update();
        phases.lap("changes");
        // a staged row is unchanged, changed or new; the archives written are counted as they are inserted rather than by a
        // second search of the register
        int imported = indexes.adding(staged - unchanged - updated, List.of(RegisterIndexes.Table.MODEL_WORKER),
                () -> jdbc.sql(INSERT_NEW).param("reason", reason).param("by", by).query(Integer.class).single());
        phases.lap("insert new with events");
        log.info("Model-worker roster {}: {} rows, {}", fileName, rowsRead, phases);
        ImportResult result = new ImportResult(imported, updated, unchanged, rejectedRows, List.copyOf(errors), false);
        audit.record("registry.modelWorkersImported", "import", fileName, Map.of("rows", rowsRead, "imported", imported,
                "updated", updated, "unchanged", unchanged, "rejected", rejectedRows, "orgId", scope.orgId()));
        return result;
    }

    private Object[] stageRow(Line l) {
        String digestText = String.join("\u001f", l.name(), l.id().value(), l.honour().name(), str(l.honourYear()),
                l.employment().name(), str(l.employer()), Long.toString(l.orgId()), l.region().value(),
                l.income() == null ? "" : Long.toString(l.income().fen()), str(l.incomeMonth()), str(l.phone()),
                str(l.bank()), l.card() == null ? "" : l.card().value(), Boolean.toString(l.living()),
                Boolean.toString(l.honourKept()), str(l.remark()));
        return new Object[] {l.row(), l.orgId(), l.name(), cipher.encrypt(l.id().value()), cipher.blindIndex(l.id().value()),
                l.id().masked(), l.id().sex() == IdNumber.Sex.MALE ? "M" : "F", l.id().birthDate(), l.honour().name(),
                l.honourYear(), l.employment().name(), l.employer(), l.region().value(),
                l.income() == null ? null : l.income().fen(), l.incomeMonth() == null ? null : l.incomeMonth().atDay(1),
                l.phone() == null ? null : cipher.encrypt(l.phone()), l.phone() == null ? null : cipher.blindIndex(l.phone()),
                l.phone() == null ? null : maskPhone(l.phone()), l.bank(),
                l.card() == null ? null : cipher.encrypt(l.card().value()),
                l.card() == null ? null : cipher.blindIndex(l.card().value()), l.card() == null ? null : l.card().masked(),
                l.living(), l.honourKept(), l.openedOn(), l.remark(), cipher.blindIndex(digestText)};
    }

    static String maskPhone(String phone) {
        return phone.length() <= 7 ? phone.charAt(0) + "****" + phone.substring(phone.length() - 2)
                : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
