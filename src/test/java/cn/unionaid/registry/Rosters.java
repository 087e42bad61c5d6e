package cn.unionaid.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.unionaid.registry.importing.HouseholdSheet;
import cn.unionaid.registry.importing.ModelWorkerSheet;
import cn.unionaid.shared.IdNumber;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds roster files as unions send them: XLSX with text cells, or CSV in UTF-8 or GBK. */
public final class Rosters {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"};
    private static final String[] GIVEN = {"建国", "秀英", "志强", "桂兰", "海燕", "卫东", "红梅", "德华", "玉珍", "国庆"};

    private Rosters() {
    }

    /** A valid ID number for a region, birth date and sequence. */
    public static String idNumber(String region, LocalDate birth, int sequence) {
        String first17 = region + birth.toString().replace("-", "") + "%03d".formatted(sequence % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    /**
     * {@code n} (at most 400) model workers of the given union and region, deterministic for a seed; different
     * seeds never share an ID number.
     */
    public static List<List<String>> modelWorkers(int n, long seed, String orgCode, String region) {
        Random random = new Random(seed);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate birth = LocalDate.of(1945, 1, 1).plusDays(seed * 400 + i);
            boolean retired = random.nextBoolean();
            rows.add(List.of(SURNAMES[random.nextInt(10)] + GIVEN[random.nextInt(10)], idNumber(region, birth, i),
                    Honour.values()[random.nextInt(Honour.values().length)].label(),
                    Integer.toString(1990 + random.nextInt(30)), retired ? "离退休" : "在职", "某单位" + i, orgCode, region,
                    "%d.%02d".formatted(2000 + random.nextInt(5000), random.nextInt(100)), "2023-09",
                    "138%08d".formatted(i), "中国农业银行", "62284800%011d".formatted(seed * 100_000 + i), "是", "保持",
                    "2020-01-01", ""));
        }
        return rows;
    }

    /**
     * {@code n} model workers of a union in one county, for rosters larger than {@link #modelWorkers} makes: 500 a birth
     * date from 1950-03-01, sequences 500 to 999 (which {@link #modelWorkers} never uses); the first is called
     * {@code firstName}.
     */
    public static List<List<String>> manyModelWorkers(int n, String orgCode, String region, String firstName) {
        Random random = new Random(n);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = i == 0 ? firstName : SURNAMES[random.nextInt(10)] + GIVEN[random.nextInt(10)];
            rows.add(List.of(name, idNumber(region, LocalDate.of(1950, 3, 1).plusDays(i / 500), 500 + i % 500),
                    Honour.values()[random.nextInt(Honour.values().length)].label(), "2001", "离退休", "某单位", orgCode,
                    region, "3200.00", "2023-09", "", "", "", "是", "保持", "2020-01-01", ""));
        }
        return rows;
    }

    public static byte[] xlsx(List<String> header, List<List<String>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("花名册");
            XSSFRow head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] modelWorkerXlsx(List<List<String>> rows) {
        return xlsx(ModelWorkerSheet.COLUMNS, rows);
    }

    public static byte[] csv(List<String> header, List<List<String>> rows, Charset charset) {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append("\r\n");
        for (List<String> row : rows) {
            sb.append(String.join(",", row.stream().map(c -> c.contains(",") ? "\"" + c + "\"" : c).toList())).append("\r\n");
        }
        return sb.toString().getBytes(charset);
    }

    public static byte[] householdCsv(List<List<String>> rows, Charset charset) {
        return csv(HouseholdSheet.COLUMNS, rows, charset);
    }
}
