package cn.unionaid.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import cn.unionaid.controls.Controls;
import cn.unionaid.disbursement.Batch;
import cn.unionaid.disbursement.Batches;
import cn.unionaid.disbursement.PaymentFileLayout;
import cn.unionaid.disbursement.Payments;
import cn.unionaid.evaluation.EvaluationReports;
import cn.unionaid.evaluation.Evaluations;
import cn.unionaid.evaluation.Frame;
import cn.unionaid.evaluation.SatisfactionSurveys;
import cn.unionaid.evaluation.SurveyView;
import cn.unionaid.evaluation.Targets;
import cn.unionaid.evaluation.YearActuals;
import cn.unionaid.funds.Funds;
import cn.unionaid.platform.AuthenticatedUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.documents.Documents;
import cn.unionaid.policy.EntitlementRuns;
import cn.unionaid.policy.Parameters;
import cn.unionaid.policy.PolicyFiles;
import cn.unionaid.policy.Program;
import cn.unionaid.policy.Programs;
import cn.unionaid.policy.RunView;
import cn.unionaid.registry.ImportMode;
import cn.unionaid.registry.RegistryImports;
import cn.unionaid.registry.RosterKind;
import cn.unionaid.shared.FundSource;
import cn.unionaid.shared.IdNumber;
import cn.unionaid.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;

/**
 * 益阳市总工会's 2023, built through the services a user's clicks go through — each step as the demo user whose
 * role it needs (经办人 imports and prepares, 审核人 approves and reviews, 领导 decides, 财务 funds, pays and
 * reconciles): a roster of
 * model workers and hardship households, the seed 000 programs with approved standards, runs, budget and receipts
 * matching what the runs pay, batches walked from submission through publicity, payment file and bank statement
 * to completion, a control run, a satisfaction survey with answers, declared targets, a manual actual with its
 * evidence, the narrative, and the report issued once.
 *
 * <p>It is not one transaction: an entitlement run computes on its own connection and must see its committed
 * program. It runs only on a database whose 益阳市总工会 has no 2023 program yet, so a second start never adds to it.
 */
@Service
public class DemoYear {

    static final int YEAR = 2023;
    private static final Logger log = LoggerFactory.getLogger(DemoYear.class);
    /** The city itself and 资阳区: the regions no test of the shared test database counts people in. */
    private static final String[] REGIONS = {"430900", "430902"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"建国", "秀英", "志强", "桂兰", "德明", "淑华", "国平", "玉梅", "卫东", "春花", "海波", "凤英"};
    private static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

    private final UserDetailsService users;
    private final RegistryImports imports;
    private final PolicyFiles policyFiles;
    private final Parameters parameters;
    private final Programs programs;
    private final EntitlementRuns runs;
    private final Funds funds;
    private final Batches batches;
    private final Payments payments;
    private final cn.unionaid.disbursement.Statements statements;
    private final Controls controls;
    private final SatisfactionSurveys surveys;
    private final Targets targets;
    private final YearActuals actuals;
    private final Evaluations evaluations;
    private final EvaluationReports reports;

    DemoYear(UserDetailsService users, RegistryImports imports, PolicyFiles policyFiles,
            Parameters parameters, Programs programs, EntitlementRuns runs, Funds funds, Batches batches, Payments payments, cn.unionaid.disbursement.Statements statements,
            Controls controls, SatisfactionSurveys surveys, Targets targets, YearActuals actuals, Evaluations evaluations,
            EvaluationReports reports) {
        this.users = users;
        this.imports = imports;
        this.policyFiles = policyFiles;
        this.parameters = parameters;
        this.programs = programs;
        this.runs = runs;
        this.funds = funds;
        this.batches = batches;
        this.payments = payments;
        this.statements = statements;
        this.controls = controls;
        this.surveys = surveys;
        this.targets = targets;
        this.actuals = actuals;
        this.evaluations = evaluations;
        this.reports = reports;
    }

    /** Whether 益阳市总工会 already has its demo year (its 2023 programs). */
    public boolean present() {
        return as("yiyang.clerk", () -> !programs.list(scope(), YEAR).isEmpty());
    }

    /** Builds the year unless it is there. */
    public void buildIfAbsent() {
        if (present()) {
            return;
        }
        long started = System.nanoTime();
        build();
        log.info("Built the demo year {} of 益阳市总工会 in {} ms", YEAR, (System.nanoTime() - started) / 1_000_000);
    }

    private void build() {
        log.info("Demo year: roster");
        PolicyFiles.ImportSummary policy = as("yiyang.clerk", () -> {
            imported(imports.importNow(RosterKind.MODEL_WORKERS, "益阳市劳模花名册.csv", modelWorkers(80),
                    ImportMode.ALL_OR_NOTHING));
            imported(imports.importNow(RosterKind.HOUSEHOLDS, "益阳市困难职工档案.csv", households(30),
                    ImportMode.ALL_OR_NOTHING));
            return policyFiles.loadTemplate(scope(), PolicyFiles.Template.SEED_000, YEAR);
        });
        if (!policy.proposedVersionIds().isEmpty()) {
            as("yiyang.reviewer", () -> parameters.approveAll(scope(), policy.proposedVersionIds(), "与省总分配计划核对一致"));
        }
        log.info("Demo year: runs");
        Map<String, Program> byCode = as("yiyang.clerk", () -> programs.list(scope(), YEAR).stream()
                .collect(java.util.stream.Collectors.toMap(Program::code, p -> p)));
        List<RunView> official = as("yiyang.clerk", () -> List.of(
                runs.run(scope(), byCode.get("LM-SFC").id(), null, false),
                runs.run(scope(), byCode.get("LM-HARDSHIP").id(), null, false)));
        List<EntitlementRuns.Payable> payable = as("yiyang.clerk", () -> official.stream()
                .flatMap(r -> runs.payable(scope(), r.id()).stream()).toList());
        long total = payable.stream().mapToLong(EntitlementRuns.Payable::amountFen).sum();
        log.info("Demo year: funds");
        as("yiyang.finance", () -> {
            funds.setBudget(scope(), YEAR, null, FundSource.PROVINCIAL_FINANCE, Money.ofFen(total));
            funds.recordReceipt(scope(), YEAR, FundSource.PROVINCIAL_FINANCE, LocalDate.of(YEAR, 1, 6), Money.ofFen(total),
                    "湘工财〔2023〕3号", "省总劳模专项资金");
            return null;
        });
        log.info("Demo year: batches");
        LocalDate[] paidOn = {LocalDate.of(YEAR, 1, 18), LocalDate.of(YEAR, 6, 20)};
        for (int i = 0; i < official.size(); i++) {
            pay(official.get(i), paidOn[i]);
        }
        as("yiyang.leader", controls::runNow);
        log.info("Demo year: survey and evaluation");
        as("yiyang.clerk", () -> {
            SurveyView survey = surveys.start(scope(), byCode.get("LM-SFC").id(), "2023年春节慰问满意度调查", 15, 2023L);
            int n = 0;
            for (SurveyView.Respondent r : survey.respondents()) {
                surveys.answer(scope(), survey.id(), r.subjectId(), n % 2 == 0 ? "PHONE" : "PAPER",
                        List.of("是", "是", n == 3 ? "一般" : "明显", n == 7 ? "不满意" : "满意"));
                n++;
            }
            targets.declare(scope(), YEAR, "OUTPUT.PEOPLE", BigDecimal.valueOf(payable.size()), "人次");
            targets.submit(scope(), YEAR);
            actuals.record(scope(), YEAR, Frame.SELF, "EFFECT.SOCIAL", BigDecimal.valueOf(90), visitRecord(),
                    "2023年劳模走访慰问记录.pdf", "走访 20 户，受助劳模生活状况普遍改善");
            evaluations.saveNarrative(scope(), YEAR, Evaluations.Section.EXPERIENCE,
                    "坚持先建档、后帮扶，春节慰问和生活困难补助均按核定名单经审核、集体决策、公示后实名制银行代发，"
                            + "对账单逐笔核对入账。");
            return null;
        });
        as("yiyang.leader", () -> reports.docx(scope(), YEAR, Frame.SELF, false));
    }

    /** A run's batch from preparation to completion, each step by its role; the bank pays every line. */
    private void pay(RunView run, LocalDate paidOn) {
        Batch batch = as("yiyang.clerk", () -> {
            Batch b = batches.fromRun(scope(), run.id(), FundSource.PROVINCIAL_FINANCE, YEAR + "年" + run.programName());
            return batches.submit(scope(), b.id());
        });
        long id = batch.id();
        as("yiyang.reviewer", () -> batches.review(scope(), id));
        as("yiyang.leader", () -> batches.decide(scope(), id, "益工党组会纪要〔2023〕" + (id % 100) + "号",
                paidOn.minusDays(10), null));
        as("yiyang.clerk", () -> {
            batches.publicize(scope(), id, paidOn.minusDays(9), 5);
            batches.publicityPhoto(scope(), id, PHOTO);
            return batches.closePublicity(scope(), id);
        });
        as("yiyang.finance", () -> payments.generate(scope(), id, PaymentFileLayout.GENERIC_CSV));
        // Who produced the payment file does not import the statement that settles it (docs/separation-of-duties.md).
        as("yiyang.cashier", () -> {
            StringBuilder statement = new StringBuilder("业务参考号,户名,金额,交易结果,交易日期\n");
            batches.forEachItem(scope(), id, item -> statement.append(item.reference()).append(',').append(item.name())
                    .append(',').append(item.amountYuan()).append(",成功,").append(paidOn).append('\n'));
            statements.importStatement(scope(), id, statement.toString().getBytes(StandardCharsets.UTF_8));
            return batches.complete(scope(), id);
        });
    }

    private static void imported(cn.unionaid.registry.ImportJob job) {
        if (job.result() == null || job.result().refused() || job.result().rejected() > 0) {
            throw new IllegalStateException("demo roster refused: " + (job.result() == null ? job.status()
                    : job.result().errors().stream().limit(3).toList()));
        }
    }

    private static byte[] visitRecord() {
        return Documents.pdf(new Documents.Simple("2023年劳模走访慰问记录", List.of(
                "走访对象：随机抽取的在册省部级劳模 20 户。", "走访结论：受助劳模生活状况普遍改善，评定社会效益为 90%。"),
                List.of(), List.of("益阳市总工会", "2023-12-20")));
    }

    static byte[] modelWorkers(int n) {
        Random random = new Random(2023);
        StringBuilder csv = new StringBuilder(String.join(",", RosterKind.MODEL_WORKERS.columns()))
                .append('\n');
        for (int i = 0; i < n; i++) {
            String region = REGIONS[i % REGIONS.length];
            boolean retired = i % 3 != 0;
            LocalDate birth = LocalDate.of(retired ? 1945 : 1968, 1, 1).plusDays(random.nextInt(3650));
            int income = i % 4 == 0 ? 2600 + random.nextInt(1500) : 5200 + random.nextInt(3000);
            csv.append(String.join(",", SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length + i) % GIVEN.length],
                    id(region, birth, 900 + i % 100), i % 5 == 0 ? "全国劳动模范" : "省部级劳动模范", Integer.toString(1985 + i % 30),
                    retired ? "离退休" : "在职", "益阳某厂" + (i % 7 + 1) + "分厂", "430900", region, income + ".00", "2022-12",
                    "1387370%04d".formatted(i), "中国工商银行", "62122619%011d".formatted(20230000L + i), "是", "保持",
                    "2019-03-01", "")).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] households(int n) {
        Random random = new Random(2024);
        StringBuilder csv = new StringBuilder(String.join(",", RosterKind.HOUSEHOLDS.columns()))
                .append('\n');
        for (int i = 0; i < n; i++) {
            String region = REGIONS[i % REGIONS.length];
            LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(random.nextInt(5000));
            csv.append(String.join(",", "YY2023-%03d".formatted(i + 1), "户主", SURNAMES[(i + 5) % SURNAMES.length]
                    + GIVEN[(i + 3) % GIVEN.length], id(region, birth, 900 + i % 100), (500 + random.nextInt(600)) + ".00", "健康",
                    i % 3 == 0 ? "深度困难" : "相对困难", i % 2 == 0 ? "因病致困" : "子女教育", "", "中国建设银行",
                    "62170029%011d".formatted(20230000L + i), "430900", region, "2020-06-01")).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String id(String region, LocalDate birth, int sequence) {
        String first17 = region + birth.toString().replace("-", "") + "%03d".formatted(sequence);
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static DataScope scope() {
        return cn.unionaid.platform.CurrentUser.require().scope();
    }

    /** Runs {@code work} signed in as {@code username}, then restores the context it found. */
    private <T> T as(String username, Supplier<T> work) {
        var before = SecurityContextHolder.getContext();
        AuthenticatedUser user = (AuthenticatedUser) users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
