package cn.unionaid.registry.importing;

import cn.unionaid.registry.ImportResult;

/** Thrown inside the import transaction so that a refused all-or-nothing file leaves nothing behind. */
public class ImportFailure extends RuntimeException {

    private final transient ImportResult result;

    public ImportFailure(ImportResult result) {
        super("import refused: " + result.errors().size() + " errors", null, false, false);
        this.result = result;
    }

    public ImportResult result() {
        return result;
    }
}
