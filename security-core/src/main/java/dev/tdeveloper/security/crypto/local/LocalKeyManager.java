package dev.tdeveloper.security.crypto.local;

import dev.tdeveloper.security.crypto.internal.Gcm;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyManagerException;
import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyUnavailableException;
import dev.tdeveloper.security.spi.KeyUnwrapException;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.JournalFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local default {@link KeyManager}: per-tenant AES-256 KEK versions, each sealed (AES-256-GCM)
 * under a {@link MasterKey}, kept in a crash-safe journal {@value #FILE} in one directory.
 *
 * <p>Every change is forced to disk before the method returns; a crash leaves every acknowledged
 * change and at most a torn record, cut off on the next open. {@link #destroy} rewrites the journal
 * without the destroyed material and renames it over the old one atomically (the old file's blocks
 * are freed by the file system, not overwritten: the master key still protects them). The store
 * records a key check, so opening it with another master key fails clearly. A lock file keeps a
 * second manager, in this or another process, from opening the directory.
 *
 * <p>Wrapped data keys are {@code nonce(12) || sealed DEK || tag(16)} with AAD {@code u8 tenant
 * length || tenant || i32 version || associated data}. Changes are serialised; reads, wraps and
 * unwraps run in parallel without locks. Thread-safe.
 */
public final class LocalKeyManager implements KeyManager {
  /** The journal's file name in the directory: {@value}. */
  public static final String FILE = "keys.journal";

  private final Path file;
  private final MasterKey master;
  private final InstantSource clock;
  private final Consumer<String> crashHook;
  private final Map<TenantId, TenantKeys> tenants = new ConcurrentHashMap<>();
  private final JournalFile journal;
  private volatile boolean closed;

  LocalKeyManager(Path directory, MasterKey master, InstantSource clock, Consumer<String> hook) {
    this.file = directory.resolve(FILE);
    this.master = master;
    this.clock = clock;
    this.crashHook = hook;
    try {
      java.nio.file.Files.createDirectories(directory);
    } catch (java.io.IOException e) {
      throw new KeyManagerException("cannot create key store directory " + directory, e);
    }
    KeyJournalReplay replay = new KeyJournalReplay(file, master, tenants);
    this.journal =
        JournalFile.open(
            file,
            KeyRecords.FORMAT,
            "key store",
            (offset, payload) -> replay.apply(offset, payload),
            KeyManagerException::new);
    if (!replay.checked()) {
      journal.append(KeyRecords.check(Gcm.seal(master.key(), new byte[0], KeyRecords.CHECK_AAD)));
    }
  }

  /**
   * Returns a builder opening the store in {@code directory} (created if missing) with {@code
   * masterKey}.
   */
  public static LocalKeyManagerBuilder builder(Path directory, MasterKey masterKey) {
    return new LocalKeyManagerBuilder(directory, masterKey);
  }

  @Override
  public KeyVersion rotate(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    synchronized (this) {
      requireOpen();
      TenantKeys keys = tenants.getOrDefault(tenant, TenantKeys.NONE);
      KeyVersion v = new KeyVersion(tenant, keys.size() + 1, KeyState.ENABLED, clock.instant());
      SecretKeySpec key = Gcm.newKey();
      byte[] sealed =
          Gcm.seal(master.key(), key.getEncoded(), KeyRecords.materialAad(tenant, v.version()));
      journal.append(KeyRecords.version(v, sealed));
      tenants.put(tenant, keys.with(v, key));
      return v;
    }
  }

  @Override
  public Optional<KeyVersion> primary(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return tenants.getOrDefault(tenant, TenantKeys.NONE).primary();
  }

  @Override
  public Optional<KeyVersion> version(TenantId tenant, int version) {
    Objects.requireNonNull(tenant, "tenant");
    return tenants.getOrDefault(tenant, TenantKeys.NONE).version(version);
  }

  @Override
  public List<KeyVersion> versions(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return tenants.getOrDefault(tenant, TenantKeys.NONE).versions();
  }

  @Override
  public List<TenantId> tenants() {
    return tenants.keySet().stream().sorted().toList();
  }

  @Override
  public byte[] wrap(TenantId tenant, int version, byte[] dek, byte[] associatedData) {
    Objects.requireNonNull(dek, "dek");
    if (dek.length < 16 || dek.length > 64) {
      throw new IllegalArgumentException("dek must be 16 to 64 bytes, was " + dek.length);
    }
    SecretKeySpec key = usableKey(tenant, version, associatedData);
    return Gcm.seal(key, dek, wrapAad(tenant, version, associatedData));
  }

  @Override
  public byte[] unwrap(TenantId tenant, int version, byte[] wrapped, byte[] associatedData) {
    Objects.requireNonNull(wrapped, "wrapped");
    SecretKeySpec key = usableKey(tenant, version, associatedData);
    try {
      return Gcm.open(key, wrapped, wrapAad(tenant, version, associatedData));
    } catch (AEADBadTagException e) {
      throw new KeyUnwrapException(
          "wrapped data key of tenant "
              + tenant.value()
              + " failed authentication under key"
              + " version "
              + version
              + " (altered, or another tenant, version or context)");
    }
  }

  private SecretKeySpec usableKey(TenantId tenant, int version, byte[] associatedData) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(associatedData, "associatedData");
    requireOpen();
    TenantKeys keys = tenants.getOrDefault(tenant, TenantKeys.NONE);
    KeyVersion v = keys.version(version).orElseThrow(() -> missing(tenant, version));
    SecretKeySpec key = keys.key(version);
    if (v.state() != KeyState.ENABLED || key == null) {
      throw new KeyUnavailableException(
          tenant,
          version,
          v.state(),
          describe(v) + " is " + v.state() + "; only ENABLED keys wrap" + " and unwrap");
    }
    return key;
  }

  private static byte[] wrapAad(TenantId tenant, int version, byte[] associatedData) {
    byte[] t = tenant.value().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(5 + t.length + associatedData.length)
        .put((byte) t.length)
        .put(t)
        .putInt(version)
        .put(associatedData)
        .array();
  }

  @Override
  public KeyVersion disable(TenantId tenant, int version) {
    return changeState(tenant, version, KeyState.DISABLED);
  }

  @Override
  public KeyVersion enable(TenantId tenant, int version) {
    return changeState(tenant, version, KeyState.ENABLED);
  }

  private synchronized KeyVersion changeState(TenantId tenant, int version, KeyState target) {
    Objects.requireNonNull(tenant, "tenant");
    requireOpen();
    TenantKeys keys = tenants.getOrDefault(tenant, TenantKeys.NONE);
    KeyVersion v = keys.version(version).orElseThrow(() -> missing(tenant, version));
    if (v.state() == KeyState.DESTROYED) {
      throw new KeyUnavailableException(
          tenant, version, v.state(), describe(v) + " is DESTROYED; it cannot become " + target);
    }
    if (v.state() == target) {
      return v;
    }
    journal.append(KeyRecords.state(tenant, version, target));
    KeyVersion changed = v.withState(target);
    tenants.put(tenant, keys.with(changed, keys.key(version)));
    return changed;
  }

  @Override
  public synchronized KeyVersion destroy(TenantId tenant, int version) {
    Objects.requireNonNull(tenant, "tenant");
    requireOpen();
    TenantKeys keys = tenants.getOrDefault(tenant, TenantKeys.NONE);
    KeyVersion v = keys.version(version).orElseThrow(() -> missing(tenant, version));
    if (v.state() == KeyState.DESTROYED) {
      return v;
    }
    KeyVersion destroyed = v.withState(KeyState.DESTROYED);
    TenantKeys after = keys.with(destroyed, null);
    List<byte[]> snapshot = new ArrayList<>();
    snapshot.add(KeyRecords.check(Gcm.seal(master.key(), new byte[0], KeyRecords.CHECK_AAD)));
    for (TenantId t : tenants()) {
      TenantKeys each = t.equals(tenant) ? after : tenants.get(t);
      for (KeyVersion kv : each.versions()) {
        SecretKeySpec key = each.key(kv.version());
        byte[] sealed =
            key == null
                ? new byte[0]
                : Gcm.seal(master.key(), key.getEncoded(), KeyRecords.materialAad(t, kv.version()));
        snapshot.add(KeyRecords.version(kv, sealed));
      }
    }
    journal.rewrite(snapshot, crashHook);
    tenants.put(tenant, after);
    return destroyed;
  }

  private static KeyUnavailableException missing(TenantId tenant, int version) {
    return new KeyUnavailableException(
        tenant, version, null, "tenant " + tenant.value() + " has no key version " + version);
  }

  static String describe(KeyVersion v) {
    return "key version " + v.version() + " of tenant " + v.tenant().value();
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("key store " + file + " is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      tenants.clear();
      journal.close();
    }
  }

  /** Returns {@code LocalKeyManager[<file>]}; never key material. */
  @Override
  public String toString() {
    return "LocalKeyManager[" + file + ", " + master + "]";
  }
}
