package cn.unionaid.platform.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import cn.unionaid.shared.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the {@link FieldCipher} from configured keys, or from keys generated once into the key directory. */
@Configuration(proxyBeanMethods = false)
class FieldCipherConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FieldCipherConfiguration.class);
    private static final String KEY_FILE = "field-keys.properties";

    @Bean
    FieldCipher fieldCipher(CryptoProperties properties) {
        if (properties.dataKeys() != null && !properties.dataKeys().isEmpty()) {
            if (properties.indexKey() == null || properties.currentKeyId() == null) {
                throw new IllegalStateException(
                        "unionaid.crypto.data-keys is set: unionaid.crypto.current-key-id and unionaid.crypto.index-key are needed too");
            }
            Map<Integer, byte[]> keys = new TreeMap<>();
            properties.dataKeys().forEach((id, b64) -> keys.put(id, Base64.getDecoder().decode(b64.strip())));
            return new FieldCipher(keys, properties.currentKeyId(), Base64.getDecoder().decode(properties.indexKey().strip()));
        }
        return fromKeyFile(properties.keyDir());
    }

    private static FieldCipher fromKeyFile(Path dir) {
        Path file = dir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            Map<Integer, byte[]> keys = new TreeMap<>();
            for (String name : p.stringPropertyNames()) {
                if (name.startsWith("data-key.")) {
                    keys.put(Integer.parseInt(name.substring("data-key.".length())),
                            Base64.getDecoder().decode(p.getProperty(name)));
                }
            }
            return new FieldCipher(keys, Integer.parseInt(p.getProperty("current-key-id")),
                    Base64.getDecoder().decode(p.getProperty("index-key")));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the field keys in " + dir.toAbsolutePath(), e);
        }
    }

    private static void generate(Path file) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] dataKey = new byte[16];
        byte[] indexKey = new byte[16];
        random.nextBytes(dataKey);
        random.nextBytes(indexKey);
        Properties p = new Properties();
        p.setProperty("data-key.1", Base64.getEncoder().encodeToString(dataKey));
        p.setProperty("current-key-id", "1");
        p.setProperty("index-key", Base64.getEncoder().encodeToString(indexKey));
        java.io.StringWriter text = new java.io.StringWriter();
        p.store(text, "union-aid field encryption keys - back these up with the database; losing them loses the data");
        if (!cn.unionaid.platform.files.WrittenOnce.create(file, text.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))) {
            return;
        }
        log.warn("Generated field encryption keys into {}. This is for a single machine with the embedded database: "
                + "production must supply its own keys through UNIONAID_CRYPTO_* (see README).", file.toAbsolutePath());
    }
}
