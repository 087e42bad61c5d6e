package cn.unionaid.org.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.unionaid.org.SecurityPolicy;
import cn.unionaid.org.UserAccount;
import cn.unionaid.org.UserView;
import cn.unionaid.platform.AuthenticatedUser;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts, their roles, the login counters and the security policy row. */
@Repository
public class UserRepository {

    private static final String ROLES = "array(select role from org.user_role r where r.user_id = u.id order by role) as roles";
    private static final String VIEW_PAGE = """
            select u.id, u.username, u.display_name, u.org_id, o.name as org_name, u.enabled,
                   exists(select 1 from org.login_throttle t where t.username = u.username and t.locked_until > now())
                       as locked, u.last_login_at, u.reset_requested_by, %s
              from org.app_user u join org.organisation o on o.id = u.org_id
             where starts_with(o.path, :scope)
               and (u.username like :pattern or u.display_name like :pattern)
               and (:after::text is null or u.username > :after)
             order by u.username limit :limit
            """.formatted(ROLES);
    private static final String PRINCIPAL = """
            select u.id, u.username, u.display_name, u.password_hash, u.org_id, o.path, o.name as org_name, u.enabled,
                   exists(select 1 from org.login_throttle t where t.username = u.username and t.source = ?
                          and t.locked_until > now()) as locked, u.must_change_password, %s
              from org.app_user u join org.organisation o on o.id = u.org_id
             where u.username = ?
            """.formatted(ROLES);
    private static final String THROTTLE = """
            insert into org.login_throttle (username, source) values (?, ?) on conflict do nothing
            """;
    private static final String THROTTLE_ROW = """
            select failures, coalesce(locked_until > now(), false) as locked from org.login_throttle
             where username = ? and source = ? for update
            """;

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("select count(*) from org.app_user").query(Long.class).single();
    }

    public long countVisible(DataScope scope) {
        return jdbc.sql("select count(*) from org.app_user u join org.organisation o on o.id = u.org_id where starts_with(o.path, ?)")
                .param(scope.orgPath()).query(Long.class).single();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("select exists(select 1 from org.app_user where username = ?)").param(username)
                .query(Boolean.class).single();
    }

    public List<UserView> visible(DataScope scope, String pattern, String after, int limit) {
        return jdbc.sql(VIEW_PAGE).param("scope", scope.orgPath()).param("pattern", pattern).param("after", after)
                .param("limit", limit).query(UserRepository::view).list();
    }

    public Optional<UserView> findView(DataScope scope, long id) {
        String sql = VIEW_PAGE.replace("and (:after::text is null or u.username > :after)", "and u.id = :id");
        return jdbc.sql(sql).param("scope", scope.orgPath()).param("pattern", "%").param("id", id).param("limit", 1)
                .query(UserRepository::view).optional();
    }

    /** The account if its organisation is in the scope. */
    public Optional<UserAccount> find(DataScope scope, long id) {
        return jdbc.sql("""
                select u.*, %s from org.app_user u join org.organisation o on o.id = u.org_id
                 where u.id = ? and starts_with(o.path, ?)
                """.formatted(ROLES)).param(id).param(scope.orgPath()).query(UserRepository::aggregate).optional();
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("select u.*, %s from org.app_user u where u.username = ?".formatted(ROLES)).param(username)
                .query(UserRepository::aggregate).optional();
    }

    /** The account as it signs in from {@code source}: locked if too many tries failed from there. */
    public Optional<AuthenticatedUser> principal(String username, String source) {
        return jdbc.sql(PRINCIPAL).param(source).param(username).query((rs, n) -> new AuthenticatedUser(rs.getLong("id"),
                rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
                new DataScope(rs.getLong("org_id"), rs.getString("path")), rs.getString("org_name"), roles(rs),
                rs.getBoolean("enabled"), rs.getBoolean("locked"), rs.getBoolean("must_change_password"))).optional();
    }

    public long insert(UserAccount user) {
        long id = jdbc.sql("""
                insert into org.app_user (username, display_name, password_hash, org_id, enabled, must_change_password,
                                      password_changed_at)
                values (?, ?, ?, ?, ?, ?, now()) returning id
                """).param(user.username()).param(user.displayName()).param(user.passwordHash()).param(user.orgId())
                .param(user.enabled()).param(user.mustChangePassword()).query(Long.class).single();
        saveRoles(id, user.roles());
        return id;
    }

    public void update(UserAccount user) {
        int n = jdbc.sql("""
                update org.app_user set display_name = ?, password_hash = ?, enabled = ?, must_change_password = ?,
                       locked_until = ?, failed_attempts = case when ?::timestamptz is null then 0 else failed_attempts end,
                       password_changed_at = case when password_hash <> ? then now() else password_changed_at end,
                       version = version + 1
                 where id = ? and version = ?
                """).param(user.displayName()).param(user.passwordHash()).param(user.enabled())
                .param(user.mustChangePassword()).param(timestamp(user.lockedUntil())).param(timestamp(user.lockedUntil()))
                .param(user.passwordHash()).param(user.id()).param(user.version()).update();
        if (n != 1) {
            throw BusinessRuleException.conflict("error.concurrentChange");
        }
        saveRoles(user.id(), user.roles());
    }

    private void saveRoles(long userId, Set<Role> roles) {
        jdbc.sql("delete from org.user_role where user_id = ?").param(userId).update();
        for (Role role : roles) {
            jdbc.sql("insert into org.user_role (user_id, role) values (?, ?)").param(userId).param(role.name()).update();
        }
    }

    /**
     * Counts a failed login of a name (existing or not) from a source; returns true when this failure locked
     * the name for that source.
     */
    public boolean recordFailedLogin(String username, String source, SecurityPolicy policy) {
        jdbc.sql(THROTTLE).param(username).param(source).update();
        record Counter(int failures, boolean locked) {
        }
        Counter now = jdbc.sql(THROTTLE_ROW).param(username).param(source)
                .query((rs, n) -> new Counter(rs.getInt(1), rs.getBoolean(2))).single();
        if (now.locked()) {
            return false;
        }
        boolean lock = now.failures() + 1 >= policy.maxFailedAttempts();
        jdbc.sql("""
                update org.login_throttle set failures = ?,
                       locked_until = case when ? then now() + make_interval(mins => ?) else null end
                 where username = ? and source = ?
                """).param(lock ? 0 : now.failures() + 1).param(lock).param(policy.lockoutMinutes())
                .param(username).param(source).update();
        return lock;
    }

    public void recordSuccessfulLogin(String username) {
        jdbc.sql("update org.app_user set last_login_at = now() where username = ?").param(username).update();
    }

    /** A good password from a source ends that source's run of failures. */
    public void clearFailedAttempts(String username, String source) {
        jdbc.sql("delete from org.login_throttle where username = ? and source = ? and (locked_until is null or locked_until <= now())")
                .param(username).param(source).update();
    }

    /** The security administrator's unlock: every source may try again. */
    public void clearThrottle(String username) {
        jdbc.sql("delete from org.login_throttle where username = ?").param(username).update();
    }

    /** Who asked for this administrator's password reset, if anyone has. */
    public Optional<String> resetRequestedBy(long userId) {
        return jdbc.sql("select reset_requested_by from org.app_user where id = ?").param(userId).query(String.class)
                .optional().filter(java.util.Objects::nonNull);
    }

    public void setResetRequest(long userId, String by) {
        jdbc.sql("update org.app_user set reset_requested_by = ?, reset_requested_at = case when ?::text is null then null else now() end where id = ?")
                .param(by).param(by).param(userId).update();
    }

    public SecurityPolicy policy() {
        return jdbc.sql("select max_failed_attempts, lockout_minutes, password_min_length from org.security_policy where id = 1")
                .query((rs, n) -> new SecurityPolicy(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
    }

    public void savePolicy(SecurityPolicy policy, String by) {
        jdbc.sql("""
                update org.security_policy set max_failed_attempts = ?, lockout_minutes = ?, password_min_length = ?,
                       updated_by = ?, updated_at = now() where id = 1
                """).param(policy.maxFailedAttempts()).param(policy.lockoutMinutes()).param(policy.passwordMinLength())
                .param(by).update();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Set<Role> roles(ResultSet rs) throws SQLException {
        Array array = rs.getArray("roles");
        String[] names = (String[]) array.getArray();
        return names.length == 0 ? EnumSet.noneOf(Role.class)
                : Arrays.stream(names).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static UserAccount aggregate(ResultSet rs, int n) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getLong("org_id"), rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"), roles(rs), locked == null ? null : locked.toInstant(),
                rs.getInt("version"));
    }

    private static UserView view(ResultSet rs, int n) throws SQLException {
        Timestamp last = rs.getTimestamp("last_login_at");
        return new UserView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getLong("org_id"), rs.getString("org_name"), rs.getBoolean("enabled"), rs.getBoolean("locked"),
                roles(rs), last == null ? null : last.toInstant(), rs.getString("reset_requested_by"));
    }
}
