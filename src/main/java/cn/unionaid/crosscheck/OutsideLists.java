package cn.unionaid.crosscheck;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Page;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.platform.files.FileStore;
import cn.unionaid.platform.sheets.Cells;
import cn.unionaid.platform.sheets.SheetHeader;
import cn.unionaid.platform.sheets.SheetReader;
import cn.unionaid.platform.sheets.SheetRow;
import cn.unionaid.platform.sheets.Workbooks;
import cn.unionaid.shared.FieldCipher;
import cn.unionaid.shared.IdNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a list from another register (外部名单): every row's ID number checked, only its blind index and masked form
 * kept, the file sealed in the file store; then matched at once. A list with a bad row is refused whole, naming the
 * row and the field. Lists are purged after {@code unionaid.crosscheck.keep-days} (default 90); their hits stay.
 */
@Service
public class OutsideLists {

    /** The columns of a list (docs/import-formats.md, the template). */
    public static final String ID_NUMBER = "身份证号";
    public static final String NAME = "姓名";
    public static final String DATE = "日期";
    public static final List<String> COLUMNS = List.of(ID_NUMBER, NAME, DATE, "备注");

    private static final String INSERT_ENTRY = """
            insert into crosscheck.outside_list_entry (list_id, row_no, id_number_bidx, id_number_masked, event_date)
            values (?, ?, ?, ?, ?)
            """;
    private static final String VIEW = """
            select l.id, o.name as org_name, l.kind, l.source, l.as_of, l.entries, l.uploaded_by, l.uploaded_at,
                   l.purge_after, l.purged_at is not null as purged,
                   (select count(*) from crosscheck.cross_check_hit h where h.list_id = l.id) as hits
              from crosscheck.outside_list l join org.v_organisation o on o.id = l.org_id
             where starts_with(o.path, ?) and (? = 0 or l.id < ?)
             order by l.id desc limit ?
            """;

    /** What an import gave. */
    public record Imported(long listId, int entries, long hits, long paymentHits) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final FieldCipher cipher;
    private final FileStore files;
    private final AuditLog audit;
    private final HitMatching matching;
    private final int keepDays;

    OutsideLists(JdbcClient jdbc, JdbcTemplate template, FieldCipher cipher, FileStore files, AuditLog audit,
            HitMatching matching, @Value("${unionaid.crosscheck.keep-days:90}") int keepDays) {
        this.jdbc = jdbc;
        this.template = template;
        this.cipher = cipher;
        this.files = files;
        this.audit = audit;
        this.matching = matching;
        this.keepDays = keepDays;
    }

    private record Entry(int row, byte[] index, String masked, LocalDate date) {
    }

    /** Reads, checks, stores and matches a list; nothing is kept when any row is wrong. */
    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER', 'AUDITOR')")
    @Transactional
    public Imported importList(DataScope scope, OutsideListKind kind, String source, LocalDate asOf, byte[] content) {
        if (kind == null) {
            throw BusinessRuleException.invalid("crosscheck.error.kind");
        }
        if (source == null || source.isBlank() || source.strip().length() > 200) {
            throw BusinessRuleException.invalid("crosscheck.error.source");
        }
        if (asOf == null || asOf.isAfter(LocalDate.now())) {
            throw BusinessRuleException.invalid("crosscheck.error.asOf");
        }
        if (content == null || content.length == 0) {
            throw BusinessRuleException.invalid("crosscheck.error.empty");
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int[] idColumn = {-1};
        int[] dateColumn = {-1};
        try {
            SheetReader.read(new ByteArrayInputStream(content), header -> {
                SheetHeader h = new SheetHeader(header);
                idColumn[0] = h.index(ID_NUMBER);
                dateColumn[0] = h.index(DATE);
            }, row -> read(row, idColumn[0], dateColumn[0], asOf, entries, problems));
        } catch (IOException | RuntimeException unreadable) {
            throw BusinessRuleException.invalid("crosscheck.error.unreadable");
        }
        if (idColumn[0] < 0) {
            throw BusinessRuleException.invalid("crosscheck.error.header", ID_NUMBER);
        }
        if (!problems.isEmpty()) {
            throw BusinessRuleException.invalid("crosscheck.error.rows", problems.size(),
                    String.join("；", problems.subList(0, Math.min(10, problems.size()))));
        }
        if (entries.isEmpty()) {
            throw BusinessRuleException.invalid("crosscheck.error.empty");
        }
        FileStore.Stored stored = files.save(content);
        String by = CurrentUser.require().getUsername();
        long listId = jdbc.sql("""
                insert into crosscheck.outside_list (org_id, kind, source, as_of, file_key, entries, uploaded_by, purge_after)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).param(scope.orgId()).param(kind.name()).param(source.strip()).param(asOf).param(stored.key())
                .param(entries.size()).param(by).param(LocalDate.now().plusDays(keepDays)).query(Long.class).single();
        for (int from = 0; from < entries.size(); from += 1000) {
            List<Object[]> batch = entries.subList(from, Math.min(entries.size(), from + 1000)).stream()
                    .map(e -> new Object[] {listId, e.row(), e.index(), e.masked(), e.date()}).toList();
            template.batchUpdate(INSERT_ENTRY, batch);
        }
        HitMatching.Counts counts = matching.matchList(listId);
        audit.record("crosscheck.listImported", "outside_list", listId, Map.of("kind", kind.name(), "provider", source.strip(),
                "asOf", asOf.toString(), "entries", entries.size(), "hits", counts.archives() + counts.payments(),
                "sha256", stored.sha256()));
        return new Imported(listId, entries.size(), counts.archives() + counts.payments(), counts.payments());
    }

    private void read(SheetRow row, int idColumn, int dateColumn, LocalDate asOf, List<Entry> entries,
            List<String> problems) {
        if (idColumn < 0) {
            return;
        }
        String text = row.cell(idColumn);
        IdNumber id;
        try {
            id = IdNumber.parse(text);
        } catch (RuntimeException bad) {
            problems.add("第 " + row.number() + " 行“" + ID_NUMBER + "”无效" + (text == null || text.isBlank() ? "（为空）" : ""));
            return;
        }
        LocalDate date = null;
        String dateText = dateColumn < 0 ? null : row.cell(dateColumn);
        if (dateText != null && !dateText.isBlank()) {
            try {
                date = Cells.date(dateText);
            } catch (RuntimeException bad) {
                problems.add("第 " + row.number() + " 行“" + DATE + "”无法识别");
                return;
            }
            if (date.isAfter(asOf)) {
                problems.add("第 " + row.number() + " 行“" + DATE + "”晚于名单截止日期");
                return;
            }
        }
        entries.add(new Entry(row.number(), cipher.blindIndex(id.value()), id.masked(), date));
    }

    /** The lists imported in the reader's scope, newest first (keyset paged by id). */
    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER', 'LEADER', 'AUDITOR', 'EVALUATOR')")
    @Transactional(readOnly = true)
    public Page<OutsideListView> list(DataScope scope, PageRequest page) {
        long after = page.after() == null || page.after().isBlank() ? 0 : Long.parseLong(page.after());
        List<OutsideListView> rows = jdbc.sql(VIEW).param(scope.orgPath()).param(after).param(after).param(page.size() + 1)
                .query((rs, n) -> new OutsideListView(rs.getLong("id"), rs.getString("org_name"),
                        OutsideListKind.valueOf(rs.getString("kind")), rs.getString("source"),
                        rs.getDate("as_of").toLocalDate(), rs.getInt("entries"), rs.getLong("hits"),
                        rs.getString("uploaded_by"), rs.getObject("uploaded_at", java.time.OffsetDateTime.class),
                        rs.getDate("purge_after").toLocalDate(), rs.getBoolean("purged"))).list();
        return Page.of(rows, page.size(), v -> Long.toString(v.id()));
    }

    /** The template a clerk fills from another register's export. */
    public static byte[] template() {
        return Workbooks.template("外部比对名单", COLUMNS, List.of(List.of("43090319650505123X", "张三", "2024-03-01",
                "示例行，导入前请删除")), List.of(ID_NUMBER), Map.of());
    }

    /** Lists past their keeping time lose their file and entries; the list's record and its hits stay. */
    @Scheduled(cron = "${unionaid.crosscheck.purge-cron:0 40 3 * * *}")
    @Transactional
    public void purgeExpired() {
        List<Map<String, Object>> due = jdbc.sql("""
                select id, file_key from crosscheck.outside_list where purged_at is null and purge_after < current_date for update skip locked
                """).query().listOfRows();
        for (Map<String, Object> list : due) {
            long id = ((Number) list.get("id")).longValue();
            jdbc.sql("delete from crosscheck.outside_list_entry where list_id = ?").param(id).update();
            jdbc.sql("update crosscheck.outside_list set purged_at = now(), file_key = null where id = ?").param(id).update();
            boolean shared = list.get("file_key") != null && jdbc.sql(
                    "select exists(select 1 from crosscheck.outside_list where file_key = ? and purged_at is null)")
                    .param(list.get("file_key")).query(Boolean.class).single();
            if (list.get("file_key") != null && !shared) {
                try {
                    files.delete((String) list.get("file_key"));
                } catch (UncheckedIOException gone) {
                    // already gone: the record says purged either way
                }
            }
            audit.recordAs("system", null, "crosscheck.listPurged", "outside_list", id, Map.of());
        }
    }
}
