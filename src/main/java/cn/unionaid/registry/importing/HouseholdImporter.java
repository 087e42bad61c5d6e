package cn.unionaid.registry.importing;

import cn.unionaid.platform.sheets.Cells;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import cn.unionaid.registry.HardshipCategory;
import cn.unionaid.registry.ImportError;
import cn.unionaid.registry.ImportMode;
import cn.unionaid.registry.ImportResult;
import cn.unionaid.registry.internal.RegisterIndexes;
import cn.unionaid.registry.Relation;
import cn.unionaid.shared.BankCard;
import cn.unionaid.shared.FieldCipher;
import cn.unionaid.shared.IdNumber;
import cn.unionaid.shared.Labelled;
import cn.unionaid.shared.Money;
import cn.unionaid.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static cn.unionaid.registry.importing.HouseholdSheet.*;

/**
 * Imports the hardship-household roster, one row per member grouped by 户编号 (一户一档). A household needs
 * exactly one head, whose row carries the household's own columns; a person may belong to only one open
 * household in the whole system. Merged like the model-worker roster: COPY to staging, then set-based SQL.
 */
@Component
public class HouseholdImporter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HouseholdImporter.class);

    private static final List<String> HOUSEHOLD_COLUMNS = List.of("row_no", "org_id", "household_no", "category",
            "main_cause", "housing", "bank_name", "bank_card_enc", "bank_card_bidx", "bank_card_masked", "region_code",
            "opened_on", "head_digest");
    private static final List<String> MEMBER_COLUMNS = List.of("row_no", "household_no", "relation", "name",
            "id_number_enc", "id_number_bidx", "id_number_masked", "sex", "birth_date", "monthly_income_fen", "health_enc",
            "health_bidx", "member_digest");

    private static final String CREATE_STAGES = """
            create temp table hh_stage (row_no int, org_id bigint, household_no text, category text, main_cause text,
                housing text, bank_name text, bank_card_enc bytea, bank_card_bidx bytea, bank_card_masked text,
                region_code char(6), opened_on date, head_digest bytea, row_digest bytea) on commit drop;
            create temp table hm_stage (row_no int, household_no text, relation text, name text,
                id_number_enc bytea, id_number_bidx bytea, id_number_masked text, sex char(1), birth_date date,
                monthly_income_fen bigint, health_enc bytea, health_bidx bytea, member_digest bytea) on commit drop
            """;
    /** A household's digest: its head's columns and its members, in an order that does not depend on the file's. */
    private static final String DIGESTS = """
            update hh_stage h set row_digest = sha256(h.head_digest || m.members)
              from (select household_no, string_agg(member_digest, ''::bytea order by member_digest) as members
                      from hm_stage group by household_no) m
             where m.household_no = h.household_no
            """;
    /** Later rows of a person already on an earlier row of the file. */
    private static final String DUPLICATES_IN_FILE = """
            select row_no, household_no, first_row from (
                select row_no, household_no, min(row_no) over (partition by id_number_bidx) as first_row from hm_stage) d
             where row_no > first_row order by row_no
            """;
    /** Members whose household has no head row (the first such row of each household). */
    private static final String WITHOUT_HEAD = """
            select min(m.row_no), m.household_no from hm_stage m
             where not exists (select 1 from hh_stage h where h.household_no = m.household_no)
             group by m.household_no
            """;
    private static final String HELD_ELSEWHERE = """
            select s.row_no, o.name, h.household_no, s.household_no, starts_with(o.path, :scope) as visible from hm_stage s
              join hh_stage hs on hs.household_no = s.household_no
              join registry.household_member m on m.id_number_bidx = s.id_number_bidx and m.in_open_household
              join registry.household h on h.id = m.household_id
              join org.v_organisation o on o.id = h.org_id
             where not (h.org_id = hs.org_id and h.household_no = s.household_no)
            """;
    private static final String CLOSED = """
            select s.row_no, s.household_no from hh_stage s
              join registry.household h on h.org_id = s.org_id and h.household_no = s.household_no
             where h.status = 'CLOSED' and h.row_digest <> s.row_digest
            """;
    private static final String DROP_REFUSED = """
            delete from hm_stage where household_no = any(string_to_array(:nos, chr(31)));
            delete from hh_stage where household_no = any(string_to_array(:nos, chr(31)))
            """;
    private static final String UNCHANGED = """
            select count(*) from hh_stage s join registry.household h on h.org_id = s.org_id and h.household_no = s.household_no
             where h.row_digest = s.row_digest
            """;
    private static final String CHANGED = """
            create temp table hh_changed on commit drop as
            select h.id, s.*, h.status as was_status,
                   array_to_json(array_remove(array[
                     case when h.category <> s.category then '困难类别' end,
                     case when h.main_cause is distinct from s.main_cause then '主要致困原因' end,
                     case when h.housing is distinct from s.housing then '住房情况' end,
                     case when h.bank_name is distinct from s.bank_name then '开户银行' end,
                     case when h.bank_card_bidx is distinct from s.bank_card_bidx then '银行卡号' end,
                     case when h.region_code <> s.region_code then '行政区划代码' end,
                     case when (select string_agg(encode(m.id_number_bidx, 'hex') || m.relation || m.name
                                    || m.monthly_income_fen || coalesce(encode(m.health_bidx, 'hex'), ''), ',' order by m.id_number_bidx)
                                  from registry.household_member m where m.household_id = h.id)
                             is distinct from
                               (select string_agg(encode(x.id_number_bidx, 'hex') || x.relation || x.name
                                    || x.monthly_income_fen || coalesce(encode(x.health_bidx, 'hex'), ''), ',' order by x.id_number_bidx)
                                  from hm_stage x where x.household_no = s.household_no)
                          then '家庭成员' end], null))::text as changed_fields
              from hh_stage s join registry.household h on h.org_id = s.org_id and h.household_no = s.household_no
             where h.row_digest <> s.row_digest
            """;
    private static final String APPLY_CHANGES = """
            update registry.household h set category = c.category, main_cause = c.main_cause, housing = c.housing,
                   bank_name = c.bank_name, bank_card_enc = c.bank_card_enc, bank_card_bidx = c.bank_card_bidx,
                   bank_card_masked = c.bank_card_masked, region_code = c.region_code, row_digest = c.row_digest,
                   updated_at = now(), version = h.version + 1
              from hh_changed c where h.id = c.id;
            delete from registry.household_member m using hh_changed c where m.household_id = c.id;
            insert into registry.household_member (household_id, relation, name, id_number_enc, id_number_bidx, id_number_masked,
                   sex, birth_date, monthly_income_fen, health_enc, health_bidx, in_open_household)
            select c.id, x.relation, x.name, x.id_number_enc, x.id_number_bidx, x.id_number_masked, x.sex, x.birth_date,
                   x.monthly_income_fen, x.health_enc, x.health_bidx, c.was_status <> 'CLOSED'
              from hh_changed c join hm_stage x on x.household_no = c.household_no
            """;
    private static final String CHANGE_EVENTS = """
            insert into registry.registry_event (subject_type, subject_id, kind, event_date, reason, detail, recorded_by)
            select 'HOUSEHOLD', id, 'UPDATED', current_date, :reason, changed_fields, :by from hh_changed
            """;
    /** The households of the file not yet on the union's register, found once: counted, then written. */
    private static final String NEW_HOUSEHOLDS = """
            create temp table hh_new on commit drop as
            select s.* from hh_stage s
             where not exists (select 1 from registry.household h where h.org_id = s.org_id and h.household_no = s.household_no)
            """;
    private static final String INSERT_NEW = """
            insert into registry.household (org_id, household_no, category, main_cause, housing, bank_name, bank_card_enc,
                   bank_card_bidx, bank_card_masked, region_code, row_digest)
            select org_id, household_no, category, main_cause, housing, bank_name, bank_card_enc, bank_card_bidx,
                   bank_card_masked, region_code, row_digest from hh_new;
            insert into registry.household_member (household_id, relation, name, id_number_enc, id_number_bidx, id_number_masked,
                   sex, birth_date, monthly_income_fen, health_enc, health_bidx)
            select h.id, x.relation, x.name, x.id_number_enc, x.id_number_bidx, x.id_number_masked, x.sex, x.birth_date,
                   x.monthly_income_fen, x.health_enc, x.health_bidx
              from hh_new n join registry.household h on h.org_id = n.org_id and h.household_no = n.household_no
              join hm_stage x on x.household_no = n.household_no;
            insert into registry.registry_event (subject_type, subject_id, kind, event_date, reason, recorded_by)
            select 'HOUSEHOLD', h.id, 'OPENED', n.opened_on, :reason, :by
              from hh_new n join registry.household h on h.org_id = n.org_id and h.household_no = n.household_no
            """;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final FieldCipher cipher;
    private final Messages messages;
    private final Organisations organisations;
    private final Regions regions;
    private final AuditLog audit;
    private final RegisterIndexes indexes;

    HouseholdImporter(JdbcClient jdbc, DataSource dataSource, FieldCipher cipher, Messages messages,
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

    /** The columns of a member's row that make up the household's digest. */
    private static String canonical(IdNumber id, Relation relation, String name, Money income, String health) {
        return String.join("\u001e", id.value(), relation.name(), name, Long.toString(income.fen()), health == null ? "" : health);
    }

    record Head(int row, long orgId, HardshipCategory category, String mainCause, String housing, String bank,
            BankCard card, RegionCode region, LocalDate openedOn) {
    }

    /**
     * Reads the roster row by row, sealing each good member and head into the staging tables as it goes (nothing
     * of the file is held in memory but the household numbers seen with a head and the refused households), then
     * checks what needs the whole file (duplicates, households without a head) and merges in SQL.
     */
    @Transactional
    public ImportResult importRoster(DataScope scope, String fileName, InputStream in, ImportMode mode,
            LongConsumer progress) throws IOException {
        SheetLookups lookups = new SheetLookups(organisations.byCode(scope), regions.allCodes());
        Phases phases = new Phases();
        List<ImportError> errors = new ArrayList<>();
        Map<String, Integer> headRows = new HashMap<>();
        Set<String> badHouseholds = new TreeSet<>();
        Set<Integer> refusedRows = new HashSet<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        jdbc.sql(CREATE_STAGES).update();
        long rowsRead;
        // The staging tables take each chunk from a thread of their own while the next rows are read and sealed.
        try (CopyBehind behind = new CopyBehind(connection)) {
            CsvCopy households = behind.into("hh_stage", HOUSEHOLD_COLUMNS);
            CsvCopy people = behind.into("hm_stage", MEMBER_COLUMNS);
            rowsRead = stage(in, progress, lookups, errors, headRows, badHouseholds, refusedRows, households, people);
            households.finish();
            people.finish();
            behind.finish();
        }
        phases.lap("read, check, seal, stage");
        jdbc.sql("analyze hh_stage; analyze hm_stage").update();
        jdbc.sql(DUPLICATES_IN_FILE).query((ResultSet rs) -> {
            errors.add(new ImportError(rs.getInt(1), ID_NUMBER, "", messages.get("import.error.duplicateInFile",
                    rs.getInt(3))));
            badHouseholds.add(rs.getString(2));
        });
        jdbc.sql(WITHOUT_HEAD).query((ResultSet rs) -> {
            String no = rs.getString(2);
            if (badHouseholds.add(no)) {
                errors.add(new ImportError(rs.getInt(1), RELATION, no, messages.get("import.error.noHead", no)));
            }
        });
        jdbc.sql(DIGESTS).update();
        phases.lap("duplicates, heads, digests");
        return merge(scope, fileName, errors, badHouseholds, refusedRows, mode, rowsRead, phases);
    }

    /** Reads, checks and seals every row, staging the good ones; answers the rows read. */
    private long stage(InputStream in, LongConsumer progress, SheetLookups lookups, List<ImportError> errors,
            Map<String, Integer> headRows, Set<String> badHouseholds, Set<Integer> refusedRows, CsvCopy households,
            CsvCopy people) throws IOException {
        return RosterSheet.read(in, REQUIRED, messages, progress, (header, row) -> {
            RowChecker c = new RowChecker(header, row, messages);
            String no = c.required(HOUSEHOLD_NO, t -> Cells.text(t, 50));
            Relation relation = c.required(RELATION, t -> Labelled.parse(Relation.class, t));
            String name = c.required(NAME, Cells::personName);
            IdNumber id = c.required(ID_NUMBER, IdNumber::parse);
            Money income = c.required(INCOME, Cells::nonNegativeYuan);
            String health = c.optional(HEALTH, t -> Cells.text(t, 200));
            Head head = null;
            if (relation == Relation.HEAD && no != null) {
                head = checkHead(c, lookups);
                if (head != null && headRows.putIfAbsent(no, head.row()) != null) {
                    c.reject(RELATION, "import.error.secondHead", no);
                }
            }
            if (!c.ok()) {
                errors.addAll(c.errors());
                refusedRows.add(row.number());
                if (no != null) {
                    badHouseholds.add(no);
                }
                return;
            }
            if (head != null) {
                stageHead(households, no, head);
            }
            people.row(row.number(), no, relation.name(), name, cipher.encrypt(id.value()), cipher.blindIndex(id.value()),
                    id.masked(), id.sex() == IdNumber.Sex.MALE ? "M" : "F", id.birthDate(), income.fen(),
                    health == null ? null : cipher.encrypt(health), health == null ? null : cipher.blindIndex(health),
                    cipher.blindIndex(canonical(id, relation, name, income, health)));
        });
    }

    private void stageHead(CsvCopy households, String no, Head head) {
        String digest = head.category().name() + "\u001f" + str(head.mainCause()) + "\u001f" + str(head.housing())
                + "\u001f" + str(head.bank()) + "\u001f" + (head.card() == null ? "" : head.card().value()) + "\u001f"
                + head.region().value();
        households.row(head.row(), head.orgId(), no, head.category().name(), head.mainCause(), head.housing(), head.bank(),
                head.card() == null ? null : cipher.encrypt(head.card().value()),
                head.card() == null ? null : cipher.blindIndex(head.card().value()),
                head.card() == null ? null : head.card().masked(), head.region().value(), head.openedOn(),
                cipher.blindIndex(digest));
    }

    private Head checkHead(RowChecker c, SheetLookups lookups) {
        HardshipCategory category = c.required(CATEGORY, t -> Labelled.parse(HardshipCategory.class, t));
        String cause = c.optional(MAIN_CAUSE, t -> Cells.text(t, 200));
        String housing = c.optional(HOUSING, t -> Cells.text(t, 200));
        String bank = c.optional(BANK, t -> Cells.text(t, 100));
        BankCard card = c.optional(CARD, BankCard::parse);
        OrganisationView org = c.required(ORG, lookups::org);
        RegionCode region = c.required(REGION, lookups::region);
        // 建档日期 decides from when someone is on file (and so every past year's figures): never guessed as today.
        LocalDate openedOn = c.required(OPENED_ON, Cells::date);
        if (openedOn != null && openedOn.isAfter(LocalDate.now())) {
            c.reject(OPENED_ON, "import.error.future");
        }
        if (card != null && bank == null) {
            c.reject(BANK, "import.error.bankWithoutName");
        }
        if (category == null || org == null || region == null) {
            return null;
        }
        return new Head(c.rowNumber(), org.id(), category, cause, housing, bank, card, region, openedOn);
    }

    private ImportResult merge(DataScope scope, String fileName, List<ImportError> errors, Set<String> badHouseholds,
            Set<Integer> refusedRows, ImportMode mode, long rowsRead, Phases phases) {
        jdbc.sql(HELD_ELSEWHERE).param("scope", scope.orgPath()).query((ResultSet rs) -> {
            errors.add(new ImportError(rs.getInt(1), ID_NUMBER, "", rs.getBoolean(5)
                    ? messages.get("import.error.memberElsewhere", rs.getString(2), rs.getString(3))
                    : messages.get("import.error.memberOutsideScope")));
            badHouseholds.add(rs.getString(4));
        });
        jdbc.sql(CLOSED).query((ResultSet rs) -> {
            errors.add(new ImportError(rs.getInt(1), HOUSEHOLD_NO, rs.getString(2), messages.get("registry.error.closed")));
            badHouseholds.add(rs.getString(2));
        });
        phases.lap("held elsewhere, closed");
        errors.sort(Comparator.comparingInt(ImportError::row));
        String refused = String.join("\u001f", badHouseholds);
        int rejectedRows = jdbc.sql("select count(*) from hm_stage where household_no = any(string_to_array(:nos, chr(31)))")
                .param("nos", refused).query(Integer.class).single() + refusedRows.size();
        if (!errors.isEmpty() && mode == ImportMode.ALL_OR_NOTHING) {
            throw new ImportFailure(ImportResult.refusedWhole(errors, rejectedRows));
        }
        if (!badHouseholds.isEmpty()) {
            jdbc.sql(DROP_REFUSED).param("nos", refused).update();
        }
        String by = CurrentUser.require().getUsername();
        String reason = messages.get("import.reason", fileName);
        int unchanged = jdbc.sql(UNCHANGED).query(Integer.class).single();
        int updated = jdbc.sql(CHANGED).update();
        jdbc.sql(APPLY_CHANGES).update();
        jdbc.sql(CHANGE_EVENTS).param("reason", reason).param("by", by).update();
        phases.lap("changes");
        jdbc.sql(NEW_HOUSEHOLDS).update();
        int imported = jdbc.sql("select count(*) from hh_new").query(Integer.class).single();
        indexes.adding(imported, List.of(RegisterIndexes.Table.HOUSEHOLD, RegisterIndexes.Table.HOUSEHOLD_MEMBER),
                () -> jdbc.sql(INSERT_NEW).param("reason", reason).param("by", by).update());
        phases.lap("insert new with members and events");
        log.info("Household roster {}: {} rows, {}", fileName, rowsRead, phases);
        audit.record("registry.householdsImported", "import", fileName, Map.of("rows", rowsRead, "imported", imported,
                "updated", updated, "unchanged", unchanged, "rejected", rejectedRows, "orgId", scope.orgId()));
        return new ImportResult(imported, updated, unchanged, rejectedRows, List.copyOf(errors), false);
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }
}
