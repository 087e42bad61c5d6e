package cn.unionaid.shared;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Encrypts sensitive fields (ID numbers, bank accounts, medical text) with SM4-GCM and computes their
 * HMAC-SM3 blind index, so that a column can be searched for an exact value and checked for duplicates
 * without ever holding the value in clear.
 *
 * <p>Ciphertext layout: {@code [1 byte format=1][1 byte key id][12 byte nonce][ciphertext + 16 byte tag]}.
 * Several data keys may be configured at once; new values are written with the current one and old values
 * stay readable until they are re-encrypted, which is how a key is rotated. The blind-index key is separate
 * and does not rotate with the data key, so indexes stay valid across a rotation.
 */
public final class FieldCipher {

    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<Integer, byte[]> dataKeys;
    private final int currentKeyId;
    private final byte[] indexKey;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Map<Integer, GCMBlockCipher>> ciphers = ThreadLocal.withInitial(HashMap::new);
    /**
     * This thread's HMAC, keyed once: each doFinal leaves it keyed again, so an index costs the message's SM3 rounds
     * and not the key's two more (the blind indexes are most of a roster import's sealing).
     */
    private final ThreadLocal<HMac> indexMacs = ThreadLocal.withInitial(this::keyedIndexMac);

    public FieldCipher(Map<Integer, byte[]> dataKeys, int currentKeyId, byte[] indexKey) {
        if (!dataKeys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("current data key " + currentKeyId + " is not configured");
        }
        dataKeys.forEach((id, key) -> requireKeyLength(key, "data key " + id));
        requireKeyLength(indexKey, "index key");
        if (currentKeyId < 0 || currentKeyId > 255) {
            throw new IllegalArgumentException("key ids are 0..255");
        }
        this.dataKeys = new TreeMap<>(dataKeys);
        this.currentKeyId = currentKeyId;
        this.indexKey = indexKey.clone();
    }

    private static void requireKeyLength(byte[] key, String what) {
        if (key == null || key.length != 16) {
            throw new IllegalArgumentException(what + " must be 16 bytes (128-bit SM4)");
        }
    }

    public byte[] encrypt(String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] input = plain.getBytes(StandardCharsets.UTF_8);
        GCMBlockCipher gcm = cipher(true, dataKeys.get(currentKeyId), nonce, currentKeyId);
        byte[] out = new byte[2 + NONCE_BYTES + gcm.getOutputSize(input.length)];
        out[0] = FORMAT;
        out[1] = (byte) currentKeyId;
        System.arraycopy(nonce, 0, out, 2, NONCE_BYTES);
        int n = gcm.processBytes(input, 0, input.length, out, 2 + NONCE_BYTES);
        try {
            gcm.doFinal(out, 2 + NONCE_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public String decrypt(byte[] sealed) {
        if (sealed == null || sealed.length < 2 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new IllegalArgumentException("not a sealed field");
        }
        int keyId = sealed[1] & 0xff;
        byte[] key = dataKeys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("data key " + keyId + " is not configured; it is needed to read this field");
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 2, 2 + NONCE_BYTES);
        GCMBlockCipher gcm = cipher(false, key, nonce, keyId);
        int offset = 2 + NONCE_BYTES;
        byte[] out = new byte[gcm.getOutputSize(sealed.length - offset)];
        int n = gcm.processBytes(sealed, offset, sealed.length - offset, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException("sealed field was altered or the key is wrong", e);
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** The first bytes of a sealed file: {@code UAF}, format 2; then the key id and the nonce. */
    private static final byte[] FILE_MAGIC = {'U', 'A', 'F', 2};
    private static final int FILE_HEADER = FILE_MAGIC.length + 1 + NONCE_BYTES;

    /**
     * Seals a stream of any length with the current data key (SM4-GCM, the tag at the end): what is written to
     * the returned stream reaches {@code out} encrypted. Closing it writes the tag and closes {@code out}.
     */
    public java.io.OutputStream sealing(java.io.OutputStream out) throws java.io.IOException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] header = new byte[FILE_HEADER];
        System.arraycopy(FILE_MAGIC, 0, header, 0, FILE_MAGIC.length);
        header[FILE_MAGIC.length] = (byte) currentKeyId;
        System.arraycopy(nonce, 0, header, FILE_MAGIC.length + 1, NONCE_BYTES);
        out.write(header);
        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(true, new AEADParameters(new KeyParameter(dataKeys.get(currentKeyId)), TAG_BITS, nonce, header));
        return new org.bouncycastle.crypto.io.CipherOutputStream(out, gcm);
    }

    /** Opens a stream written by {@link #sealing}; reading past an altered byte fails when the tag is checked. */
    public java.io.InputStream opening(java.io.InputStream in) throws java.io.IOException {
        byte[] header = in.readNBytes(FILE_HEADER);
        if (!isSealedFile(header)) {
            throw new IllegalArgumentException("not a sealed file");
        }
        int keyId = header[FILE_MAGIC.length] & 0xff;
        byte[] key = dataKeys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("data key " + keyId + " is not configured; it is needed to read this file");
        }
        byte[] nonce = Arrays.copyOfRange(header, FILE_MAGIC.length + 1, FILE_HEADER);
        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(false, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, header));
        return new org.bouncycastle.crypto.io.CipherInputStream(in, gcm);
    }

    /** Whether a file starts as a sealed file does. */
    public static boolean isSealedFile(byte[] firstBytes) {
        if (firstBytes.length < FILE_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < FILE_MAGIC.length; i++) {
            if (firstBytes[i] != FILE_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The key id a sealed value was written with, to find values that still need re-encryption. */
    public static int keyIdOf(byte[] sealed) {
        return sealed[1] & 0xff;
    }

    public int currentKeyId() {
        return currentKeyId;
    }

    /** HMAC-SM3 of the value: equal values give equal indexes, nothing else can be read from it. */
    public byte[] blindIndex(String plain) {
        HMac mac = indexMacs.get();
        byte[] input = plain.getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    private HMac keyedIndexMac() {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(indexKey));
        return mac;
    }

    /** Plain SM3 digest, used for the audit hash chain. */
    public static byte[] sm3(byte[] input) {
        SM3Digest digest = new SM3Digest();
        digest.update(input, 0, input.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /**
     * This thread's cipher for the key, keyed once: re-initialising GCM with only a new nonce keeps the SM4 key
     * schedule and the GHASH tables, which are most of the cost of sealing one short value.
     */
    private GCMBlockCipher cipher(boolean encrypt, byte[] key, byte[] nonce, int keyId) {
        Map<Integer, GCMBlockCipher> mine = ciphers.get();
        GCMBlockCipher gcm = mine.get(keyId);
        KeyParameter keyParameter = null;
        if (gcm == null) {
            gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
            keyParameter = new KeyParameter(key);
        }
        // The header bytes are authenticated so that a value cannot be relabelled with another key id.
        gcm.init(encrypt, new AEADParameters(keyParameter, TAG_BITS, nonce, new byte[] {FORMAT, (byte) keyId}));
        mine.putIfAbsent(keyId, gcm);
        return gcm;
    }
}
