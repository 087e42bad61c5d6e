package cn.unionaid.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionaid.audit.PersonalDataDisclosure;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.registry.importing.HouseholdSheet;
import cn.unionaid.registry.importing.ModelWorkerSheet;
import cn.unionaid.platform.sheets.Workbooks;
import cn.unionaid.registry.internal.RegistryQueries;
import cn.unionaid.shared.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the registry: lists, records, the eligible population on a date, full values and roster exports. */
@Service
@PreAuthorize(Registry.BUSINESS_ROLES)
public class Registry {

    /** Everyone who does or checks the business work; the administrators (三员) do not. */
    public static final String BUSINESS_ROLES = "hasAnyRole('CLERK', 'REVIEWER', 'LEADER', 'FINANCE', 'AUDITOR')";

    private final RegistryQueries queries;
    private final PersonalDataDisclosure disclosure;
    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final cn.unionaid.platform.db.LargeQueries largeQueries;

    Registry(RegistryQueries queries, PersonalDataDisclosure disclosure, JdbcClient jdbc, FieldCipher cipher,
            cn.unionaid.platform.db.LargeQueries largeQueries) {
        this.queries = queries;
        this.largeQueries = largeQueries;
        this.disclosure = disclosure;
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Transactional(readOnly = true)
    public Listing<ModelWorkerView> modelWorkers(DataScope scope, RegistryFilter filter, PageRequest page) {
        largeQueries.planForActualValues();
        List<ModelWorkerView> rows = queries.modelWorkers(scope, filter, after(page), page.size() + 1);
        return listing(rows, page.size(), queries.countModelWorkers(scope, filter, true), ModelWorkerView::id);
    }

    /** How many model workers match, exactly (a home tile's figure; a list's page counts only up to a cap). */
    @Transactional(readOnly = true)
    public long countModelWorkers(DataScope scope, RegistryFilter filter) {
        return queries.countModelWorkers(scope, filter, false);
    }

    /** How many households match, exactly. */
    @Transactional(readOnly = true)
    public long countHouseholds(DataScope scope, RegistryFilter filter) {
        return queries.countHouseholds(scope, filter, false);
    }

    @Transactional(readOnly = true)
    public Optional<ModelWorkerView> modelWorker(DataScope scope, long id) {
        return queries.modelWorker(scope, id);
    }

    @Transactional(readOnly = true)
    public Listing<HouseholdView> households(DataScope scope, RegistryFilter filter, PageRequest page) {
        largeQueries.planForActualValues();
        List<HouseholdView> rows = queries.households(scope, filter, after(page), page.size() + 1);
        return listing(rows, page.size(), queries.countHouseholds(scope, filter, true), HouseholdView::id);
    }

    @Transactional(readOnly = true)
    public Optional<HouseholdView> household(DataScope scope, long id) {
        return queries.household(scope, id);
    }

    /** Model workers in the register on {@code date}: opened by then, not deceased, revoked or closed by then. */
    @Transactional(readOnly = true)
    public List<Long> modelWorkersInRegisterOn(DataScope scope, LocalDate date) {
        return queries.eligibleModelWorkersOn(scope, date);
    }

    public enum SensitiveField { ID_NUMBER, BANK_CARD, PHONE }

    /** The full value of one sensitive field, for roles that may see it; the view is audited. */
    @Transactional
    public String revealModelWorker(DataScope scope, long id, SensitiveField field) {
        queries.modelWorker(scope, id).orElseThrow(() -> BusinessRuleException.notFound("registry.error.notFound"));
        String column = switch (field) {
            case ID_NUMBER -> "id_number_enc";
            case BANK_CARD -> "bank_card_enc";
            case PHONE -> "phone_enc";
        };
        byte[] sealed = jdbc.sql("select " + column + " from registry.model_worker where id = ?").param(id).query(byte[].class)
                .optional().orElse(null);
        if (sealed == null) {
            throw BusinessRuleException.notFound("registry.error.noValue");
        }
        return disclosure.reveal("model_worker", id, field.name(), sealed);
    }

    /** The roster as XLSX, masked; full values only for roles that may export them, and the export is audited. */
    @Transactional
    public byte[] exportModelWorkers(DataScope scope, RegistryFilter filter, boolean full) {
        boolean inFull = full && PersonalDataDisclosure.mayViewInFull(CurrentUser.require());
        long[] count = {0};
        // The import's own columns (union by code, 建档日期), then 状态: a full export imports again unchanged.
        List<String> header = new java.util.ArrayList<>(ModelWorkerSheet.COLUMNS);
        header.add("状态");
        byte[] workbook = Workbooks.write("劳模花名册", header, sink -> {
                    Long after = null;
                    while (true) {
                        List<ModelWorkerView> page = queries.modelWorkers(scope, filter, after, 1000);
                        List<Long> ids = page.stream().map(ModelWorkerView::id).toList();
                        Map<Long, String[]> facts = exportFacts(SubjectType.MODEL_WORKER, ids);
                        Map<Long, String[]> opened = inFull
                                ? unsealed("registry.model_worker", ids, "id_number_enc", "bank_card_enc", "phone_enc") : Map.of();
                        for (ModelWorkerView m : page) {
                            sink.accept(exportRow(m, opened.get(m.id()), facts.get(m.id())));
                            count[0]++;
                        }
                        if (page.size() < 1000) {
                            break;
                        }
                        after = page.get(page.size() - 1).id();
                    }
                });
        disclosure.recordExport("model_worker", count[0], inFull);
        return workbook;
    }

    @Transactional
    public byte[] exportHouseholds(DataScope scope, RegistryFilter filter) {
        return exportHouseholds(scope, filter, false);
    }

    /** The households as XLSX, one row per member; in full (re-importable) only for roles that may, audited. */
    @Transactional
    public byte[] exportHouseholds(DataScope scope, RegistryFilter filter, boolean full) {
        boolean inFull = full && PersonalDataDisclosure.mayViewInFull(CurrentUser.require());
        long[] count = {0};
        List<String> header = new java.util.ArrayList<>(HouseholdSheet.COLUMNS);
        header.add("状态");
        byte[] workbook = Workbooks.write("困难职工家庭花名册", header, sink -> {
                    Long after = null;
                    while (true) {
                        List<HouseholdView> page = queries.households(scope, filter, after, 500);
                        Map<Long, String[]> facts = exportFacts(SubjectType.HOUSEHOLD, page.stream().map(HouseholdView::id).toList());
                        Map<Long, String[]> cards = inFull
                                ? unsealed("registry.household", page.stream().map(HouseholdView::id).toList(), "bank_card_enc")
                                : Map.of();
                        for (HouseholdView h : page) {
                            String[] f = facts.getOrDefault(h.id(), new String[] {h.orgName(), null});
                            HouseholdView whole = queries.household(scope, h.id()).orElseThrow();
                            Map<Long, String[]> ids = inFull ? unsealed("registry.household_member",
                                    whole.members().stream().map(HouseholdView.Member::id).toList(), "id_number_enc") : Map.of();
                            for (HouseholdView.Member m : whole.members()) {
                                boolean head = m.relation() == Relation.HEAD;
                                String id = inFull ? ids.get(m.id())[0] : m.idNumberMasked();
                                String card = !head ? null : inFull ? cards.get(h.id())[0] : h.bankCardMasked();
                                sink.accept(java.util.Arrays.asList(h.householdNo(), m.relation().label(), m.name(),
                                        id, m.monthlyIncomeYuan(), m.health(),
                                        head ? h.category().label() : null, head ? h.mainCause() : null,
                                        head ? h.housing() : null, head ? h.bankName() : null,
                                        card, head ? f[0] : null,
                                        head ? h.regionCode() : null, head ? f[1] : null, head ? h.statusLabel() : null));
                                count[0]++;
                            }
                        }
                        if (page.size() < 500) {
                            break;
                        }
                        after = page.get(page.size() - 1).id();
                    }
                });
        disclosure.recordExport("household_member", count[0], inFull);
        return workbook;
    }

    /** Per archive: its union's code and its 建档日期, as the roster columns want them. */
    private Map<Long, String[]> exportFacts(SubjectType type, List<Long> ids) {
        Map<Long, String[]> facts = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return facts;
        }
        String table = type == SubjectType.MODEL_WORKER ? "registry.model_worker" : "registry.household";
        jdbc.sql("select x.id, o.code, (select min(e.event_date) from registry.registry_event e where e.subject_type = ? "
                + "and e.subject_id = x.id and e.kind = 'OPENED') as opened from " + table + " x "
                + "join org.v_organisation o on o.id = x.org_id where x.id = any(?)")
                .param(type.name()).param(ids.toArray(Long[]::new))
                .query((java.sql.ResultSet rs) -> {
                    java.sql.Date opened = rs.getDate("opened");
                    facts.put(rs.getLong("id"), new String[] {rs.getString("code"), opened == null ? null : opened.toString()});
                });
        return facts;
    }

    /**
     * @param full the row's ID number, card and phone in clear (a full export, audited once as a whole by
     *             recordExport), or null for the masked copies
     */
    private List<String> exportRow(ModelWorkerView m, String[] full, String[] facts) {
        String id = full != null ? full[0] : m.idNumberMasked();
        String card = full != null ? full[1] : m.bankCardMasked();
        String phone = full != null ? full[2] : m.phoneMasked();
        return java.util.Arrays.asList(m.name(), id, m.honour().label(),
                m.honourYear() == null ? null : m.honourYear().toString(), m.employment().label(), m.employer(),
                facts == null ? m.orgName() : facts[0], m.regionCode(), m.monthlyIncomeYuan(), m.incomeMonth(), phone,
                m.bankName(), card, m.living() ? "是" : "否", m.honourKept() ? "保持" : "撤销",
                facts == null ? null : facts[1], m.remark(), m.statusLabel());
    }

    /** The sealed columns of a page of rows, opened, in one query: id → values (null where a value is absent). */
    private Map<Long, String[]> unsealed(String table, List<Long> ids, String... columns) {
        Map<Long, String[]> values = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return values;
        }
        jdbc.sql("select id, " + String.join(", ", columns) + " from " + table + " where id = any(?)")
                .param(ids.toArray(Long[]::new)).query((java.sql.ResultSet rs) -> {
                    String[] row = new String[columns.length];
                    for (int i = 0; i < columns.length; i++) {
                        byte[] sealed = rs.getBytes(columns[i]);
                        row[i] = sealed == null ? null : cipher.decrypt(sealed);
                    }
                    values.put(rs.getLong("id"), row);
                });
        return values;
    }

    private static Long after(PageRequest page) {
        return page.after() == null ? null : Long.valueOf(page.after());
    }

    private static <T> Listing<T> listing(List<T> rows, int size, long counted, java.util.function.ToLongFunction<T> id) {
        boolean more = counted > RegistryQueries.COUNT_CAP;
        long total = more ? RegistryQueries.COUNT_CAP : counted;
        if (rows.size() > size) {
            List<T> items = rows.subList(0, size);
            return new Listing<>(List.copyOf(items), total, more, Long.toString(id.applyAsLong(items.get(size - 1))));
        }
        return new Listing<>(List.copyOf(rows), total, more, null);
    }
}
