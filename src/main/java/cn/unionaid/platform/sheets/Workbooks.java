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

    /** Data rows a sheet holds before the next begins: Excel opens at most 1,048,576 rows a sheet. */
    public static final int ROWS_PER_SHEET = 1_000_000;

    /**
     * A workbook whose first row is {@code header}; {@code rows} writes the data rows, each cell made
     * {@link FormulaSafe formula-safe}.
     */
    public static byte[] write(String sheetName, List<String> header, Consumer<Consumer<List<String>>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, sheetName, header, rows);
        return out.toByteArray();
    }

    /**
     * As above, written to {@code out} as the rows come (a window of rows in memory, the rest on disk until the end),
     * a further sheet with the same header after every {@link #ROWS_PER_SHEET} rows: 名称, 名称（2）, ….
     */
    public static void write(java.io.OutputStream out, String sheetName, List<String> header,
            Consumer<Consumer<List<String>>> rows) {
        write(out, sheetName, header, rows, ROWS_PER_SHEET);
    }

    static void write(java.io.OutputStream out, String sheetName, List<String> header, Consumer<Consumer<List<String>>> rows,
            int rowsPerSheet) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet[] sheet = {null};
            int[] next = {0};
            int[] sheets = {0};
            rows.accept(values -> {
                if (sheet[0] == null || next[0] > rowsPerSheet) {
                    sheet[0] = headed(wb, ++sheets[0] == 1 ? sheetName : sheetName + "（" + sheets[0] + "）", header, bold);
                    next[0] = 1;
                }
                Row row = sheet[0].createRow(next[0]++);
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) != null) {
                        row.createCell(i).setCellValue(FormulaSafe.cell(values.get(i)));
                    }
                }
            });
            if (sheet[0] == null) {
                headed(wb, sheetName, header, bold);
            }
            wb.write(out);
            wb.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet headed(SXSSFWorkbook wb, String name, List<String> header, CellStyle bold) {
        Sheet sheet = wb.createSheet(name);
        Row head = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            head.createCell(i).setCellValue(FormulaSafe.cell(header.get(i)));
            head.getCell(i).setCellStyle(bold);
            sheet.setColumnWidth(i, 16 * 256);
        }
        return sheet;
    }

    public static byte[] template(String sheetName, List<String> columns, List<List<String>> examples) {
        return template(sheetName, columns, examples, List.of(), Map.of());
    }

    /**
     * A template as people fill it in Excel: every column formatted as text (so an ID or card number never turns into
     * 6.2E+18), a dropdown on each column with a fixed list, a note on each required header, and the example rows.
     */
    public static byte[] template(String sheetName, List<String> columns, List<List<String>> examples,
            java.util.Collection<String> required, Map<String, List<String>> choices) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.poi.xssf.usermodel.XSSFSheet sheet = wb.createSheet(sheetName);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setDataFormat(text.getDataFormat());
            Row head = sheet.createRow(0);
            org.apache.poi.ss.usermodel.Drawing<?> drawing = sheet.createDrawingPatriarch();
            org.apache.poi.ss.usermodel.DataValidationHelper validation = sheet.getDataValidationHelper();
            for (int i = 0; i < columns.size(); i++) {
                String column = columns.get(i);
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, 18 * 256);
                org.apache.poi.ss.usermodel.Cell cell = head.createCell(i);
                cell.setCellValue(column);
                cell.setCellStyle(bold);
                if (required.contains(column)) {
                    org.apache.poi.ss.usermodel.ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
                    anchor.setCol1(i);
                    anchor.setCol2(i + 2);
                    anchor.setRow1(0);
                    anchor.setRow2(2);
                    org.apache.poi.ss.usermodel.Comment note = drawing.createCellComment(anchor);
                    note.setString(wb.getCreationHelper().createRichTextString("必填"));
                    cell.setCellComment(note);
                }
                List<String> options = choices.get(column);
                if (options != null) {
                    var constraint = validation.createExplicitListConstraint(options.toArray(String[]::new));
                    var dv = validation.createValidation(constraint,
                            new org.apache.poi.ss.util.CellRangeAddressList(1, 5000, i, i));
                    dv.setShowErrorBox(true);
                    dv.createErrorBox("请从下拉列表中选择", "可选值：" + String.join("、", options));
                    sheet.addValidationData(dv);
                }
            }
            int r = 1;
            for (List<String> example : examples) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < example.size(); i++) {
                    org.apache.poi.ss.usermodel.Cell cell = row.createCell(i);
                    cell.setCellValue(FormulaSafe.cell(example.get(i)));
                    cell.setCellStyle(text);
                }
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The uploaded sheet with an error column (reused when the sheet already has one, as an error sheet uploaded
     * again does): the refused rows only, or — when the whole file was refused
     * ({@code everyRow}) — every row, so that fixing the marked rows and uploading the sheet again imports it all.
     */
    public static byte[] refusedRows(InputStream original, Map<Integer, String> reasons, java.util.Set<String> maskedColumns,
            java.util.function.UnaryOperator<String> mask, boolean everyRow) throws IOException {
        List<String>[] header = new List[1];
        List<List<String>> refused = new java.util.ArrayList<>();
        SheetReader.read(original, h -> header[0] = h.cells(), row -> {
            String reason = reasons.get(row.number());
            if (reason == null && everyRow && row.cells().stream().anyMatch(c -> !c.isBlank())) {
                reason = "";
            }
            if (reason != null) {
                List<String> cells = new java.util.ArrayList<>(row.cells());
                for (int i = 0; i < cells.size() && i < header[0].size(); i++) {
                    if (maskedColumns.contains(header[0].get(i).strip())) {
                        cells.set(i, mask.apply(cells.get(i)));
                    }
                }
                while (cells.size() < header[0].size()) {
                    cells.add("");
                }
                int errorAt = header[0].indexOf(ERROR_COLUMN);
                if (errorAt >= 0) {
                    cells.set(errorAt, reason);
                } else {
                    cells.add(reason);
                }
                refused.add(cells);
            }
        });
        List<String> head = new java.util.ArrayList<>(header[0] == null ? List.of() : header[0]);
        if (!head.contains(ERROR_COLUMN)) {
            head.add(ERROR_COLUMN);
        }
        return write("错误行", head, sink -> refused.forEach(sink));
    }
}
