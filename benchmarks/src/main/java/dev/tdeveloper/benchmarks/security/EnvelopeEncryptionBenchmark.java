package dev.tdeveloper.benchmarks.security;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.crypto.local.MasterKey;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Envelope encryption of one message (AES-256-GCM, random 96-bit nonce, tenant and context bound as
 * AAD) against its floor and its peer: {@code jca*} is raw JCA with a cached {@link Cipher}, a
 * fixed key and a random nonce per message (the least a correct AES-GCM encryption costs), {@code
 * tink*} is Tink 1.18's {@link Aead} (AES256_GCM keyset). Ours adds the versioned header, the
 * per-tenant data-key cache lookup and the key-version check. Targets: at least 0.95x JCA and 1.0x
 * Tink in throughput terms (at most 1.05x and 1.0x their time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class EnvelopeEncryptionBenchmark {
  private static final TenantId TENANT = TenantId.of("acme");
  private static final byte[] CONTEXT = "orders/42".getBytes(StandardCharsets.UTF_8);

  /** Plaintext bytes: 1 KiB and 64 KiB. */
  @Param({"1024", "65536"})
  public int size;

  private Path directory;
  private LocalKeyManager keys;
  private EnvelopeEncryptor encryptor;
  private Cipher cipher;
  private SecretKeySpec jcaKey;
  private final SecureRandom random = new SecureRandom();
  private Aead tink;
  private byte[] plaintext;
  private byte[] ours;
  private byte[] jca;
  private byte[] tinkCiphertext;

  @Setup
  public void setUp() throws IOException, GeneralSecurityException {
    directory = Files.createTempDirectory("envelope-bench");
    MasterKey.generateFile(directory.resolve("master.key"));
    keys =
        LocalKeyManager.builder(
                directory.resolve("keys"), MasterKey.fromFile(directory.resolve("master.key")))
            .open();
    keys.rotate(TENANT);
    encryptor = EnvelopeEncryptor.builder(keys).build();
    cipher = Cipher.getInstance("AES/GCM/NoPadding");
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    jcaKey = new SecretKeySpec(raw, "AES");
    AeadConfig.register();
    tink =
        KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
            .getPrimitive(RegistryConfiguration.get(), Aead.class);
    plaintext = new byte[size];
    random.nextBytes(plaintext);
    ours = encryptor.encrypt(TENANT, plaintext, CONTEXT);
    jca = jcaEncrypt();
    tinkCiphertext = tink.encrypt(plaintext, CONTEXT);
  }

  @TearDown
  public void tearDown() throws IOException {
    keys.close();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public byte[] tdeveloperEncrypt() {
    return encryptor.encrypt(TENANT, plaintext, CONTEXT);
  }

  @Benchmark
  public byte[] tdeveloperDecrypt() {
    return encryptor.decrypt(TENANT, ours, CONTEXT);
  }

  @Benchmark
  public byte[] jcaEncrypt() throws GeneralSecurityException {
    byte[] out = new byte[12 + plaintext.length + 16];
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    System.arraycopy(nonce, 0, out, 0, 12);
    cipher.init(Cipher.ENCRYPT_MODE, jcaKey, new GCMParameterSpec(128, nonce));
    cipher.updateAAD(CONTEXT);
    cipher.doFinal(plaintext, 0, plaintext.length, out, 12);
    return out;
  }

  @Benchmark
  public byte[] jcaDecrypt() throws GeneralSecurityException {
    cipher.init(Cipher.DECRYPT_MODE, jcaKey, new GCMParameterSpec(128, jca, 0, 12));
    cipher.updateAAD(CONTEXT);
    return cipher.doFinal(jca, 12, jca.length - 12);
  }

  @Benchmark
  public byte[] tinkEncrypt() throws GeneralSecurityException {
    return tink.encrypt(plaintext, CONTEXT);
  }

  @Benchmark
  public byte[] tinkDecrypt() throws GeneralSecurityException {
    return tink.decrypt(tinkCiphertext, CONTEXT);
  }
}
