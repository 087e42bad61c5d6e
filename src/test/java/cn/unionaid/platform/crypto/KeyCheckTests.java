package cn.unionaid.platform.crypto;

import java.security.SecureRandom;
import java.util.Map;

import cn.unionaid.IntegrationTest;
import cn.unionaid.shared.FieldCipher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An instance with other field keys than the database was started with refuses to start, saying why. */
@IntegrationTest
class KeyCheckTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;

    private static byte[] random16() {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void theRunningKeysPassAndOtherKeysAreRefusedWithTheReason() {
        assertThat(jdbc.sql("select count(*) from platform.key_check").query(Long.class).single()).isEqualTo(1);
        assertThatCode(() -> new KeyCheck(jdbc, cipher).verify()).doesNotThrowAnyException();

        FieldCipher stranger = new FieldCipher(Map.of(1, random16()), 1, random16());
        assertThatThrownBy(() -> new KeyCheck(jdbc, stranger).verify())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("do not match").hasMessageContaining("index key differs")
                .hasMessageContaining("field-keys.properties");
        assertThat(jdbc.sql("select count(*) from platform.key_check").query(Long.class).single()).isEqualTo(1);
    }
}
