package cn.unionaid.registry;

import java.util.List;

import cn.unionaid.registry.importing.HouseholdSheet;
import cn.unionaid.registry.importing.ModelWorkerSheet;

/** The two rosters (花名册) a union keeps. */
public enum RosterKind {
    MODEL_WORKERS,
    HOUSEHOLDS;

    /** The columns of the roster's import sheet, in the template's order (docs/import-formats.md). */
    public List<String> columns() {
        return this == MODEL_WORKERS ? ModelWorkerSheet.COLUMNS : HouseholdSheet.COLUMNS;
    }
}
