package cn.unionaid.registry;

import java.util.List;

/** What an import did: counts of records created, changed and unchanged, and every refused row. */
public record ImportResult(int imported, int updated, int unchanged, int rejected, List<ImportError> errors,
        boolean refused) {

    public static ImportResult refusedWhole(List<ImportError> errors, int rejectedRows) {
        return new ImportResult(0, 0, 0, rejectedRows, List.copyOf(errors), true);
    }
}
