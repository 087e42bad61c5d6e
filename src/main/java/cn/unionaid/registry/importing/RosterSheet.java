package cn.unionaid.registry.importing;

import cn.unionaid.platform.sheets.SheetHeader;
import cn.unionaid.platform.sheets.SheetReader;
import cn.unionaid.platform.sheets.SheetRow;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

import cn.unionaid.platform.Messages;
import cn.unionaid.registry.ImportError;
import cn.unionaid.registry.ImportResult;

/**
 * What every roster import does before its own checks: read the header, refuse a file without one or
 * without a required column (row 1), hand each data row on, and report progress every thousand rows.
 */
final class RosterSheet {

    private static final int PROGRESS_EVERY = 1000;

    private RosterSheet() {
    }

    /** @return the number of data rows read */
    static long read(InputStream in, List<String> required, Messages messages, LongConsumer progress,
            BiConsumer<SheetHeader, SheetRow> rows) throws IOException {
        SheetHeader[] header = new SheetHeader[1];
        long[] seen = {0};
        SheetReader.read(in, h -> {
            header[0] = new SheetHeader(h);
            List<String> missing = header[0].missing(required);
            if (!missing.isEmpty()) {
                String names = String.join("、", missing);
                throw new ImportFailure(ImportResult.refusedWhole(List.of(new ImportError(1, null, names,
                        messages.get("import.error.missingColumns", names))), 0));
            }
        }, row -> {
            rows.accept(header[0], row);
            if (++seen[0] % PROGRESS_EVERY == 0) {
                progress.accept(seen[0]);
            }
        });
        if (header[0] == null) {
            throw new ImportFailure(ImportResult.refusedWhole(
                    List.of(new ImportError(1, null, "", messages.get("import.error.empty"))), 0));
        }
        return seen[0];
    }
}
