package cn.unionaid.shared;

import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherProperties {

    private static final byte[] KEY_1 = "0123456789abcdef".getBytes();
    private static final byte[] KEY_2 = "fedcba9876543210".getBytes();
    private static final byte[] INDEX = "index-key-16byte".getBytes();

    private final FieldCipher cipher = new FieldCipher(Map.of(1, KEY_1), 1, INDEX);

    @Property
    void whatIsSealedOpensToTheSameText(@ForAll String text) {
        byte[] sealed = cipher.encrypt(text);
        assertThat(cipher.decrypt(sealed)).isEqualTo(text);
    }

    @Property
    void theSameTextSealsDifferentlyButIndexesTheSame(@ForAll String text) {
        assertThat(cipher.encrypt(text)).isNotEqualTo(cipher.encrypt(text));
        assertThat(cipher.blindIndex(text)).isEqualTo(cipher.blindIndex(text)).hasSize(32);
    }

    /** The thread's reused MAC gives what a freshly keyed HMAC-SM3 gives, whatever was indexed before it. */
    @Property
    void aBlindIndexIsTheKeyedHmacSm3OfTheText(@ForAll String before, @ForAll String text) throws Exception {
        cipher.blindIndex(before);
        org.bouncycastle.crypto.macs.HMac fresh = new org.bouncycastle.crypto.macs.HMac(new org.bouncycastle.crypto.digests.SM3Digest());
        fresh.init(new org.bouncycastle.crypto.params.KeyParameter(INDEX));
        byte[] input = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        fresh.update(input, 0, input.length);
        byte[] expected = new byte[32];
        fresh.doFinal(expected, 0);
        assertThat(cipher.blindIndex(text)).isEqualTo(expected);
        byte[][] onAnother = new byte[1][];
        Thread other = new Thread(() -> onAnother[0] = cipher.blindIndex(text));
        other.start();
        other.join();
        assertThat(onAnother[0]).isEqualTo(expected);
    }

    @Property
    void anyAlteredByteIsDetected(@ForAll @IntRange(min = 0, max = 45) int position) {
        byte[] sealed = cipher.encrypt("430902199001011234");
        int at = position % sealed.length;
        sealed[at] ^= 0x01;
        assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOfAny(IllegalArgumentException.class,
                IllegalStateException.class);
        // The thread's reused cipher is not left broken by the refusal.
        sealed[at] ^= 0x01;
        assertThat(cipher.decrypt(sealed)).isEqualTo("430902199001011234");
    }

    @Test
    void aRotatedKeyStillReadsOldValuesAndWritesWithTheNewOne() {
        byte[] old = cipher.encrypt("6217000011112222");
        FieldCipher rotated = new FieldCipher(Map.of(1, KEY_1, 2, KEY_2), 2, INDEX);
        assertThat(rotated.decrypt(old)).isEqualTo("6217000011112222");
        assertThat(FieldCipher.keyIdOf(rotated.encrypt("x"))).isEqualTo(2);
        assertThat(rotated.blindIndex("6217000011112222")).isEqualTo(cipher.blindIndex("6217000011112222"));
        FieldCipher withoutOldKey = new FieldCipher(Map.of(2, KEY_2), 2, INDEX);
        assertThatThrownBy(() -> withoutOldKey.decrypt(old)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sm3MatchesTheStandardTestVector() {
        // GB/T 32905-2016 example 1: SM3("abc")
        assertThat(java.util.HexFormat.of().formatHex(FieldCipher.sm3("abc".getBytes())))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }
}
