package dev.tdeveloper.backend.aws.kms;

import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * One KMS key per tenant version, found by its alias {@code alias/<prefix>/<tenant>/v<n>}; the
 * version's state is the key's state in KMS (Enabled, Disabled, PendingDeletion = DESTROYED). A
 * version whose key KMS has already deleted (after the waiting period; its alias goes with it)
 * reads as DESTROYED with creation time {@link Instant#EPOCH} while a later version exists.
 */
final class TenantKeyMode implements KeyMode {
  static final String TENANT_TAG = "tdeveloper:tenant";

  private final KmsClient kms;
  private final String prefix;
  private final int deletionWindowDays;
  private final Map<TenantId, Map<Integer, String>> scanned = new HashMap<>();

  TenantKeyMode(KmsClient kms, String prefix, int deletionWindowDays) {
    this.kms = kms;
    this.prefix = prefix;
    this.deletionWindowDays = deletionWindowDays;
  }

  String alias(TenantId tenant, int version) {
    return "alias/" + prefix + "/" + tenant.value() + "/v" + version;
  }

  @Override
  public List<KmsVersion> load(TenantId tenant, List<KmsVersion> known) {
    TreeMap<Integer, KmsVersion> out = new TreeMap<>();
    known.forEach(v -> out.put(v.meta().version(), v));
    if (known.isEmpty()) {
      scanned
          .getOrDefault(tenant, Map.of())
          .forEach((n, keyId) -> describe(tenant, n, keyId).ifPresent(v -> out.put(n, v)));
    }
    int next = out.isEmpty() ? 1 : out.lastKey() + 1;
    for (Optional<KmsVersion> v; (v = describe(tenant, next, alias(tenant, next))).isPresent(); ) {
      out.put(next++, v.get());
    }
    List<KmsVersion> list = new ArrayList<>();
    for (int n = 1; !out.isEmpty() && n <= out.lastKey(); n++) {
      KmsVersion v = out.get(n);
      list.add(v != null ? v : gone(tenant, n));
    }
    return list;
  }

  private static KmsVersion gone(TenantId tenant, int version) {
    return new KmsVersion(new KeyVersion(tenant, version, KeyState.DESTROYED, Instant.EPOCH), "");
  }

  private Optional<KmsVersion> describe(TenantId tenant, int version, String keyId) {
    try {
      KeyMetadata meta = kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
      return Optional.of(
          new KmsVersion(
              new KeyVersion(tenant, version, stateOf(meta), meta.creationDate()), meta.arn()));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  static KeyState stateOf(KeyMetadata meta) {
    return switch (meta.keyStateAsString()) {
      case "Enabled" -> KeyState.ENABLED;
      case "PendingDeletion", "PendingReplicaDeletion" -> KeyState.DESTROYED;
      default -> KeyState.DISABLED;
    };
  }

  @Override
  public KmsVersion create(TenantId tenant, List<KmsVersion> known) {
    int version = known.size() + 1;
    KeyMetadata meta =
        kms.createKey(
                b ->
                    b.description("tdeveloper KEK of tenant " + tenant.value() + " v" + version)
                        .tags(Tag.builder().tagKey(TENANT_TAG).tagValue(tenant.value()).build()))
            .keyMetadata();
    try {
      kms.createAlias(b -> b.aliasName(alias(tenant, version)).targetKeyId(meta.keyId()));
    } catch (AlreadyExistsException e) {
      kms.scheduleKeyDeletion(b -> b.keyId(meta.keyId()).pendingWindowInDays(7));
      throw new Raced();
    } catch (RuntimeException e) {
      try {
        kms.scheduleKeyDeletion(b -> b.keyId(meta.keyId()).pendingWindowInDays(7));
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return new KmsVersion(
        new KeyVersion(tenant, version, KeyState.ENABLED, meta.creationDate()), meta.arn());
  }

  @Override
  public KmsVersion change(List<KmsVersion> known, KmsVersion version, KeyState state) {
    String keyId = version.keyId();
    try {
      switch (state) {
        case ENABLED -> kms.enableKey(b -> b.keyId(keyId));
        case DISABLED -> kms.disableKey(b -> b.keyId(keyId));
        case DESTROYED ->
            kms.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(deletionWindowDays));
      }
    } catch (KmsInvalidStateException | NotFoundException e) {
      KeyState now =
          describe(version.meta().tenant(), version.meta().version(), keyId)
              .map(v -> v.meta().state())
              .orElse(KeyState.DESTROYED);
      if (now != KeyState.DESTROYED) {
        throw e;
      }
      return new KmsVersion(version.meta().withState(KeyState.DESTROYED), keyId);
    }
    return new KmsVersion(version.meta().withState(state), keyId);
  }

  @Override
  public List<TenantId> tenants() {
    String start = "alias/" + prefix + "/";
    scanned.clear();
    for (AliasListEntry a : kms.listAliasesPaginator(b -> b.limit(100)).aliases()) {
      String name = a.aliasName();
      int v = name.lastIndexOf("/v");
      if (!name.startsWith(start) || v <= start.length() || a.targetKeyId() == null) {
        continue;
      }
      String tenant = name.substring(start.length(), v);
      String number = name.substring(v + 2);
      if (TenantId.isValid(tenant) && number.matches("[1-9][0-9]{0,8}")) {
        scanned
            .computeIfAbsent(TenantId.of(tenant), t -> new TreeMap<>())
            .put(Integer.parseInt(number), a.targetKeyId());
      }
    }
    return new ArrayList<>(new TreeSet<>(scanned.keySet()));
  }

  @Override
  public String describe() {
    return "a KMS key per tenant version, aliases alias/" + prefix + "/<tenant>/v<n>";
  }
}
