package dev.tdeveloper.backend.aws.kms;

import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyManagerException;
import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyUnavailableException;
import dev.tdeveloper.security.spi.KeyUnwrapException;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.time.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * A {@link KeyManager} on AWS KMS, in one of two modes chosen on the {@link KmsKeyManagerBuilder}:
 *
 * <ul>
 *   <li><b>Key per tenant version</b> ({@link KmsKeyManagerBuilder#keyPerTenant}): every {@link
 *       #rotate} creates a KMS key with the alias {@code alias/<prefix>/<tenant>/v<n>}. Disable,
 *       enable and destroy act on that key in KMS, so KMS itself refuses a disabled or destroyed
 *       version to every client, and destroying a tenant's versions is real crypto-shredding.
 *   <li><b>One shared key</b> ({@link KmsKeyManagerBuilder#sharedKey}): every tenant's data keys
 *       are wrapped by one KMS key; the encryption context binds tenant and version, and the
 *       version records live in a secret store. Cheaper and far from KMS's key quotas, but a
 *       version's state is enforced by this library only: anyone allowed {@code kms:Decrypt} on the
 *       key who has a wrapped key and knows its context can still unwrap it.
 * </ul>
 *
 * <p>Each data key is wrapped with {@code Encrypt} under the version's KMS key with the encryption
 * context {@code tdeveloper:tenant}, {@code tdeveloper:key-version} and {@code
 * tdeveloper:aad-sha256} (the SHA-256 of the associated data, base64url): unwrapping with another
 * tenant, version or associated data fails in KMS ({@link KeyUnwrapException}). The wrapped key is
 * KMS's ciphertext blob. The core generates data keys itself, so {@code GenerateDataKey} is not
 * used.
 *
 * <p>{@link #primary} and {@link #version} answer from memory: a tenant's versions are loaded on
 * first use and looked up again after the refresh interval, or at once when a version beyond the
 * known ones is asked for (another instance rotated). A bounded cache of unwrapped data keys (see
 * {@link KmsKeyManagerBuilder#unwrapCache}) saves a {@code Decrypt} per repeated unwrap; any state
 * change empties it.
 *
 * <p>Errors: KMS's {@code InvalidCiphertextException} and {@code IncorrectKeyException} become
 * {@link KeyUnwrapException}; {@code DisabledException} and {@code KMSInvalidStateException} a
 * {@link KeyUnavailableException} with the state KMS reports; anything else a {@link
 * KeyManagerException} naming the operation and KMS's error code, never key material. Retries and
 * timeouts are the SDK client's (its retry strategy). Thread-safe: changes and loads are
 * serialised, wraps and unwraps run in parallel.
 */
public final class KmsKeyManager implements KeyManager {
  private final KmsClient kms;
  private final KeyMode mode;
  private final UnwrapCache unwrapped;
  private final VersionCache cache;
  private final List<AutoCloseable> owned;
  private volatile boolean closed;

  KmsKeyManager(
      KmsClient kms,
      KeyMode mode,
      Ticker ticker,
      long refreshNanos,
      UnwrapCache cache,
      List<AutoCloseable> owned) {
    this.owned = List.copyOf(owned);
    this.kms = kms;
    this.mode = mode;
    this.cache = new VersionCache(mode, ticker, refreshNanos);
    this.unwrapped = cache;
  }

  /** Returns a builder of a key manager calling KMS through {@code kms} (the caller closes it). */
  public static KmsKeyManagerBuilder builder(KmsClient kms) {
    return new KmsKeyManagerBuilder(kms);
  }

  private List<KmsVersion> versionsOf(TenantId tenant, int atLeast) {
    Objects.requireNonNull(tenant, "tenant");
    requireOpen();
    return cache.get(tenant, atLeast);
  }

  private List<KmsVersion> reload(TenantId tenant, List<KmsVersion> known) {
    return cache.reload(tenant, known);
  }

  @Override
  public synchronized KeyVersion rotate(TenantId tenant) {
    return retrying(
        tenant,
        "rotate the key of tenant " + tenant.value(),
        known -> {
          KmsVersion added = KmsErrors.call("rotate", tenant, () -> mode.create(tenant, known));
          List<KmsVersion> after = new ArrayList<>(known);
          after.add(added);
          cache.put(tenant, after);
          return added.meta();
        });
  }

  /** Runs {@code change} on the tenant's versions, reloading and again when another writer won. */
  private KeyVersion retrying(
      TenantId tenant, String what, Function<List<KmsVersion>, KeyVersion> change) {
    List<KmsVersion> known = versionsOf(tenant, 0);
    for (int attempt = 1; ; attempt++) {
      try {
        return change.apply(known);
      } catch (KeyMode.Raced e) {
        if (attempt == 5) {
          throw new KeyManagerException("could not " + what + ": other writers kept racing");
        }
        known = reload(tenant, known);
      }
    }
  }

  @Override
  public Optional<KeyVersion> primary(TenantId tenant) {
    List<KmsVersion> versions = versionsOf(tenant, 0);
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    KeyVersion newest = versions.get(versions.size() - 1).meta();
    return newest.state() == KeyState.ENABLED ? Optional.of(newest) : Optional.empty();
  }

  @Override
  public Optional<KeyVersion> version(TenantId tenant, int version) {
    List<KmsVersion> versions = versionsOf(tenant, version);
    return version >= 1 && version <= versions.size()
        ? Optional.of(versions.get(version - 1).meta())
        : Optional.empty();
  }

  @Override
  public List<KeyVersion> versions(TenantId tenant) {
    return versionsOf(tenant, 0).stream().map(KmsVersion::meta).toList();
  }

  @Override
  public synchronized List<TenantId> tenants() {
    requireOpen();
    return KmsErrors.call("list tenants", null, mode::tenants);
  }

  @Override
  public byte[] wrap(TenantId tenant, int version, byte[] dek, byte[] associatedData) {
    Objects.requireNonNull(dek, "dek");
    Objects.requireNonNull(associatedData, "associatedData");
    if (dek.length < 16 || dek.length > 64) {
      throw new IllegalArgumentException("dek must be 16 to 64 bytes, was " + dek.length);
    }
    KmsVersion v = usable(tenant, version);
    byte[] wrapped =
        use(
            v,
            "Encrypt",
            () ->
                kms.encrypt(
                        b ->
                            b.keyId(v.keyId())
                                .plaintext(SdkBytes.fromByteArray(dek))
                                .encryptionContext(
                                    EncryptionContexts.of(tenant, version, associatedData)))
                    .ciphertextBlob()
                    .asByteArray());
    if (wrapped.length > MAX_WRAPPED_LENGTH) {
      throw new KeyManagerException(
          "KMS returned a "
              + wrapped.length
              + "-byte ciphertext; at most "
              + MAX_WRAPPED_LENGTH
              + " fit");
    }
    return wrapped;
  }

  @Override
  public byte[] unwrap(TenantId tenant, int version, byte[] wrapped, byte[] associatedData) {
    Objects.requireNonNull(wrapped, "wrapped");
    Objects.requireNonNull(associatedData, "associatedData");
    KmsVersion v = usable(tenant, version);
    byte[] cached = unwrapped.get(tenant, version, wrapped, associatedData);
    if (cached != null) {
      return cached;
    }
    byte[] dek =
        use(
            v,
            "Decrypt",
            () ->
                kms.decrypt(
                        b ->
                            b.keyId(v.keyId())
                                .ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                                .encryptionContext(
                                    EncryptionContexts.of(tenant, version, associatedData)))
                    .plaintext()
                    .asByteArray());
    unwrapped.put(tenant, version, wrapped, associatedData, dek);
    return dek;
  }

  /** Returns the version if it exists and is enabled (asking KMS again if it seems disabled). */
  private KmsVersion usable(TenantId tenant, int version) {
    Objects.requireNonNull(tenant, "tenant");
    List<KmsVersion> versions = versionsOf(tenant, version);
    if (version < 1 || version > versions.size()) {
      throw KmsErrors.missing(tenant, version);
    }
    KmsVersion v = versions.get(version - 1);
    if (v.meta().state() == KeyState.DISABLED) {
      synchronized (this) {
        v = reload(tenant, List.of()).get(version - 1);
      }
    }
    if (v.meta().state() != KeyState.ENABLED) {
      throw KmsErrors.unavailable(v.meta());
    }
    return v;
  }

  private <T> T use(KmsVersion v, String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (InvalidCiphertextException | IncorrectKeyException e) {
      throw new KeyUnwrapException(
          "wrapped data key of tenant "
              + v.meta().tenant().value()
              + " failed authentication under key version "
              + v.meta().version()
              + " (altered, or another tenant, version or context)");
    } catch (DisabledException | KmsInvalidStateException | NotFoundException e) {
      KeyState state = e instanceof DisabledException ? KeyState.DISABLED : KeyState.DESTROYED;
      TenantId tenant = v.meta().tenant();
      int n = v.meta().version();
      synchronized (this) {
        List<KmsVersion> now = reload(tenant, List.of());
        if (n <= now.size() && now.get(n - 1).meta().state() != KeyState.ENABLED) {
          state = now.get(n - 1).meta().state();
        }
      }
      unwrapped.clear();
      throw KmsErrors.unavailable(v.meta().withState(state));
    } catch (SdkException e) {
      throw KmsErrors.failure(operation, v.meta().tenant(), e);
    }
  }

  @Override
  public KeyVersion disable(TenantId tenant, int version) {
    return change(tenant, version, KeyState.DISABLED);
  }

  @Override
  public KeyVersion enable(TenantId tenant, int version) {
    return change(tenant, version, KeyState.ENABLED);
  }

  @Override
  public KeyVersion destroy(TenantId tenant, int version) {
    return change(tenant, version, KeyState.DESTROYED);
  }

  private synchronized KeyVersion change(TenantId tenant, int version, KeyState target) {
    versionsOf(tenant, version);
    return retrying(
        tenant,
        "change key version " + version + " of tenant " + tenant.value(),
        known -> {
          if (version < 1 || version > known.size()) {
            throw KmsErrors.missing(tenant, version);
          }
          KmsVersion v = known.get(version - 1);
          if (v.meta().state() == KeyState.DESTROYED && target != KeyState.DESTROYED) {
            throw new KeyUnavailableException(
                tenant,
                version,
                KeyState.DESTROYED,
                KmsErrors.describe(v.meta()) + " is DESTROYED; it cannot become " + target);
          }
          if (v.meta().state() == target) {
            return v.meta();
          }
          String operation = target.name().toLowerCase(Locale.ROOT);
          KmsVersion changed =
              KmsErrors.call(operation, tenant, () -> mode.change(known, v, target));
          List<KmsVersion> after = new ArrayList<>(known);
          after.set(version - 1, changed);
          cache.put(tenant, after);
          unwrapped.clear();
          return changed.meta();
        });
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the KMS key manager is closed");
    }
  }

  /**
   * Forgets cached versions and data keys. The KMS client stays open (its owner closes it), unless
   * the manager came from {@link KmsKeyManagerProvider}, which made it.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    cache.clear();
    unwrapped.clear();
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Exception e) {
        throw new KeyManagerException(
            "closing " + resource.getClass().getSimpleName() + " failed", e);
      }
    }
  }

  /** Returns {@code KmsKeyManager[<mode>]}; never key material or credentials. */
  @Override
  public String toString() {
    return "KmsKeyManager[" + mode.describe() + "]";
  }
}
