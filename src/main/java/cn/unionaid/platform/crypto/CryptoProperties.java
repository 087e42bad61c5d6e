package cn.unionaid.platform.crypto;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys for field encryption. In production supply them from the environment
 * ({@code UNIONAID_CRYPTO_DATAKEYS_1}, {@code UNIONAID_CRYPTO_CURRENTKEYID}, {@code UNIONAID_CRYPTO_INDEXKEY});
 * when none are given, keys are generated once into {@code keyDir} with a warning.
 *
 * @param dataKeys     SM4 data keys by id, Base64 of 16 bytes; old ids stay until re-encryption is done
 * @param currentKeyId the id new values are encrypted with
 * @param indexKey     HMAC-SM3 key of the blind indexes, Base64 of 16 bytes; never rotated casually
 * @param keyDir       where generated keys are kept when none are configured
 */
@ConfigurationProperties("unionaid.crypto")
public record CryptoProperties(
        Map<Integer, String> dataKeys,
        Integer currentKeyId,
        String indexKey,
        @DefaultValue("./data/keys") Path keyDir) {
}
