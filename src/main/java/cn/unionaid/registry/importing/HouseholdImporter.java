package cn.unionaid.registry.importing;

import cn.unionaid.platform.sheets.Cells;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.org.OrganisationView;
import cn.unionaid.org.Organisations;
import cn.unionaid.org.Regions;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.db.CsvCopy;
import cn.unionaid.platform.Messages;
import cn.unionaid.registry.HardshipCategory;
import cn.unionaid.registry.ImportError;
import cn.unionaid.registry.ImportMode;
import cn.unionaid.registry.ImportResult;
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

    private static final List<String> HOUSEHOLD_COLUMNS = List.of("row_no", "org_id", "household_no", "category",
            "main_cause", "housing", "bank_name", "bank_card_enc", "bank_card_bidx", "bank_card_masked", "region_code",
            "opened_on", "row_digest");
    private static final List<String> MEMBER_COLUMNS = List.of("row_no", "org_id", "household_no", "relation", "name",
            "id_number_enc", "id_number_bidx", "id_number_masked", "sex", "birth_date", "monthly_income_fen", "health");

    private static final String CREATE_STAGES = """
            create temp table hh_stage (row_no int, org_id bigint, household_no text, category text, main_cause text,
                housing text, bank_name text, bank_card_enc bytea, bank_card_bidx bytea, bank_card_masked text,
                region_code char(6), opened_on date, row_digest bytea) on commit drop;
            create temp table hm_stage (row_no int, org_id bigint, household_no text, relation text, name text,
                id_number_enc bytea, id_number_bidx bytea, id_number_masked text, sex char(1), birth_date date,
                monthly_income_fen bigint, health text) on commit drop
            """;
    private static final String HELD_ELSEWHERE = """
            select s.row_no, o.name, h.household_no from hm_stage s
              join household_member m on m.id_number_bidx = s.id_number_bidx and m.in_open_household
              join household h on h.id = m.household_id
              join organisation o on o.id = h.org_id
             where not (h.org_id = s.org_id and h.household_no = s.household_no)
            """;
    private static final String CLOSED = """
            select s.row_no from hh_stage s join household h on h.org_id = s.org_id and h.household_no = s.household_no
             where h.status = 'CLOSED' and h.row_digest <> s.row_digest
            """;
    private static final String DROP_REFUSED = """
            delete from hm_stage where household_no = any(string_to_array(:nos, chr(31)));
            delete from hh_stage where household_no = any(string_to_array(:nos, chr(31)))
            """;
    private static final String UNCHANGED = """
            select count(*) from hh_stage s join household h on h.org_id = s.org_id and h.household_no = s.household_no
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
                                    || m.monthly_income_fen || coalesce(m.health, ''), ',' order by m.id_number_bidx)
                                  from household_member m where m.household_id = h.id)
                             is distinct from
                               (select string_agg(encode(x.id_number_bidx, 'hex') || x.relation || x.name
                                    || x.monthly_income_fen || coalesce(x.health, ''), ',' order by x.id_number_bidx)
                                  from hm_stage x where x.household_no = s.household_no and x.org_id = s.org_id)
                          then '家庭成员' end], null))::text as changed_fields
              from hh_stage s join household h on h.org_id = s.org_id and h.household_no = s.household_no
             where h.row_digest <> s.row_digest
            """;
    private static final String APPLY_CHANGES = """
            update household h set category = c.category, main_cause = c.main_cause, housing = c.housing,
                   bank_name = c.bank_name, bank_card_enc = c.bank_card_enc, bank_card_bidx = c.bank_card_bidx,
                   bank_card_masked = c.bank_card_masked, region_code = c.region_code, row_digest = c.row_digest,
                   updated_at = now(), version = h.version + 1
              from hh_changed c where h.id = c.id;
            delete from household_member m using hh_changed c where m.household_id = c.id;
            insert into household_member (household_id, relation, name, id_number_enc, id_number_bidx, id_number_masked,
                   sex, birth_date, monthly_income_fen, health, in_open_household)
            select c.id, x.relation, x.name, x.id_number_enc, x.id_number_bidx, x.id_number_masked, x.sex, x.birth_date,
                   x.monthly_income_fen, x.health, c.was_status <> 'CLOSED'
              from hh_changed c join hm_stage x on x.household_no = c.household_no and x.org_id = c.org_id
            """;
    private static final String CHANGE_EVENTS = """
            insert into registry_event (subject_type, subject_id, kind, event_date, reason, detail, recorded_by)
            select 'HOUSEHOLD', id, 'UPDATED', current_date, :reason, changed_fields, :by from hh_changed
            """;
    private static final String COUNT_NEW = """
            select count(*) from hh_stage s
             where not exists (select 1 from household h where h.org_id = s.org_id and h.household_no = s.household_no)
            """;
    private static final String INSERT_NEW = """
            create temp table hh_new on commit drop as
            select s.* from hh_stage s
             where not exists (select 1 from household h where h.org_id = s.org_id and h.household_no = s.household_no);
            insert into household (org_id, household_no, category, main_cause, housing, bank_name, bank_card_enc,
                   bank_card_bidx, bank_card_masked, region_code, row_digest)
            select org_id, household_no, category, main_cause, housing, bank_name, bank_card_enc, bank_card_bidx,
                   bank_card_masked, region_code, row_digest from hh_new;
            insert into household_member (household_id, relation, name, id_number_enc, id_number_bidx, id_number_masked,
                   sex, birth_date, monthly_income_fen, health)
            select h.id, x.relation, x.name, x.id_number_enc, x.id_number_bidx, x.id_number_masked, x.sex, x.birth_date,
                   x.monthly_income_fen, x.health
              from hh_new n join household h on h.org_id = n.org_id and h.household_no = n.household_no
              join hm_stage x on x.org_id = n.org_id and x.household_no = n.household_no;
            insert into registry_event (subject_type, subject_id, kind, event_date, reason, recorded_by)
            select 'HOUSEHOLD', h.id, 'OPENED', n.opened_on, :reason, :by
              from hh_new n join household h on h.org_id = n.org_id and h.household_no = n.household_no
            """;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final FieldCipher cipher;
    private final Messages messages;
    private final Organisations organisations;
    private final Regions regions;
    private final AuditLog audit;

    HouseholdImporter(JdbcClient jdbc, DataSource dataSource, FieldCipher cipher, Messages messages,
            Organisations organisations, Regions regions, AuditLog audit) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.messages = messages;
        this.organisations = organisations;
        this.regions = regions;
        this.audit = audit;
    }

    record Member(int row, String householdNo, Relation relation, String name, IdNumber id, Money income, String health) {
        String canonical() {
            return String.join("\u001e", id.value(), relation.name(), name, Long.toString(income.fen()),
                    health == null ? "" : health);
        }
    }

    record Head(int row, long orgId, HardshipCategory category, String mainCause, String housing, String bank,
            BankCard card, RegionCode region, LocalDate openedOn) {
    }

    @Transactional
    public ImportResult importRoster(DataScope scope, String fileName, InputStream in, ImportMode mode,
            LongConsumer progress) throws IOException {
        SheetLookups lookups = new SheetLookups(organisations.byCode(scope), regions.allCodes());
        List<ImportError> errors = new ArrayList<>();
        Map<String, List<Member>> members = new LinkedHashMap<>();
        Map<String, Head> heads = new HashMap<>();
        Map<String, Integer> firstRowOfPerson = new HashMap<>();
        Set<String> badHouseholds = new TreeSet<>();
        long rowsRead = RosterSheet.read(in, REQUIRED, messages, progress, (header, row) -> {
            RowChecker c = new RowChecker(header, row, messages);
            String no = c.required(HOUSEHOLD_NO, t -> Cells.text(t, 50));
            Relation relation = c.required(RELATION, t -> Labelled.parse(Relation.class, t));
            String name = c.required(NAME, Cells::personName);
            IdNumber id = c.required(ID_NUMBER, IdNumber::parse);
            Money income = c.required(INCOME, Cells::nonNegativeYuan);
            String health = c.optional(HEALTH, t -> Cells.text(t, 200));
            if (relation == Relation.HEAD && no != null) {
                Head head = checkHead(c, lookups);
                if (head != null && heads.putIfAbsent(no, head) != null) {
                    c.reject(RELATION, "import.error.secondHead", no);
                }
            }
            if (id != null) {
                Integer first = firstRowOfPerson.putIfAbsent(id.value(), row.number());
                if (first != null) {
                    c.reject(ID_NUMBER, "import.error.duplicateInFile", first);
                }
            }
            if (c.ok()) {
                members.computeIfAbsent(no, k -> new ArrayList<>()).add(
                        new Member(row.number(), no, relation, name, id, income, health));
            } else {
                errors.addAll(c.errors());
                if (no != null) {
                    badHouseholds.add(no);
                }
            }
        });
        members.forEach((no, list) -> {
            if (!heads.containsKey(no) && !badHouseholds.contains(no)) {
                errors.add(new ImportError(list.get(0).row(), RELATION, no, messages.get("import.error.noHead", no)));
                badHouseholds.add(no);
            }
        });
        return merge(scope, fileName, members, heads, errors, badHouseholds, mode, rowsRead);
    }

    private Head checkHead(RowChecker c, SheetLookups lookups) {
        HardshipCategory category = c.required(CATEGORY, t -> Labelled.parse(HardshipCategory.class, t));
        String cause = c.optional(MAIN_CAUSE, t -> Cells.text(t, 200));
        String housing = c.optional(HOUSING, t -> Cells.text(t, 200));
        String bank = c.optional(BANK, t -> Cells.text(t, 100));
        BankCard card = c.optional(CARD, BankCard::parse);
        OrganisationView org = c.required(ORG, lookups::org);
        RegionCode region = c.required(REGION, lookups::region);
        LocalDate openedOn = c.optional(OPENED_ON, Cells::date);
        if (openedOn != null && openedOn.isAfter(LocalDate.now())) {
            c.reject(OPENED_ON, "import.error.future");
        }
        if (card != null && bank == null) {
            c.reject(BANK, "import.error.bankWithoutName");
        }
        if (category == null || org == null || region == null) {
            return null;
        }
        return new Head(c.rowNumber(), org.id(), category, cause, housing, bank, card, region,
                openedOn == null ? LocalDate.now() : openedOn);
    }

    private ImportResult merge(DataScope scope, String fileName, Map<String, List<Member>> members,
            Map<String, Head> heads, List<ImportError> errors, Set<String> badHouseholds, ImportMode mode, long rowsRead) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        jdbc.sql(CREATE_STAGES).update();
        CsvCopy households = new CsvCopy(connection, "hh_stage", HOUSEHOLD_COLUMNS);
        CsvCopy people = new CsvCopy(connection, "hm_stage", MEMBER_COLUMNS);
        Map<Integer, String> householdOfRow = new HashMap<>();
        members.forEach((no, list) -> {
            list.forEach(m -> householdOfRow.put(m.row(), no));
            Head head = heads.get(no);
            if (head == null || badHouseholds.contains(no)) {
                return;
            }
            String digest = head.category().name() + "\u001f" + str(head.mainCause()) + "\u001f" + str(head.housing())
                    + "\u001f" + str(head.bank()) + "\u001f" + (head.card() == null ? "" : head.card().value()) + "\u001f"
                    + head.region().value() + "\u001f" + list.stream().map(Member::canonical).sorted()
                            .collect(Collectors.joining("\u001d"));
            households.row(head.row(), head.orgId(), no, head.category().name(), head.mainCause(), head.housing(),
                    head.bank(), head.card() == null ? null : cipher.encrypt(head.card().value()),
                    head.card() == null ? null : cipher.blindIndex(head.card().value()),
                    head.card() == null ? null : head.card().masked(), head.region().value(), head.openedOn(),
                    cipher.blindIndex(digest));
            for (Member m : list) {
                people.row(m.row(), head.orgId(), no, m.relation().name(), m.name(), cipher.encrypt(m.id().value()),
                        cipher.blindIndex(m.id().value()), m.id().masked(), m.id().sex() == IdNumber.Sex.MALE ? "M" : "F",
                        m.id().birthDate(), m.income().fen(), m.health());
            }
        });
        households.finish();
        people.finish();
        jdbc.sql(HELD_ELSEWHERE).query((rs, n) -> new ImportError(rs.getInt(1), ID_NUMBER, "",
                messages.get("import.error.memberElsewhere", rs.getString(2), rs.getString(3)))).list().forEach(e -> {
                    errors.add(e);
                    badHouseholds.add(householdOfRow.get(e.row()));
                });
        jdbc.sql(CLOSED).query((rs, n) -> rs.getInt(1)).list().forEach(row -> {
            errors.add(new ImportError(row, HOUSEHOLD_NO, householdOfRow.get(row), messages.get("registry.error.closed")));
            badHouseholds.add(householdOfRow.get(row));
        });
        errors.sort(Comparator.comparingInt(ImportError::row));
        int rejectedRows = (int) members.entrySet().stream().filter(e -> badHouseholds.contains(e.getKey()))
                .mapToLong(e -> e.getValue().size()).sum()
                + (int) errors.stream().filter(e -> !householdOfRow.containsKey(e.row())).mapToInt(ImportError::row)
                        .distinct().count();
        if (!errors.isEmpty() && mode == ImportMode.ALL_OR_NOTHING) {
            throw new ImportFailure(ImportResult.refusedWhole(errors, rejectedRows));
        }
        if (!badHouseholds.isEmpty()) {
            jdbc.sql(DROP_REFUSED).param("nos", String.join("\u001f", badHouseholds)).update();
        }
        String by = CurrentUser.require().getUsername();
        String reason = messages.get("import.reason", fileName);
        int unchanged = jdbc.sql(UNCHANGED).query(Integer.class).single();
        int updated = jdbc.sql(CHANGED).update();
        jdbc.sql(APPLY_CHANGES).update();
        jdbc.sql(CHANGE_EVENTS).param("reason", reason).param("by", by).update();
        int imported = jdbc.sql(COUNT_NEW).query(Integer.class).single();
        jdbc.sql(INSERT_NEW).param("reason", reason).param("by", by).update();
        audit.record("registry.householdsImported", "import", fileName, Map.of("rows", rowsRead, "imported", imported,
                "updated", updated, "unchanged", unchanged, "rejected", rejectedRows, "orgId", scope.orgId()));
        return new ImportResult(imported, updated, unchanged, rejectedRows, List.copyOf(errors), false);
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }
}
