package cn.unionaid.platform.sheets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes CSV as the rows come (the reading side is {@link CsvRows}): a BOM when the charset is UTF-8 (so that Excel
 * reads it as such), the header, then each row, every cell {@link FormulaSafe formula-safe}, lines ended CRLF. The
 * stream is flushed, not closed: it may be an entry of a zip or a response.
 */
public final class CsvWriter {

    private CsvWriter() {
    }

    public static void write(OutputStream out, Charset charset, List<String> header, Consumer<Consumer<List<String>>> rows) {
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, charset), 1 << 16);
            if (charset.equals(StandardCharsets.UTF_8)) {
                w.write('\uFEFF');
            }
            w.write(FormulaSafe.csvLine(header));
            w.write("\r\n");
            rows.accept(row -> {
                try {
                    w.write(FormulaSafe.csvLine(row));
                    w.write("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
