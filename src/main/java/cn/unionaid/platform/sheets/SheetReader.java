package cn.unionaid.platform.sheets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads a roster as rows of text: XLSX (recognised by its ZIP signature, read as a stream so that a
 * province-sized sheet does not have to fit in memory) or CSV in UTF-8 or GBK. The first row is the header.
 */
public final class SheetReader {

    private SheetReader() {
    }

    /** Hands the header row, then every non-blank data row, to the consumers. */
    public static void read(InputStream input, Consumer<SheetRow> header, Consumer<SheetRow> rows) throws IOException {
        BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
        in.mark(4);
        byte[] signature = in.readNBytes(4);
        in.reset();
        boolean zip = signature.length == 4 && signature[0] == 'P' && signature[1] == 'K' && signature[2] == 3
                && signature[3] == 4;
        Consumer<SheetRow> dispatch = new Consumer<>() {
            private boolean first = true;

            @Override
            public void accept(SheetRow row) {
                if (first) {
                    first = false;
                    header.accept(row);
                } else if (!row.isBlank()) {
                    rows.accept(row);
                }
            }
        };
        if (zip) {
            XlsxRows.read(in, dispatch);
        } else {
            CsvRows.read(in, dispatch);
        }
    }
}
