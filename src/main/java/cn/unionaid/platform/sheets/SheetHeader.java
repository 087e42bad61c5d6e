package cn.unionaid.platform.sheets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The column positions of a sheet, found by their Chinese header names. */
public final class SheetHeader {

    private final Map<String, Integer> positions = new HashMap<>();

    public SheetHeader(SheetRow headerRow) {
        List<String> cells = headerRow.cells();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i) == null ? "" : cells.get(i).strip().replace("\uFEFF", "");
            if (!name.isEmpty()) {
                positions.putIfAbsent(name, i);
            }
        }
    }

    public int index(String column) {
        return positions.getOrDefault(column, -1);
    }

    public List<String> missing(List<String> required) {
        return required.stream().filter(c -> !positions.containsKey(c)).toList();
    }
}
