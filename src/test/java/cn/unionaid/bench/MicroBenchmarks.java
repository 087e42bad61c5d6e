package cn.unionaid.bench;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import cn.unionaid.shared.FieldCipher;
import cn.unionaid.shared.IdNumber;
import cn.unionaid.shared.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the importer does to every cell of a roster, one operation at a time (JMH): sealing an ID number (SM4-GCM),
 * its blind index (HMAC-SM3), checking an ID number and parsing an amount. Run by {@link MicroBenchmarkRunner}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MicroBenchmarks {

    private FieldCipher cipher;
    private byte[] sealed;
    private final String id = "43090219650505123X";

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[16];
        byte[] index = new byte[16];
        random.nextBytes(key);
        random.nextBytes(index);
        cipher = new FieldCipher(Map.of(1, key), 1, index);
        sealed = cipher.encrypt(id);
    }

    @Benchmark
    public byte[] sealIdNumber() {
        return cipher.encrypt(id);
    }

    @Benchmark
    public String openIdNumber() {
        return cipher.decrypt(sealed);
    }

    @Benchmark
    public byte[] blindIndex() {
        return cipher.blindIndex(id);
    }

    @Benchmark
    public IdNumber checkIdNumber() {
        return IdNumber.parse("430902196505051230".substring(0, 17) + IdNumber.checkCharacter("43090219650505123"));
    }

    @Benchmark
    public Money parseAmount() {
        return Money.parseYuan("3217.45");
    }
}
