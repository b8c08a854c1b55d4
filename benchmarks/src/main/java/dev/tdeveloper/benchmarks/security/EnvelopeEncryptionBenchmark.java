package dev.tdeveloper.benchmarks.security;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.crypto.local.MasterKey;
import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DrbgParameters;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * AAD) against raw JCA and a peer: {@code jca*} is raw JCA with a cached {@link Cipher}, a fixed
 * key and a random nonce per message from a {@link SecureRandom}, {@code tink*} is Tink 1.18's
 * {@link Aead} (AES256_GCM keyset). Both get AAD as long as ours ({@code u8 format | key id |
 * tenant} prefix plus the context: 23 bytes) and return the nonce, ciphertext and tag. Ours adds
 * the versioned header, the data-key lookup and the key-version check; it draws its nonces from a
 * per-thread DRBG 32 at a time. The {@code floor*} methods are the least ours can cost: raw JCA in
 * ours' layout (header, nonce, ciphertext, tag; the same AAD; for encryption ours' nonce source)
 * plus the checks ours must make on every call whatever its design, to keep its bounds exact: one
 * clock read (the data key's age), the key manager's key-version state (the primary version for
 * encryption, that the version is enabled for decryption) and, for encryption, an atomic use count.
 * Ours minus its floor is what its data-key caches cost. Targets: at least 0.95x JCA and 1.0x Tink
 * in throughput terms (at most 1.05x and 1.0x their time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class EnvelopeEncryptionBenchmark {
  private static final TenantId TENANT = TenantId.of("acme");
  private static final byte[] CONTEXT = "orders/42".getBytes(StandardCharsets.UTF_8);

  private static final long MAX_AGE_NANOS = TimeUnit.HOURS.toNanos(1);
  private static final long MAX_USES = Long.MAX_VALUE / 2;

  /** As long as ours' AAD: a 14-byte {@code 0x01 | key id | tenant} prefix and the context. */
  private static final byte[] AAD = aad();

  private static byte[] aad() {
    byte[] tenant = TENANT.value().getBytes(StandardCharsets.UTF_8);
    byte[] aad = new byte[10 + tenant.length + CONTEXT.length];
    aad[0] = 1;
    aad[9] = (byte) tenant.length;
    System.arraycopy(tenant, 0, aad, 10, tenant.length);
    System.arraycopy(CONTEXT, 0, aad, 10 + tenant.length, CONTEXT.length);
    return aad;
  }

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
  private SecureRandom drbg;
  private final byte[] nonces = new byte[32 * 12];
  private int nextNonce = nonces.length;
  private byte[] header;
  private byte[] floorCiphertext;
  private long started;
  private final AtomicLong floorUses = new AtomicLong();

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
    header = Arrays.copyOf(ours, ours.length - 12 - size - 16);
    drbg =
        SecureRandom.getInstance(
            "DRBG", DrbgParameters.instantiation(256, DrbgParameters.Capability.NONE, null));
    started = System.nanoTime();
    floorCiphertext = floorEncrypt();
    jca = jcaEncrypt();
    tinkCiphertext = tink.encrypt(plaintext, AAD);
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
    cipher.updateAAD(AAD);
    cipher.doFinal(plaintext, 0, plaintext.length, out, 12);
    return out;
  }

  /**
   * Raw JCA encryption into ours' layout with ours' nonce source and AAD, plus what ours must check
   * on every call: the primary key version, the data key's age (one clock read) and its use count.
   */
  @Benchmark
  public byte[] floorEncrypt() throws GeneralSecurityException {
    if (keys.primary(TENANT).orElseThrow().version() != 1
        || System.nanoTime() - started >= MAX_AGE_NANOS
        || floorUses.incrementAndGet() > MAX_USES) {
      throw new IllegalStateException("the floor's key is no longer primary, expired or used up");
    }
    int h = header.length;
    byte[] out = new byte[h + 12 + plaintext.length + 16];
    System.arraycopy(header, 0, out, 0, h);
    if (nextNonce == nonces.length) {
      drbg.nextBytes(nonces);
      nextNonce = 0;
    }
    System.arraycopy(nonces, nextNonce, out, h, 12);
    Arrays.fill(nonces, nextNonce, nextNonce + 12, (byte) 0);
    nextNonce += 12;
    cipher.init(Cipher.ENCRYPT_MODE, jcaKey, new GCMParameterSpec(128, out, h, 12));
    cipher.updateAAD(AAD);
    cipher.doFinal(plaintext, 0, plaintext.length, out, h + 12);
    return out;
  }

  /**
   * Raw JCA decryption of a message in ours' layout (nonce after the header, same AAD) plus what
   * ours must check on every call whatever its design: the cached data key's age (one clock read)
   * and that the key version is still enabled (the key manager's in-memory state).
   */
  @Benchmark
  public byte[] floorDecrypt() throws GeneralSecurityException {
    if (System.nanoTime() - started >= MAX_AGE_NANOS
        || keys.version(TENANT, 1).map(KeyVersion::state).orElse(null) != KeyState.ENABLED) {
      throw new IllegalStateException("the floor's key expired or was disabled");
    }
    int h = header.length;
    cipher.init(Cipher.DECRYPT_MODE, jcaKey, new GCMParameterSpec(128, floorCiphertext, h, 12));
    cipher.updateAAD(AAD);
    return cipher.doFinal(floorCiphertext, h + 12, floorCiphertext.length - h - 12);
  }

  @Benchmark
  public byte[] jcaDecrypt() throws GeneralSecurityException {
    cipher.init(Cipher.DECRYPT_MODE, jcaKey, new GCMParameterSpec(128, jca, 0, 12));
    cipher.updateAAD(AAD);
    return cipher.doFinal(jca, 12, jca.length - 12);
  }

  @Benchmark
  public byte[] tinkEncrypt() throws GeneralSecurityException {
    return tink.encrypt(plaintext, AAD);
  }

  @Benchmark
  public byte[] tinkDecrypt() throws GeneralSecurityException {
    return tink.decrypt(tinkCiphertext, AAD);
  }
}
