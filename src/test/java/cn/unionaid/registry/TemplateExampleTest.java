package cn.unionaid.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import cn.unionaid.crosscheck.OutsideLists;
import cn.unionaid.shared.IdNumber;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Issue 16 §9: a template's example rows are valid, so that the clerk copies a shape that imports: every ID number in
 * the roster and outside-list templates passes the GB 11643 check the import applies.
 */
class TemplateExampleTest {

    @Test
    void theExampleIdNumbersOfEveryTemplateAreValid() throws IOException {
        List<String> ids = new ArrayList<>();
        for (byte[] template : List.of(RegistryImports.template(RosterKind.MODEL_WORKERS),
                RegistryImports.template(RosterKind.HOUSEHOLDS), OutsideLists.template())) {
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
                DataFormatter text = new DataFormatter();
                for (Row row : book.getSheetAt(0)) {
                    for (Cell cell : row) {
                        String value = text.formatCellValue(cell);
                        if (value.matches("\\d{17}[\\dX]")) {
                            ids.add(value);
                        }
                    }
                }
            }
        }
        assertThat(ids).hasSize(4);
        for (String id : ids) {
            assertThatCode(() -> IdNumber.parse(id)).as(id).doesNotThrowAnyException();
        }
    }
}
