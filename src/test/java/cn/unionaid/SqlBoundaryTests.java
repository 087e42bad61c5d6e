package cn.unionaid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database has the boundaries the Java has (docs/architecture.md): every table lives in the schema of the module
 * that owns it; every SQL text in a module names the schema of each table it touches; a module reads another's data
 * only through that module's published {@code v_} views, never writes it, and reads only from modules it documents
 * as dependencies. The tables and views are read from the migrated database, the SQL from every string and text block
 * of the module's sources (the Java migrations that ran before the schemas existed excepted).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlBoundaryTests {

    private static final Set<String> MODULE_SCHEMAS = Set.of("org", "audit", "registry", "policy", "funds", "disbursement",
            "controls", "evaluation", "crosscheck", "platform");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern REFERENCE = Pattern.compile(
            "(?i)\\b(from|join|into|update|table|truncate)\\s+([a-z_][a-z0-9_]*)(?:\\.([a-z_][a-z0-9_]*))?");
    private static final Path SOURCES = Path.of("src/main/java/cn/unionaid");

    @Autowired
    JdbcClient jdbc;

    /** table or view name → the schema it lives in. */
    private final Map<String, String> relations = new HashMap<>();
    private final Map<String, List<String>> views = new TreeMap<>();

    @BeforeAll
    void readTheDatabase() {
        jdbc.sql("""
                select table_schema, table_name, table_type from information_schema.tables
                 where table_schema not in ('pg_catalog', 'information_schema') and table_schema not like 'pg_temp%'
                """).query(rs -> {
            relations.put(rs.getString(2), rs.getString(1));
            if ("VIEW".equals(rs.getString(3))) {
                views.computeIfAbsent(rs.getString(1), s -> new ArrayList<>()).add(rs.getString(2));
            }
        });
    }

    @Test
    void everyTableLivesInItsModulesSchemaAndEveryViewIsPublishedAsV() {
        List<String> outside = relations.entrySet().stream()
                .filter(e -> !MODULE_SCHEMAS.contains(e.getValue()) && !e.getKey().equals("flyway_schema_history")
                        && !e.getKey().startsWith("bench_"))
                .map(e -> e.getValue() + "." + e.getKey()).sorted().toList();
        assertThat(outside).as("tables outside the module schemas").isEmpty();
        views.values().forEach(v -> assertThat(v).allMatch(name -> name.startsWith("v_")));
    }

    @Test
    void everyStatementNamesItsSchemaAndReadsOtherModulesOnlyThroughTheirViews() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> reads = new TreeMap<>();
        for (Path file : sources()) {
            String module = SOURCES.relativize(file).getName(0).toString();
            String source = Files.readString(file);
            if (source.contains("JavaMigration")) {
                continue;
            }
            Matcher literal = LITERAL.matcher(source);
            while (literal.find()) {
                String sql = literal.group(1) != null ? literal.group(1) : literal.group(2);
                Matcher ref = REFERENCE.matcher(sql);
                while (ref.find()) {
                    String verb = ref.group(1).toLowerCase();
                    String where = file.getFileName() + ": " + verb + " " + ref.group(2) + (ref.group(3) == null ? "" : "." + ref.group(3));
                    if (ref.group(3) == null) {
                        if (relations.containsKey(ref.group(2).toLowerCase())) {
                            problems.add(where + " (no schema)");
                        }
                        continue;
                    }
                    String schema = ref.group(2).toLowerCase();
                    String name = ref.group(3).toLowerCase();
                    if (!MODULE_SCHEMAS.contains(schema) || schema.equals(module)) {
                        continue;
                    }
                    boolean reading = verb.equals("from") || verb.equals("join");
                    if (!reading) {
                        problems.add(where + " (writes another module's data)");
                    } else if (!name.startsWith("v_")) {
                        problems.add(where + " (reads another module's table, not its view)");
                    } else {
                        reads.computeIfAbsent(module, m -> new TreeSet<>()).add(schema);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        String architecture = Files.readString(Path.of("docs/architecture.md"));
        reads.forEach((module, schemas) -> {
            String row = architecture.lines().filter(l -> l.startsWith("| " + module + " |")).findFirst().orElse("");
            assertThat(row).as("docs/architecture.md row of " + module).isNotEmpty();
            String dependsOn = row.substring(row.lastIndexOf("| ", row.length() - 2));
            schemas.forEach(s -> assertThat(dependsOn).as(module + " reads " + s + "'s views").contains(s));
        });
    }

    @Test
    void everyPublishedViewIsDocumented() throws IOException {
        String architecture = Files.readString(Path.of("docs/architecture.md"));
        views.forEach((schema, names) -> names.forEach(v -> assertThat(architecture).as(schema + "." + v)
                .contains("`" + schema + "." + v + "`")));
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(p -> p.toString().endsWith(".java")).filter(p -> p.getParent() != null
                    && !p.getParent().equals(SOURCES)).sorted().toList();
        }
    }
}
