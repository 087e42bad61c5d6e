package cn.unionaid.platform;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which arguments of a message are looked up as message keys themselves: every key of the bundle, and no amount. */
class MessageKeyArgumentsTests {

    @Test
    void everyKeyOfTheBundleIsLookedUpAndAmountsDatesAndSentencesAreNot() throws Exception {
        Properties bundle = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            bundle.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(bundle.stringPropertyNames()).hasSizeGreaterThan(500).allMatch(Messages::looksLikeKey);
        assertThat(java.util.List.of("4500.00", "2024-01-22", "张.三", "核定发放 1000.00 元", "", "x", "Role.CLERK",
                "4500.00（湘工发〔2024〕3号，430102，2024-01-01 起）", "a.b c")).noneMatch(Messages::looksLikeKey);
    }
}
