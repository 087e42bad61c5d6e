package cn.unionaid.platform.sheets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A written workbook holds every row once, in order, however many sheets it takes: each sheet opens with the header,
 * holds at most its share of rows, and is named after the first (名称, 名称（2）…).
 */
class WorkbookSheetsProperties {

    @Property(tries = 60)
    void everyRowOnceInOrderAcrossSheets(@ForAll @IntRange(max = 40) int rows, @ForAll @IntRange(min = 1, max = 12) int perSheet)
            throws Exception {
        List<String> header = List.of("序号", "金额(元)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbooks.write(out, "台账", header, sink -> IntStream.range(0, rows)
                .forEach(i -> sink.accept(List.of(Integer.toString(i), i + ".00"))), perSheet);
        List<String> read = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(Math.max(1, (rows + perSheet - 1) / perSheet));
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                Sheet sheet = wb.getSheetAt(s);
                assertThat(sheet.getSheetName()).isEqualTo(s == 0 ? "台账" : "台账（" + (s + 1) + "）");
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("序号");
                assertThat(sheet.getLastRowNum()).isLessThanOrEqualTo(perSheet);
                for (Row row : sheet) {
                    if (row.getRowNum() > 0) {
                        read.add(row.getCell(0).getStringCellValue());
                    }
                }
            }
        }
        assertThat(read).containsExactlyElementsOf(IntStream.range(0, rows).mapToObj(Integer::toString).toList());
    }
}
