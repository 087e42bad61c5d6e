package cn.unionaid.org;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.org.internal.UserRepository;
import cn.unionaid.platform.AuthenticatedUser;
import cn.unionaid.platform.BearerTokens;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.shared.SecretTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 接口令牌: a user creates, names, scopes (read-only or not), sets to expire and revokes their own tokens. A token
 * signs in as its user, with the user's roles, scope and lockout; only its SHA-256 is kept, and it is shown once.
 * Tokens are long random strings, so a fast hash is enough (unlike passwords), which keeps each API call cheap.
 */
@Service
public class ApiTokens implements BearerTokens {

    /** A token as its owner's list shows it: never the token itself. */
    public record TokenView(long id, String name, String prefix, boolean readOnly, Instant expiresAt, Instant createdAt,
            Instant lastUsedAt, Instant revokedAt) {

        public boolean active() {
            return revokedAt == null && expiresAt.isAfter(Instant.now());
        }
    }

    /** A newly created token: the only moment its value is shown. */
    public record Created(TokenView token, String value) {
    }

    private static final int MAX_DAYS = 366;
    private final JdbcClient jdbc;
    private final UserRepository users;
    private final AuditLog audit;

    ApiTokens(JdbcClient jdbc, UserRepository users, AuditLog audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
    }

    @Transactional
    public Created create(String name, boolean readOnly, int days) {
        AuthenticatedUser me = CurrentUser.require();
        if (cn.unionaid.platform.RequestContext.apiToken().isPresent()) {
            // A token does not breed tokens: they are made by the person, signed in with their password.
            throw BusinessRuleException.forbidden("token.error.byToken");
        }
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw BusinessRuleException.invalid("token.error.name");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw BusinessRuleException.invalid("token.error.days", MAX_DAYS);
        }
        String value = "ua_" + SecretTokens.generate();
        Instant expires = Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long id = jdbc.sql("""
                insert into org.api_token (user_id, name, token_hash, prefix, read_only, expires_at)
                values (?, ?, ?, ?, ?, ?) returning id
                """).param(me.userId()).param(name.strip()).param(SecretTokens.digest(value)).param(value.substring(0, 10))
                .param(readOnly).param(Timestamp.from(expires)).query(Long.class).single();
        audit.record("token.created", "api_token", id, Map.of("name", name.strip(), "readOnly", readOnly, "days", days));
        return new Created(mine().stream().filter(t -> t.id() == id).findFirst().orElseThrow(), value);
    }

    @Transactional(readOnly = true)
    public List<TokenView> mine() {
        return jdbc.sql("select * from org.api_token where user_id = ? order by id desc").param(CurrentUser.require().userId())
                .query((rs, n) -> new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                        rs.getBoolean("read_only"), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at")))).list();
    }

    @Transactional
    public void revoke(long id) {
        int n = jdbc.sql("update org.api_token set revoked_at = now() where id = ? and user_id = ? and revoked_at is null")
                .param(id).param(CurrentUser.require().userId()).update();
        if (n != 1) {
            throw BusinessRuleException.notFound("token.error.notFound");
        }
        audit.record("token.revoked", "api_token", id, Map.of());
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Use> authenticate(String token, String source) {
        if (token == null || !token.startsWith("ua_") || token.length() > 100) {
            return Optional.empty();
        }
        record Row(long id, String username, boolean readOnly) {
        }
        Optional<Row> row = jdbc.sql("""
                select t.id, u.username, t.read_only from org.api_token t join org.app_user u on u.id = t.user_id
                 where t.token_hash = ? and t.revoked_at is null and t.expires_at > now()
                """).param(SecretTokens.digest(token)).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).optional();
        return row.flatMap(r -> users.principal(r.username(), source).map(user -> {
            // Noted at most once a minute: a busy integration does not write a row per call.
            jdbc.sql("update org.api_token set last_used_at = now() where id = ? and (last_used_at is null "
                    + "or last_used_at < now() - interval '1 minute')").param(r.id()).update();
            return new Use(r.id(), user, r.readOnly());
        }));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
