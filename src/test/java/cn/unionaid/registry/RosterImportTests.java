package cn.unionaid.registry;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import cn.unionaid.DemoUsers;
import cn.unionaid.IntegrationTest;
import cn.unionaid.registry.importing.ModelWorkerSheet;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Real roster files through the real import path, on the embedded PostgreSQL. */
@IntegrationTest
class RosterImportTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    RegistryImports imports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    PlatformTransactionManager transactions;

    private ResultActions upload(String user, String path, String fileName, byte[] content, String mode) throws Exception {
        var request = multipart(path).file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .with(DemoUsers.api(user));
        if (mode != null) {
            request.param("mode", mode);
        }
        return mvc.perform(request);
    }

    private static List<String> with(List<String> row, int column, String value) {
        List<String> copy = new ArrayList<>(row);
        copy.set(column, value);
        return copy;
    }

    /** A clerk may shorten a region to its city's four digits or its province's two; a mistyped code is refused by name. */
    @Test
    void aRegionIsFoundByItsShortCodeAndAMistypedCodeIsRefusedWithTheRule() throws Exception {
        upload("yiyang.clerk", "/api/v1/model-workers/import", "长沙县.xlsx",
                Rosters.modelWorkerXlsx(Rosters.modelWorkers(6, 41, "430900", "430121")), null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(6));
        int county = total("430121");
        int city = total("430100");
        assertThat(county).isGreaterThanOrEqualTo(6);
        assertThat(city).isGreaterThanOrEqualTo(county);
        assertThat(total("4301")).isEqualTo(city);
        assertThat(total(" 4301 ")).isEqualTo(city);
        assertThat(total("43")).isEqualTo(total("430000")).isGreaterThanOrEqualTo(city);
        assertThat(total("长沙县")).isEqualTo(county);

        mvc.perform(get("/api/v1/model-workers").param("region", "4301x").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("4301x")));
        mvc.perform(get("/api/v1/households").param("region", "43012").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("43012")));
        mvc.perform(get("/registry/model-workers").param("region", "4301x").with(DemoUsers.page(users, "yiyang.clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("行政区划代码须为6位数字（省、市也可只写前2位、前4位）：4301x")));
    }

    /**
     * A roster that adds more archives than the register holds (a province's first load) is written without the register's
     * search indexes, which are then built once: every index is there again with its definition, the search ones built
     * anew, and the register finds the new people by them. A roster that adds nothing leaves the indexes alone.
     */
    @Test
    void aRosterLargerThanTheRegisterBuildsItsSearchIndexesOnceAndIsFoundByThem() throws Exception {
        long held = jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = 'registry.model_worker'::regclass")
                .query(Long.class).single();
        int n = (int) Math.max(1_000, held) + 100;
        List<List<String>> rows = Rosters.manyModelWorkers(n, "430900", "430981", "欧阳萃琳");
        byte[] file = Rosters.csv(ModelWorkerSheet.COLUMNS, rows, StandardCharsets.UTF_8);
        Map<String, List<String>> before = indexes();
        assertThat(before).hasSizeGreaterThanOrEqualTo(11);

        upload("yiyang.clerk", "/api/v1/model-workers/import", "沅江市劳模.csv", file, null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(n)).andExpect(jsonPath("$.rejected").value(0));
        Map<String, List<String>> after = indexes();
        assertBuiltAnew(before, after);
        assertThat(jdbc.sql("select count(*) from registry.index_set_aside").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from registry.model_worker where region_code = '430981'").query(Long.class).single())
                .isGreaterThanOrEqualTo(n);
        for (String q : List.of("阳萃", "欧阳萃琳")) {
            mvc.perform(get("/api/v1/model-workers").param("q", q).with(DemoUsers.api("yiyang.clerk")))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].name").value("欧阳萃琳"));
        }

        upload("yiyang.clerk", "/api/v1/model-workers/import", "沅江市劳模.csv", file, null)
                .andExpect(jsonPath("$.imported").value(0)).andExpect(jsonPath("$.unchanged").value(n));
        assertThat(indexes()).isEqualTo(after);
    }

    /** A large load that finds the register in use by others keeps its indexes up row by row instead of waiting for them. */
    @Test
    void aLargeLoadWhileOthersReadTheRegisterKeepsItsIndexes() throws Exception {
        long held = jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = 'registry.model_worker'::regclass")
                .query(Long.class).single();
        int n = (int) Math.max(1_000, held) + 100;
        byte[] file = Rosters.csv(ModelWorkerSheet.COLUMNS, Rosters.manyModelWorkers(n, "430900", "430921", "南宫萃读"),
                StandardCharsets.UTF_8);
        Map<String, List<String>> before = indexes();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch imported = new CountDownLatch(1);
        Thread reader = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(t -> {
            jdbc.sql("select count(*) from registry.model_worker where id = -1").query(Long.class).single();
            reading.countDown();
            try {
                imported.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        reader.start();
        assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            upload("yiyang.clerk", "/api/v1/model-workers/import", "南县劳模.csv", file, null)
                    .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(n));
        } finally {
            imported.countDown();
            reader.join();
        }
        assertThat(indexes()).isEqualTo(before);
        mvc.perform(get("/api/v1/model-workers").param("q", "南宫萃读").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(jsonPath("$.total").value(1));
    }

    /** The database refuses to commit with an index set aside, and sets aside only the register's own tables. */
    @Test
    void noCommitLeavesTheRegisterWithoutAnIndex() {
        Map<String, List<String>> before = indexes();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(t ->
                jdbc.sql("select registry.set_aside_indexes('model_worker')").query(Integer.class).single()))
                .hasStackTraceContaining("was set aside and not built again");
        assertThat(indexes()).isEqualTo(before);
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(t ->
                jdbc.sql("select registry.set_aside_indexes('registry_event')").query(Integer.class).single()))
                .hasStackTraceContaining("cannot be set aside");
    }

    /** A household roster that adds more households than the register holds builds the households' and members' search indexes once. */
    @Test
    void aHouseholdRosterLargerThanTheRegisterBuildsItsSearchIndexesOnce() throws Exception {
        long held = jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = 'registry.household'::regclass")
                .query(Long.class).single();
        int n = (int) Math.max(1_000, held) + 100;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String no = "YJL-%05d".formatted(i);
            rows.add(List.of(no, "户主", i == 0 ? "司马萃英" : "沅江户主",
                    Rosters.idNumber("430981", LocalDate.of(1962, 5, 1).plusDays(i / 500), 500 + i % 500), "800", "",
                    "相对困难", "因病致困", "", "", "", "430900", "430981", "2021-03-01"));
            rows.add(List.of(no, "配偶", "沅江配偶",
                    Rosters.idNumber("430981", LocalDate.of(1963, 8, 1).plusDays(i / 500), 500 + i % 500), "600", "", "", "",
                    "", "", "", "", "", ""));
        }
        Map<String, List<String>> households = indexes("registry.household");
        Map<String, List<String>> members = indexes("registry.household_member");
        upload("yiyang.clerk", "/api/v1/households/import", "沅江市困难职工.csv", Rosters.householdCsv(rows, StandardCharsets.UTF_8), null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(n)).andExpect(jsonPath("$.rejected").value(0));
        assertBuiltAnew(households, indexes("registry.household"));
        assertBuiltAnew(members, indexes("registry.household_member"));
        mvc.perform(get("/api/v1/households").param("q", "司马萃英").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].householdNo").value("YJL-00000"));
    }

    /** A member belongs to a household that exists (checked once per statement); a household with members keeps its number. */
    @Test
    void aMemberNeedsItsHouseholdAndAHouseholdIsNeitherDeletedNorRenumbered() {
        long household = jdbc.sql("select household_id from registry.household_member order by id limit 1").query(Long.class).single();
        String copy = """
                insert into registry.household_member (household_id, relation, name, id_number_enc, id_number_bidx, id_number_masked,
                       sex, birth_date, monthly_income_fen, in_open_household)
                select h.id, 'OTHER', m.name, m.id_number_enc, m.id_number_bidx, m.id_number_masked, m.sex, m.birth_date,
                       m.monthly_income_fen, false
                  from registry.household_member m, (values (?::bigint), (?::bigint)) h (id) where m.household_id = ? and m.relation = 'HEAD'
                """;
        assertThatThrownBy(() -> jdbc.sql(copy).param(household).param(-7L).param(household).update())
                .rootCause().hasMessageContaining("household -7 does not exist");
        new TransactionTemplate(transactions).executeWithoutResult(t -> {
            assertThat(jdbc.sql(copy).param(household).param(household).param(household).update()).isEqualTo(2);
            t.setRollbackOnly();
        });
        assertThatThrownBy(() -> jdbc.sql("update registry.household set id = -8 where id = ?").param(household).update())
                .rootCause().hasMessageContaining("has members and is kept");
        assertThatThrownBy(() -> jdbc.sql("delete from registry.household where id = ?").param(household).update())
                .rootCause().hasMessageContaining("permission denied");
    }

    /** Every index is there again with its definition: the unique ones kept, the others built anew. */
    private static void assertBuiltAnew(Map<String, List<String>> before, Map<String, List<String>> after) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((name, oidAndDefinition) -> {
            assertThat(oidAndDefinition.get(1)).as(name).isEqualTo(before.get(name).get(1));
            boolean unique = oidAndDefinition.get(1).startsWith("CREATE UNIQUE");
            assertThat(oidAndDefinition.get(0).equals(before.get(name).get(0))).as(name + " kept (unique) or built anew").isEqualTo(unique);
        });
    }

    private Map<String, List<String>> indexes() {
        return indexes("registry.model_worker");
    }

    /** A table's indexes by name: their identity and definition. */
    private Map<String, List<String>> indexes(String table) {
        Map<String, List<String>> found = new TreeMap<>();
        jdbc.sql("""
                select c.relname, i.indexrelid::text, pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
                 where i.indrelid = cast(? as regclass)
                """).param(table).query((java.sql.ResultSet rs) -> {
            found.put(rs.getString(1), List.of(rs.getString(2), rs.getString(3)));
        });
        return found;
    }

    private int total(String region) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/model-workers").param("region", region).param("size", "1")
                .with(DemoUsers.api("yiyang.clerk"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(), "$.total");
    }

    @Test
    void aRosterAtSeed000ScaleImportsInOneGoAndAgainChangesNothing() throws Exception {
        List<List<String>> rows = Rosters.modelWorkers(387, 1, "430900", "430111");
        byte[] file = Rosters.modelWorkerXlsx(rows);
        upload("yiyang.clerk", "/api/v1/model-workers/import", "益阳劳模花名册.xlsx", file, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(387)).andExpect(jsonPath("$.rejected").value(0))
                .andExpect(jsonPath("$.errors", hasSize(0)));
        mvc.perform(get("/api/v1/model-workers").param("region", "430111").param("size", "5").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(jsonPath("$.total").value(387)).andExpect(jsonPath("$.items", hasSize(5)))
                .andExpect(jsonPath("$.items[0].idNumberMasked", containsString("********")))
                .andExpect(jsonPath("$.next").isNotEmpty());
        upload("yiyang.clerk", "/api/v1/model-workers/import", "益阳劳模花名册.xlsx", file, null)
                .andExpect(jsonPath("$.imported").value(0)).andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(387));

        List<List<String>> changed = new ArrayList<>(rows);
        changed.set(10, with(rows.get(10), 8, "9999.00"));
        upload("yiyang.clerk", "/api/v1/model-workers/import", "更正.xlsx", Rosters.modelWorkerXlsx(changed), null)
                .andExpect(jsonPath("$.updated").value(1)).andExpect(jsonPath("$.unchanged").value(386));
        String body = mvc.perform(post("/api/v1/model-workers/search").contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\":\"" + rows.get(10).get(1) + "\"}")
                .with(DemoUsers.api("yiyang.clerk"))).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].monthlyIncomeYuan").value("9999.00"))
                .andReturn().getResponse().getContentAsString();
        Number id = JsonPath.read(body, "$.items[0].id");
        mvc.perform(get("/api/v1/model-workers/{id}/events", id).with(DemoUsers.api("yiyang.clerk")))
                .andExpect(jsonPath("$[0].kind").value("OPENED")).andExpect(jsonPath("$[0].date").value("2020-01-01"))
                .andExpect(jsonPath("$[1].kind").value("UPDATED"))
                .andExpect(jsonPath("$[1].detail", containsString("月收入(元)")));
    }

    @Test
    void aFileWithOneRowForEachKindOfErrorIsRefusedWholeWithOnePreciseMessagePerRow() throws Exception {
        List<List<String>> good = Rosters.modelWorkers(13, 2, "430900", "430922");
        List<List<String>> rows = new ArrayList<>();
        rows.add(good.get(0));
        rows.add(with(good.get(1), 1, good.get(1).get(1).substring(0, 17) + (good.get(1).get(1).charAt(17) == '0' ? "1" : "0")));
        rows.add(with(good.get(2), 15, "2020年13月45日"));
        rows.add(with(good.get(3), 9, "23年九月"));
        rows.add(with(good.get(4), 2, "县级劳模"));
        rows.add(with(good.get(5), 7, "439999"));
        rows.add(with(good.get(6), 6, "430700"));
        rows.add(with(good.get(7), 8, "-5"));
        rows.add(with(good.get(8), 8, "12.345"));
        rows.add(with(good.get(9), 12, "6228-48ab"));
        rows.add(with(good.get(10), 13, "不详"));
        rows.add(with(good.get(11), 0, ""));
        rows.add(good.get(0));
        upload("yiyang.clerk", "/api/v1/model-workers/import", "错误.xlsx", Rosters.modelWorkerXlsx(rows), null)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.imported").value(0)).andExpect(jsonPath("$.rejected").value(12))
                .andExpect(jsonPath("$.errors", hasSize(12)))
                .andExpect(jsonPath("$.errors[0].row").value(3)).andExpect(jsonPath("$.errors[0].column").value("身份证号"))
                .andExpect(jsonPath("$.errors[0].message").value("身份证号校验位不正确"))
                .andExpect(jsonPath("$.errors[1].column").value("建档日期"))
                .andExpect(jsonPath("$.errors[2].column").value("收入核定年月"))
                .andExpect(jsonPath("$.errors[3].message", containsString("全国劳动模范")))
                .andExpect(jsonPath("$.errors[4].message").value("行政区划代码 439999 不存在"))
                .andExpect(jsonPath("$.errors[5].message", containsString("430700 不存在或不在您的权限范围内")))
                .andExpect(jsonPath("$.errors[6].message").value("金额不能为负数"))
                .andExpect(jsonPath("$.errors[7].message", containsString("最多保留两位小数")))
                .andExpect(jsonPath("$.errors[8].message").value("银行卡号须为12至19位数字"))
                .andExpect(jsonPath("$.errors[9].message").value("应填“是”或“否”"))
                .andExpect(jsonPath("$.errors[10].column").value("姓名"))
                .andExpect(jsonPath("$.errors[11].row").value(14))
                .andExpect(jsonPath("$.errors[11].message").value("与第 2 行是同一人（身份证号重复）"));
        mvc.perform(get("/api/v1/model-workers").param("region", "430922").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(jsonPath("$.total").value(0));

        upload("yiyang.clerk", "/api/v1/model-workers/import", "错误.xlsx", Rosters.modelWorkerXlsx(rows), "valid-only")
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.rejected").value(12));
    }

    @Test
    void theSamePersonSentByHeshanAfterZiyangHoldsThemIsRefusedWithoutNamingZiyangButYiyangSeesWho() throws Exception {
        List<List<String>> person = Rosters.modelWorkers(1, 3, "430902", "430923");
        upload("ziyang.clerk", "/api/v1/model-workers/import", "资阳.xlsx", Rosters.modelWorkerXlsx(person), null)
                .andExpect(jsonPath("$.imported").value(1));
        List<List<String>> again = List.of(with(person.get(0), 6, "430903"));
        upload("heshan.clerk", "/api/v1/model-workers/import", "赫山.xlsx", Rosters.modelWorkerXlsx(again), null)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].message", containsString("已在其他单位建有劳模档案")))
                .andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.not(containsString("资阳"))));
        // 益阳, above both, is told which union holds the file.
        List<List<String>> fromYiyang = List.of(with(person.get(0), 6, "430900"));
        upload("yiyang.clerk", "/api/v1/model-workers/import", "益阳.xlsx", Rosters.modelWorkerXlsx(fromYiyang), null)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].message", containsString("资阳区总工会")));
        mvc.perform(post("/api/v1/model-workers/search").contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\":\"" + person.get(0).get(1) + "\"}").with(DemoUsers.api("heshan.clerk")))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aDeceasedPersonLeavesTheRegisterOnTheDateOfDeathAndNothingCanFollow() throws Exception {
        List<List<String>> person = Rosters.modelWorkers(1, 4, "430903", "430971");
        upload("heshan.clerk", "/api/v1/model-workers/import", "赫山.xlsx", Rosters.modelWorkerXlsx(person), null)
                .andExpect(jsonPath("$.imported").value(1));
        String body = mvc.perform(post("/api/v1/model-workers/search").contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\":\"" + person.get(0).get(1) + "\"}")
                .with(DemoUsers.api("heshan.clerk"))).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.items[0].id")).longValue();
        mvc.perform(post("/api/v1/model-workers/{id}/events", id).with(DemoUsers.api("heshan.clerk"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"DECEASED","date":"2026-03-01","reason":"家属电话告知，已核实死亡证明"}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$[1].kind").value("DECEASED"));
        assertThat(inRegister("2026-02-28")).contains(id);
        assertThat(inRegister("2026-03-01")).doesNotContain(id);
        assertThat(inRegister("2026-06-01")).doesNotContain(id);
        mvc.perform(post("/api/v1/model-workers/{id}/events", id).with(DemoUsers.api("heshan.clerk"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"RETIRED","date":"2026-04-01","reason":"退休"}"""))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("已故")));
        mvc.perform(get("/api/v1/model-workers/{id}", id).with(DemoUsers.api("heshan.clerk")))
                .andExpect(jsonPath("$.living").value(false));
        mvc.perform(get("/api/v1/model-workers/{id}", id).with(DemoUsers.api("ziyang.clerk"))).andExpect(status().isNotFound());
    }

    private List<Long> inRegister(String date) throws Exception {
        String body = mvc.perform(get("/api/v1/model-workers/in-register").param("date", date)
                .with(DemoUsers.api("heshan.clerk"))).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(body, "$");
        return ids.stream().map(Number::longValue).toList();
    }

    @Test
    void aGbkHouseholdSheetImportsWithItsMembersAndAPersonStaysInOneOpenHousehold() throws Exception {
        String head = Rosters.idNumber("430925", java.time.LocalDate.of(1978, 3, 3), 11);
        String spouse = Rosters.idNumber("430925", java.time.LocalDate.of(1980, 5, 6), 12);
        String child = Rosters.idNumber("430925", java.time.LocalDate.of(2008, 5, 5), 13);
        List<List<String>> rows = List.of(
                List.of("HS-9001", "户主", "李建国", head, "1200.00", "慢性病", "深度困难", "因病致困", "租住公房", "中国工商银行",
                        "6222020000000000001", "430903", "430903", "2021-03-01"),
                List.of("HS-9001", "配偶", "王秀英", spouse, "800", "健康", "", "", "", "", "", "", "", ""),
                List.of("HS-9001", "子女", "李小明", child, "0", "健康", "", "", "", "", "", "", "", ""));
        upload("heshan.clerk", "/api/v1/households/import", "困难家庭.csv", Rosters.householdCsv(rows, Charset.forName("GBK")), null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1));
        mvc.perform(get("/api/v1/households").param("q", "HS-9001").with(DemoUsers.api("heshan.clerk")))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].memberCount").value(3))
                .andExpect(jsonPath("$.items[0].headName").value("李建国"))
                .andExpect(jsonPath("$.items[0].incomePerHeadYuan").value("666.67"))
                .andExpect(jsonPath("$.items[0].category").value("DEEP"));
        mvc.perform(post("/api/v1/households/search").contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\":\"" + child + "\"}").with(DemoUsers.api("heshan.clerk")))
                .andExpect(jsonPath("$.total").value(1));
        // Exported in full, the household imports again unchanged: export and import speak the same columns.
        byte[] full = mvc.perform(get("/api/v1/households/export.xlsx").param("q", "HS-9001").param("full", "true")
                .with(DemoUsers.api("heshan.clerk"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        upload("heshan.clerk", "/api/v1/households/import", "导出再导入.xlsx", full, null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(1)).andExpect(jsonPath("$.imported").value(0));

        List<List<String>> other = List.of(
                List.of("ZY-0001", "户主", "李小明", child, "0", "健康", "相对困难", "因学致困", "", "", "", "430902", "430902", "2022-01-01"));
        upload("ziyang.clerk", "/api/v1/households/import", "资阳.csv", Rosters.householdCsv(other, Charset.forName("UTF-8")), null)
                .andExpect(status().isUnprocessableEntity())
                // 资阳 does not see 赫山's files: it learns that the person belongs to a household elsewhere, not whose.
                .andExpect(jsonPath("$.errors[0].message", containsString("其他单位在档困难家庭的成员")))
                .andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.not(containsString("HS-9001"))));
        assertThat(jdbc.sql("select count(*) from registry.household where household_no = 'ZY-0001'").query(Long.class).single()).isZero();
    }

    @Test
    void aHouseholdWithoutAHeadTwoHeadsOrAPersonTwiceIsRefusedAndTheGoodOnesGoIn() throws Exception {
        java.util.function.IntFunction<String> id = i -> Rosters.idNumber("430925", java.time.LocalDate.of(1960, 1, 1), 500 + i);
        List<List<String>> rows = List.of(
                List.of("HB-1", "户主", "赵一", id.apply(1), "900.00", "良好", "深度困难", "因病", "", "", "", "430903", "430903", "2022-01-01"),
                List.of("HB-1", "子女", "赵二", id.apply(2), "0", "良好", "", "", "", "", "", "", "", ""),
                List.of("HB-2", "子女", "钱一", id.apply(3), "0", "良好", "", "", "", "", "", "", "", ""),
                List.of("HB-3", "户主", "孙一", id.apply(4), "700.00", "良好", "相对困难", "", "", "", "", "430903", "430903", "2022-01-01"),
                List.of("HB-3", "配偶", "赵二", id.apply(2), "0", "良好", "", "", "", "", "", "", "", ""),
                List.of("HB-4", "户主", "李一", id.apply(5), "700.00", "良好", "相对困难", "", "", "", "", "430903", "430903", "2022-01-01"),
                List.of("HB-4", "户主", "李二", id.apply(6), "700.00", "良好", "相对困难", "", "", "", "", "430903", "430903", "2022-01-01"));
        upload("heshan.clerk", "/api/v1/households/import", "有错的家庭.csv", Rosters.householdCsv(rows, StandardCharsets.UTF_8),
                "valid-only").andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.rejected").value(5))
                .andExpect(jsonPath("$.errors[0].row").value(4)).andExpect(jsonPath("$.errors[0].message").value("户编号 HB-2 没有户主行"))
                .andExpect(jsonPath("$.errors[1].row").value(6))
                .andExpect(jsonPath("$.errors[1].message").value("与第 3 行是同一人（身份证号重复）"))
                .andExpect(jsonPath("$.errors[2].row").value(8)).andExpect(jsonPath("$.errors[2].message").value("户编号 HB-4 有多个户主"));
        assertThat(jdbc.sql("select household_no from registry.household where household_no like 'HB-%'").query(String.class).list())
                .containsExactly("HB-1");
        List<List<String>> again = new ArrayList<>(rows.subList(0, 2));
        upload("heshan.clerk", "/api/v1/households/import", "同一户.csv", Rosters.householdCsv(again, StandardCharsets.UTF_8), null)
                .andExpect(jsonPath("$.unchanged").value(1)).andExpect(jsonPath("$.imported").value(0));
        again.set(1, with(again.get(1), 4, "300.00"));
        upload("heshan.clerk", "/api/v1/households/import", "收入变了.csv", Rosters.householdCsv(again, StandardCharsets.UTF_8), null)
                .andExpect(jsonPath("$.updated").value(1)).andExpect(jsonPath("$.unchanged").value(0));
    }

    @Test
    void theRefusedRowsComeBackAsTheSameSheetWithAnErrorColumn() throws Exception {
        List<List<String>> rows = new ArrayList<>(Rosters.modelWorkers(2, 5, "430900", "430972"));
        rows.set(1, with(rows.get(1), 4, "半退休"));
        String location = upload("yiyang.clerk", "/api/v1/model-workers/import", "一行错误.xlsx",
                Rosters.modelWorkerXlsx(rows), null).andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getHeader("Location");
        byte[] sheet = mvc.perform(get(location + "/errors.xlsx").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(sheet))) {
            var s = wb.getSheetAt(0);
            // The whole file was refused, so the sheet holds every row: the good one unmarked, the bad one explained.
            assertThat(s.getLastRowNum()).isEqualTo(2);
            assertThat(s.getRow(0).getCell(17).getStringCellValue()).isEqualTo("错误原因");
            assertThat(s.getRow(1).getCell(17).getStringCellValue()).isEmpty();
            assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo(rows.get(1).get(0));
            assertThat(s.getRow(2).getCell(17).getStringCellValue()).startsWith("在职状态：应为以下之一：在职、离退休");
            // The clerk who fixes the sheet sees the full ID number to correct it ...
            assertThat(s.getRow(2).getCell(1).getStringCellValue()).isEqualTo(rows.get(1).get(1));
            // ... corrects the marked cell and uploads the same sheet again: the whole file goes in.
            List<String> header = new ArrayList<>();
            List<List<String>> again = new ArrayList<>();
            for (int r = 0; r <= s.getLastRowNum(); r++) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c <= 17; c++) {
                    var cell = s.getRow(r).getCell(c);
                    values.add(cell == null ? "" : cell.getStringCellValue());
                }
                if (r == 0) {
                    header.addAll(values);
                } else {
                    again.add(values);
                }
            }
            again.set(1, with(again.get(1), 4, "离退休"));
            byte[] fixed = Rosters.xlsx(header, again);
            upload("yiyang.clerk", "/api/v1/model-workers/import", "已改正.xlsx", fixed, null)
                    .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(2));
        }
        // ... a leader, who may not see full numbers, gets them masked; each download is audited.
        byte[] masked = mvc.perform(get(location + "/errors.xlsx").with(DemoUsers.api("yiyang.leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(masked))) {
            String id = wb.getSheetAt(0).getRow(2).getCell(1).getStringCellValue();
            assertThat(id).contains("****").isNotEqualTo(rows.get(1).get(1)).endsWith(rows.get(1).get(1).substring(14));
        }
        assertThat(jdbc.sql("select count(*) from audit.audit_log where action = 'import.refusedRowsDownloaded' and actor in ('yiyang.clerk', 'yiyang.leader')")
                .query(Long.class).single()).isEqualTo(2);
        // Kept sealed for its keeping time, then the refused upload is deleted and the sheet says why it is gone.
        String jobId = location.substring(location.lastIndexOf('/') + 1);
        jdbc.sql("update registry.import_job set finished_at = now() - interval '8 days' where id = ?::uuid").param(jobId).update();
        imports.purgeRefusedUploads();
        mvc.perform(get(location + "/errors.xlsx").with(DemoUsers.api("yiyang.clerk")))
                .andExpect(status().isConflict());
    }

    @Test
    void listsAndExportsShowPersonalDataMaskedAndOnlyInScope() throws Exception {
        List<List<String>> rows = Rosters.modelWorkers(3, 6, "430903", "430181");
        upload("heshan.clerk", "/api/v1/model-workers/import", "赫山.xlsx", Rosters.modelWorkerXlsx(rows), null)
                .andExpect(jsonPath("$.imported").value(3));
        byte[] export = mvc.perform(get("/api/v1/model-workers/export.xlsx").param("region", "430181")
                .with(DemoUsers.api("yiyang.leader"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(export))) {
            var s = wb.getSheetAt(0);
            assertThat(s.getLastRowNum()).isEqualTo(3);
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).contains("********");
            assertThat(s.getRow(1).getCell(12).getStringCellValue()).contains("****");
        }
        mvc.perform(get("/api/v1/model-workers").param("region", "430181").with(DemoUsers.api("ziyang.clerk")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/model-workers").with(DemoUsers.api("sysadmin"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit.audit_log where actor = 'yiyang.leader' and action = 'personal.exportedMasked'")
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/model-workers/template.xlsx").with(DemoUsers.api("heshan.clerk")))
                .andExpect(status().isOk()).andExpect(content().contentType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        // A full export is the roster in the import's own columns: imported again, it changes nothing.
        byte[] full = mvc.perform(get("/api/v1/model-workers/export.xlsx").param("region", "430181").param("full", "true")
                .with(DemoUsers.api("heshan.clerk"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        upload("heshan.clerk", "/api/v1/model-workers/import", "导出再导入.xlsx", full, null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(3)).andExpect(jsonPath("$.imported").value(0));
    }

    @Test
    void theTemplateKeepsLongNumbersAsTextAndAnExcelMangledNumberIsExplained() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/model-workers/template.xlsx").with(DemoUsers.api("heshan.clerk")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            var sheet = wb.getSheetAt(0);
            int id = ModelWorkerSheet.COLUMNS.indexOf(ModelWorkerSheet.ID_NUMBER);
            assertThat(sheet.getColumnStyle(id).getDataFormatString()).isEqualTo("@");
            assertThat(sheet.getRow(0).getCell(id).getCellComment().getString().getString()).isEqualTo("必填");
            assertThat(sheet.getDataValidations()).anyMatch(v -> java.util.Arrays.asList(
                    v.getValidationConstraint().getExplicitListValues()).containsAll(List.of("离退休", "在职")));
        }
        List<List<String>> rows = new ArrayList<>(Rosters.modelWorkers(1, 77, "430903", "430903"));
        rows.set(0, with(rows.get(0), 1, "4.30903E+17"));
        upload("heshan.clerk", "/api/v1/model-workers/import", "科学计数.csv",
                Rosters.csv(ModelWorkerSheet.COLUMNS, rows, StandardCharsets.UTF_8), null)
                .andExpect(jsonPath("$.errors[0].column").value(ModelWorkerSheet.ID_NUMBER))
                .andExpect(jsonPath("$.errors[0].message", containsString("科学计数法")));
    }
}
