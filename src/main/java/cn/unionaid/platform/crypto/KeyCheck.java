package cn.unionaid.platform.crypto;

import java.util.Arrays;

import cn.unionaid.shared.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every instance on one database must hold the same field keys. The first instance to start stores a check value of
 * its keys (a blind index of a fixed text, and the text sealed with the current data key); every later start compares
 * its own keys with it and refuses to start, naming the problem, when they differ — instead of sealing and indexing
 * data that the other instances cannot open or find.
 */
@Component
@DependsOn("flywayInitializer")
public class KeyCheck implements InitializingBean {

    static final String PROBE = "union-aid field key check";
    private static final Logger log = LoggerFactory.getLogger(KeyCheck.class);

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    KeyCheck(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public void afterPropertiesSet() {
        verify();
    }

    /** Stores the check value if none is stored yet, then compares this instance's keys with it. */
    public void verify() {
        int stored = jdbc.sql("""
                insert into platform.key_check (id, index_probe, sealed_probe) values (1, ?, ?) on conflict (id) do nothing
                """).param(cipher.blindIndex(PROBE)).param(cipher.encrypt(PROBE)).update();
        if (stored == 1) {
            log.info("Stored the field keys' check value: every instance on this database must use these keys");
        }
        var check = jdbc.sql("select index_probe, sealed_probe from platform.key_check where id = 1")
                .query((rs, n) -> new byte[][] {rs.getBytes(1), rs.getBytes(2)}).single();
        boolean indexMatches = Arrays.equals(check[0], cipher.blindIndex(PROBE));
        boolean opens;
        try {
            opens = PROBE.equals(cipher.decrypt(check[1]));
        } catch (RuntimeException e) {
            opens = false;
        }
        if (!indexMatches || !opens) {
            throw new IllegalStateException("The field keys of this instance do not match the keys this database was "
                    + "started with (" + (indexMatches ? "" : "index key differs; ") + (opens ? "" : "data key cannot open the "
                    + "check value; ") + "see README, \"Running several instances\"): copy field-keys.properties from the "
                    + "first instance (or set UNIONAID_CRYPTO_* to the same keys) and start again");
        }
    }
}
