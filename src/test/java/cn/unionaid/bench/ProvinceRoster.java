package cn.unionaid.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import cn.unionaid.registry.importing.HouseholdSheet;
import cn.unionaid.registry.importing.ModelWorkerSheet;
import cn.unionaid.shared.IdNumber;

/**
 * A deterministic, province-sized synthetic roster in the import formats (CSV, UTF-8), written straight to disk so
 * that a million rows never sit in memory. The province's cities and counties are the real GB/T 2260 codes shipped
 * with the application; each city has a union {@code BENCH-cccc} under the province's {@code BENCH} union.
 *
 * <p>Every person gets a distinct valid ID number: the person's index is scrambled by a bijection over
 * (birth day × county × sequence), so IDs spread over the whole province and the years without any collision and
 * without a table of used numbers. Distributions (honours, employment by age, incomes, living, honour kept;
 * categories, household size, members' relations, causes) are drawn from one seeded generator, so the same seed
 * writes the same bytes.
 *
 * <p>Run on its own: {@code java … cn.unionaid.bench.ProvinceRoster <dir> [modelWorkers] [households] [province]}.
 */
public final class ProvinceRoster {

    /** A county of the province and the code of its city's union. */
    public record County(String code, String cityCode) {
        String unionCode() {
            return "BENCH-" + cityCode;
        }
    }

    /** A city of the province, its region code padded to six digits, for its union. */
    public record City(String code, String name) {
        String regionCode() {
            return code + "00";
        }
    }

    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            + "蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛阎段雷侯龙史黎贺顾毛郝龚邵万钱覃").split("");
    private static final String[] GIVEN = ("建国秀英志强桂兰海燕卫东红梅德华玉珍国庆小平丽娟永刚淑芬春生明辉文军金凤晓东雪梅"
            + "立新长青爱民学文振华美玲光荣思远建军桂香宏伟春燕子豪欣怡浩然雨涵俊杰婷婷").split("");
    /** Honours with their weight in a thousand, most common first (省部级劳模 dominate a provincial register). */
    private static final String[] HONOURS = {"省部级劳动模范", "市级劳动模范", "省部级先进工作者", "享受省部级劳模待遇",
            "全国劳动模范", "全国五一劳动奖章"};
    private static final int[] HONOUR_WEIGHTS = {450, 200, 150, 100, 60, 40};
    private static final String[] BANKS = {"中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "中国邮政储蓄银行", "湖南农村信用社"};
    private static final String[] CATEGORIES = {"深度困难", "相对困难", "意外致困"};
    private static final int[] CATEGORY_WEIGHTS = {300, 550, 150};
    private static final String[] CAUSES = {"因病", "因残", "因学", "因灾", "失业", "单亲", "其他"};
    private static final String[] HEALTH = {"良好", "良好", "良好", "慢性病", "大病", "残疾"};
    private static final String[] HOUSING = {"自有住房", "租住公房", "租住私房", "借住"};
    private static final int DAYS = 365 * 60;
    private static final int SEQUENCES = 1000;
    /** A prime (Knuth's multiplicative hash) dividing no keyspace size below, so multiplying by it permutes the keyspace. */
    private static final long SCRAMBLE = 2_654_435_761L;

    private final List<City> cities;
    private final List<County> counties;
    private final long seed;

    public ProvinceRoster(String province, long seed) {
        this.cities = new ArrayList<>();
        this.counties = new ArrayList<>();
        this.seed = seed;
        for (String[] row : csv("regions/cities.csv")) {
            if (row[2].equals(province)) {
                cities.add(new City(row[0], row[1]));
            }
        }
        for (String[] row : csv("regions/areas.csv")) {
            if (row[3].equals(province)) {
                counties.add(new County(row[0], row[2]));
            }
        }
        if (cities.isEmpty() || counties.isEmpty()) {
            throw new IllegalArgumentException("no such province: " + province);
        }
    }

    public List<City> cities() {
        return cities;
    }

    public List<County> counties() {
        return counties;
    }

    /**
     * A distinct ID number for the {@code index}-th person of a keyspace (model workers and household members use
     * different ones): birth within 60 years from {@code firstBirth}, in a county of the province.
     */
    String idNumber(long keyspace, long index, LocalDate firstBirth) {
        long size = (long) DAYS * counties.size() * SEQUENCES;
        long key = Math.floorMod((keyspace + index) * SCRAMBLE, size);
        int sequence = (int) (key % SEQUENCES);
        int county = (int) ((key / SEQUENCES) % counties.size());
        int day = (int) (key / SEQUENCES / counties.size());
        String first17 = counties.get(county).code() + firstBirth.plusDays(day).toString().replace("-", "")
                + "%03d".formatted(sequence);
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** Writes {@code n} model workers; answers the bytes written. */
    public long writeModelWorkers(Path file, int n) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (Writer out = writer(file)) {
            out.write(String.join(",", ModelWorkerSheet.COLUMNS));
            out.write('\n');
            StringBuilder row = new StringBuilder(256);
            for (int i = 0; i < n; i++) {
                String id = idNumber(0, i, LocalDate.of(1935, 1, 1));
                County county = counties.get(countyOf(id));
                int born = Integer.parseInt(id.substring(6, 10));
                boolean retired = born < 1966 || random.nextInt(100) < 10;
                boolean living = born > 1950 || random.nextInt(100) >= 8;
                row.setLength(0);
                row.append(name(random)).append(',').append(id).append(',')
                        .append(HONOURS[weighted(random, HONOUR_WEIGHTS)]).append(',')
                        .append(Math.min(2024, born + 25 + random.nextInt(30))).append(',')
                        .append(retired ? "离退休" : "在职").append(",湖南某企业").append(i % 5000).append(',')
                        .append(county.unionCode()).append(',').append(county.code()).append(',')
                        .append(income(random, retired ? 2500 : 4500)).append(",2024-12,")
                        .append("13").append(String.format("%09d", i)).append(',')
                        .append(BANKS[random.nextInt(BANKS.length)]).append(',').append(card("6217", i)).append(',')
                        .append(living ? "是" : "否").append(',').append(random.nextInt(1000) < 3 ? "撤销" : "保持")
                        .append(',').append(LocalDate.of(2005, 1, 1).plusDays(random.nextInt(6000))).append(",\n");
                out.append(row);
            }
        }
        return Files.size(file);
    }

    /**
     * Writes {@code n} households of one to five members (three on average: head, often a spouse, children, a
     * parent); answers the number of member rows.
     */
    public long writeHouseholds(Path file, int n) throws IOException {
        SplittableRandom random = new SplittableRandom(seed + 1);
        long members = 0;
        try (Writer out = writer(file)) {
            out.write(String.join(",", HouseholdSheet.COLUMNS));
            out.write('\n');
            StringBuilder row = new StringBuilder(512);
            for (int h = 0; h < n; h++) {
                String no = "HB%08d".formatted(h);
                String head = idNumber(100_000_000L, h, LocalDate.of(1955, 1, 1));
                County county = counties.get(countyOf(head));
                int size = 1 + weighted(random, new int[] {80, 200, 400, 220, 100});
                row.setLength(0);
                row.append(no).append(",户主,").append(name(random)).append(',').append(head).append(',')
                        .append(income(random, 1200)).append(',').append(HEALTH[random.nextInt(HEALTH.length)]).append(',')
                        .append(CATEGORIES[weighted(random, CATEGORY_WEIGHTS)]).append(',')
                        .append(CAUSES[random.nextInt(CAUSES.length)]).append(',')
                        .append(HOUSING[random.nextInt(HOUSING.length)]).append(',')
                        .append(BANKS[random.nextInt(BANKS.length)]).append(',').append(card("6222", h)).append(',')
                        .append(county.unionCode()).append(',').append(county.code()).append(',')
                        .append(LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3500))).append('\n');
                for (int m = 1; m < size; m++) {
                    String relation = m == 1 && size > 2 ? "配偶" : m == size - 1 && size == 5 ? "父母" : "子女";
                    String id = idNumber(200_000_000L, (long) h * 4 + m - 1, LocalDate.of(1950, 1, 1));
                    row.append(no).append(',').append(relation).append(',').append(name(random)).append(',').append(id)
                            .append(',').append(relation.equals("子女") ? "0.00" : income(random, 600)).append(',')
                            .append(HEALTH[random.nextInt(HEALTH.length)]).append(",,,,,,,,\n");
                }
                members += size;
                out.append(row);
            }
        }
        return members;
    }

    private int countyOf(String id) {
        String code = id.substring(0, 6);
        for (int i = 0; i < counties.size(); i++) {
            if (counties.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalStateException(code);
    }

    private static String name(SplittableRandom random) {
        String given = GIVEN[random.nextInt(GIVEN.length)];
        return SURNAMES[random.nextInt(SURNAMES.length)] + (random.nextInt(3) == 0 ? given
                : given + GIVEN[random.nextInt(GIVEN.length)]);
    }

    /** A monthly income around {@code median} yuan, skewed to the right, in yuan with fen. */
    private static String income(SplittableRandom random, int median) {
        double factor = Math.exp(random.nextGaussian() * 0.45);
        long fen = Math.max(0, Math.round(median * factor)) * 100 + random.nextInt(100);
        return fen / 100 + "." + "%02d".formatted(fen % 100);
    }

    private static String card(String bin, long n) {
        return bin + "%015d".formatted(n);
    }

    private static int weighted(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    private static List<String[]> csv(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = ProvinceRoster.class.getClassLoader().getResourceAsStream(resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.replace("\"", "").split(","));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/province");
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int households = args.length > 2 ? Integer.parseInt(args[2]) : 500_000;
        ProvinceRoster roster = new ProvinceRoster(args.length > 3 ? args[3] : "43", 20261122L);
        Files.createDirectories(dir);
        long bytes = roster.writeModelWorkers(dir.resolve("model-workers.csv"), workers);
        long members = roster.writeHouseholds(dir.resolve("households.csv"), households);
        System.out.printf("%d cities, %d counties; %,d model workers (%,d bytes), %,d households of %,d members%n",
                roster.cities().size(), roster.counties().size(), workers, bytes, households, members);
    }
}
