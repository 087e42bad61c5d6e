package cn.unionaid.platform.sheets;

import cn.unionaid.platform.sheets.SheetReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes workbooks: templates, the refused rows of an upload with their reasons, exports. */
public final class Workbooks {

    public static final String ERROR_COLUMN = "错误原因";

    private Workbooks() {
    }

    /**
     * A workbook of one sheet whose first row is {@code header}; {@code rows} writes the data rows, each cell made
     * {@link FormulaSafe formula-safe}.
     */
    public static byte[] write(String sheetName, List<String> header, Consumer<Consumer<List<String>>> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(FormulaSafe.cell(header.get(i)));
                head.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, 16 * 256);
            }
            int[] next = {1};
            rows.accept(values -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) != null) {
                        row.createCell(i).setCellValue(FormulaSafe.cell(values.get(i)));
                    }
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] template(String sheetName, List<String> columns, List<List<String>> examples) {
        return write(sheetName, columns, sink -> examples.forEach(sink));
    }

    /**
     * The uploaded sheet again, only the refused rows, each with its reasons in a last column, so the clerk
     * corrects them where they are and uploads the file again.
     */
    public static byte[] refusedRows(InputStream original, Map<Integer, String> reasons) throws IOException {
        List<String>[] header = new List[1];
        List<List<String>> refused = new java.util.ArrayList<>();
        SheetReader.read(original, h -> header[0] = h.cells(), row -> {
            String reason = reasons.get(row.number());
            if (reason != null) {
                List<String> cells = new java.util.ArrayList<>(row.cells());
                while (cells.size() < header[0].size()) {
                    cells.add("");
                }
                cells.add(reason);
                refused.add(cells);
            }
        });
        List<String> head = new java.util.ArrayList<>(header[0] == null ? List.of() : header[0]);
        head.add(ERROR_COLUMN);
        return write("错误行", head, sink -> refused.forEach(sink));
    }
}
