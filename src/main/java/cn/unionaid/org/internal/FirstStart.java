package cn.unionaid.org.internal;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.org.OrgLevel;
import cn.unionaid.org.Organisation;
import cn.unionaid.org.UserAccount;
import cn.unionaid.platform.Role;
import cn.unionaid.shared.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a database with no accounts: the root of the union tree and the three administrators; with
 * {@code UNIONAID_DEMO=true} also the demo tree and one user per role. Runs in one transaction under an
 * advisory lock, so two instances starting together create them once.
 */
@Component
@org.springframework.core.annotation.Order(0)
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final long FIRST_START_LOCK = 0x46495253L;

    private final OrganisationRepository organisations;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final FirstStartProperties properties;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    FirstStart(OrganisationRepository organisations, UserRepository users, PasswordEncoder encoder, AuditLog audit,
            FirstStartProperties properties, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.organisations = organisations;
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    private record DemoOrg(String code, String name, OrgLevel level, String region, String parentCode) {
    }

    private record DemoUser(String username, String displayName, String orgCode, Role role) {
    }

    private static final List<DemoOrg> DEMO_ORGS = List.of(
            new DemoOrg("430000", "湖南省总工会", OrgLevel.PROVINCIAL, "430000", null),
            new DemoOrg("430900", "益阳市总工会", OrgLevel.MUNICIPAL, "430900", "430000"),
            new DemoOrg("430903", "赫山区总工会", OrgLevel.COUNTY, "430903", "430900"),
            new DemoOrg("430902", "资阳区总工会", OrgLevel.COUNTY, "430902", "430900"),
            new DemoOrg("430700", "常德市总工会", OrgLevel.MUNICIPAL, "430700", "430000"),
            new DemoOrg("430600", "岳阳市总工会", OrgLevel.MUNICIPAL, "430600", "430000"),
            new DemoOrg("650000", "新疆维吾尔自治区总工会", OrgLevel.PROVINCIAL, "650000", null));

    private static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("yiyang.clerk", "益阳经办人", "430900", Role.CLERK),
            new DemoUser("yiyang.reviewer", "益阳审核人", "430900", Role.REVIEWER),
            new DemoUser("yiyang.leader", "益阳领导", "430900", Role.LEADER),
            new DemoUser("yiyang.finance", "益阳财务", "430900", Role.FINANCE),
            new DemoUser("yiyang.cashier", "益阳出纳（对账）", "430900", Role.FINANCE),
            new DemoUser("heshan.clerk", "赫山经办人", "430903", Role.CLERK),
            new DemoUser("ziyang.clerk", "资阳经办人", "430902", Role.CLERK),
            new DemoUser("changde.clerk", "常德经办人", "430700", Role.CLERK),
            new DemoUser("yueyang.finance", "岳阳财务", "430600", Role.FINANCE),
            new DemoUser("xinjiang.clerk", "新疆经办人", "650000", Role.CLERK),
            new DemoUser("hunan.leader", "湖南领导", "430000", Role.LEADER),
            new DemoUser("hunan.auditor", "湖南审计", "430000", Role.AUDITOR),
            new DemoUser("hunan.evaluator", "湖南评价人", "430000", Role.EVALUATOR));

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(FIRST_START_LOCK).query((rs, n) -> 1).list();
        if (users.count() > 0) {
            return;
        }
        Organisation root = organisations.findRoot().orElseGet(() -> organisations.insert(
                Organisation.root(properties.rootOrgCode(), properties.rootOrgName()), null));
        audit.recordAs("system", root.id(), "system.firstStart", "organisation", root.id(), Map.of("demo", properties.demo()));
        if (properties.demo()) {
            createDemo(root);
        } else {
            createAdministrators(root);
        }
    }

    private void createAdministrators(Organisation root) {
        String password = properties.bootstrapPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = generatePassword();
        } else {
            users.policy().checkPassword(password);
        }
        for (Role role : Role.ADMINISTRATORS) {
            addUser(role.name().toLowerCase(), adminName(role), root.id(), role, password, true);
        }
        if (generated) {
            // Printed once, to the console only: it is not kept anywhere and must be changed at first login.
            System.out.println("""

                    ================================================================
                     union-aid 首次启动：已创建系统/安全/审计管理员 sysadmin, secadmin, auditadmin
                     初始密码（仅显示这一次，首次登录须修改）: %s
                    ================================================================
                    """.formatted(password));
        } else {
            log.info("Created sysadmin, secadmin and auditadmin with the password from UNIONAID_BOOTSTRAP_PASSWORD");
        }
    }

    private void createDemo(Organisation root) {
        Map<String, Organisation> byCode = new LinkedHashMap<>();
        byCode.put(root.code(), root);
        for (DemoOrg d : DEMO_ORGS) {
            Organisation parent = d.parentCode() == null ? root : byCode.get(d.parentCode());
            Organisation child = parent.openChild(d.code(), d.name(), d.level(), new RegionCode(d.region()));
            byCode.put(d.code(), organisations.insert(child, parent.path()));
        }
        String password = properties.demoPassword();
        for (Role role : Role.ADMINISTRATORS) {
            addUser(role.name().toLowerCase(), adminName(role), root.id(), role, password, false);
        }
        for (DemoUser u : DEMO_USERS) {
            addUser(u.username(), u.displayName(), byCode.get(u.orgCode()).id(), u.role(), password, false);
        }
        log.info("Created the demo union tree and {} demo users", DEMO_USERS.size() + 3);
    }

    private void addUser(String username, String displayName, long orgId, Role role, String password,
            boolean mustChange) {
        UserAccount account = UserAccount.open(username, displayName, encoder.encode(password), orgId, mustChange);
        account.assignRoles(EnumSet.of(role), "system");
        long id = users.insert(account);
        audit.recordAs("system", orgId, "user.opened", "user", id, Map.of("username", username, "role", role.name()));
    }

    private static String adminName(Role role) {
        return switch (role) {
            case SYSADMIN -> "系统管理员";
            case SECADMIN -> "安全管理员";
            case AUDITADMIN -> "审计管理员";
            default -> role.name();
        };
    }

    private static String generatePassword() {
        String lower = "abcdefghijkmnpqrstuvwxyz";
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String digits = "23456789";
        String all = lower + upper + digits + "@#%";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        sb.append(lower.charAt(random.nextInt(lower.length())));
        sb.append(upper.charAt(random.nextInt(upper.length())));
        sb.append(digits.charAt(random.nextInt(digits.length())));
        for (int i = 0; i < 13; i++) {
            sb.append(all.charAt(random.nextInt(all.length())));
        }
        return sb.toString();
    }
}
