package cn.unionaid.org.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the GB/T 2260 division codes shipped in {@code classpath:regions/} (copied from the project's shared
 * data; see its LICENSE) into the region table. Provinces and cities are padded to six digits.
 */
@Component
class RegionDataMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "load GB/T 2260 regions";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Set<String> known = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "insert into region (code, name, level, parent_code) values (?, ?, ?, ?)")) {
            for (String[] row : read("regions/provinces.csv")) {
                add(ps, known, pad(row[0]), row[1], "PROVINCE", null);
            }
            for (String[] row : read("regions/cities.csv")) {
                add(ps, known, pad(row[0]), row[1], "CITY", pad(row[2]));
            }
            for (String[] row : read("regions/areas.csv")) {
                String city = pad(row[2]);
                add(ps, known, row[0], row[1], "COUNTY", known.contains(city) ? city : pad(row[3]));
            }
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, Set<String> known, String code, String name, String level,
            String parent) throws Exception {
        if (!known.add(code)) {
            return;
        }
        ps.setString(1, code);
        ps.setString(2, name);
        ps.setString(3, level);
        ps.setString(4, parent);
        ps.addBatch();
    }

    private static String pad(String code) {
        return (code.strip() + "000000").substring(0, 6);
    }

    private static List<String[]> read(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    String[] cells = line.split(",", -1);
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = cells[i].strip().replace("\"", "");
                    }
                    rows.add(cells);
                }
            }
        }
        return rows;
    }
}
