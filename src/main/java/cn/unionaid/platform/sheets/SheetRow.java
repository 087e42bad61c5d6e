package cn.unionaid.platform.sheets;

import java.util.List;

/** One data row of a sheet: its Excel row number and its cells as text, in header order. */
public record SheetRow(int number, List<String> cells) {

    public String cell(int index) {
        if (index < 0 || index >= cells.size()) {
            return "";
        }
        String v = cells.get(index);
        return v == null ? "" : v.strip();
    }

    public boolean isBlank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
