package dev.tdeveloper.backend.aws.kms;

import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.spi.KeyManagerException;
import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.security.spi.LabelConflictException;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One KMS key for every tenant; the versions and their states are records in a {@link SecretStore},
 * one secret per tenant ({@code <records name>} in the tenant's scope) whose CURRENT version holds
 * a line per key version: {@code <n> <STATE> <created ISO-8601>}. Changes write a new version and
 * move CURRENT with compare-and-set, so two instances never lose each other's change. The tenant
 * and version are bound by the encryption context, not by the key: disabling and destroying are
 * enforced by this library, not by KMS.
 */
final class SharedKeyMode implements KeyMode {
  private final String keyId;
  private final SecretStore records;
  private final String recordsName;
  private final InstantSource clock;

  SharedKeyMode(String keyId, SecretStore records, String recordsName, InstantSource clock) {
    this.keyId = keyId;
    this.records = records;
    this.recordsName = recordsName;
    this.clock = clock;
  }

  private SecretName record(TenantId tenant) {
    return SecretName.of(tenant, recordsName);
  }

  @Override
  public List<KmsVersion> load(TenantId tenant, List<KmsVersion> known) {
    Optional<Secret> value = records.valueAt(record(tenant), SecretLabel.CURRENT);
    if (value.isEmpty()) {
      return List.of();
    }
    List<KmsVersion> out = new ArrayList<>();
    String text = value.get().stringValue();
    value.get().destroy();
    for (String line : text.split("\n")) {
      String[] f = line.split(" ");
      try {
        KeyVersion v =
            new KeyVersion(
                tenant, Integer.parseInt(f[0]), KeyState.valueOf(f[1]), Instant.parse(f[2]));
        if (v.version() != out.size() + 1) {
          throw new IllegalArgumentException("version " + v.version() + " out of order");
        }
        out.add(new KmsVersion(v, keyId));
      } catch (RuntimeException e) {
        throw new KeyManagerException(
            "the key version records " + record(tenant) + " are corrupt at line '" + line + "'", e);
      }
    }
    return out;
  }

  @Override
  public KmsVersion create(TenantId tenant, List<KmsVersion> known) {
    KmsVersion added =
        new KmsVersion(
            new KeyVersion(tenant, known.size() + 1, KeyState.ENABLED, clock.instant()), keyId);
    List<KmsVersion> after = new ArrayList<>(known);
    after.add(added);
    write(tenant, known, after);
    return added;
  }

  @Override
  public KmsVersion change(List<KmsVersion> known, KmsVersion version, KeyState state) {
    KmsVersion changed = new KmsVersion(version.meta().withState(state), keyId);
    List<KmsVersion> after = new ArrayList<>(known);
    after.set(version.meta().version() - 1, changed);
    write(version.meta().tenant(), known, after);
    return changed;
  }

  /**
   * Writes {@code versions} as a new version of the records and moves CURRENT to it, if the stored
   * records still equal {@code known} and CURRENT has not moved meanwhile; else {@link Raced}.
   */
  private void write(TenantId tenant, List<KmsVersion> known, List<KmsVersion> versions) {
    SecretName name = record(tenant);
    Optional<String> current =
        records.versionAt(name, SecretLabel.CURRENT).map(SecretVersion::versionId);
    if (!load(tenant, List.of()).equals(known)) {
      throw new Raced();
    }
    StringBuilder text = new StringBuilder();
    for (KmsVersion v : versions) {
      KeyVersion m = v.meta();
      text.append(m.version()).append(' ').append(m.state()).append(' ').append(m.createdAt());
      text.append('\n');
    }
    String id = UUID.randomUUID().toString();
    records.put(name, id, Secret.ofString(text.toString().strip()));
    try {
      records.moveLabel(name, SecretLabel.CURRENT, current, Optional.of(id));
    } catch (LabelConflictException e) {
      throw new Raced();
    }
  }

  @Override
  public List<TenantId> tenants() {
    return records.names().stream()
        .filter(n -> n.name().equals(recordsName) && n.tenant().isPresent())
        .map(n -> n.tenant().orElseThrow())
        .sorted()
        .distinct()
        .toList();
  }

  @Override
  public String describe() {
    return "one shared KMS key " + keyId + ", version records '" + recordsName + "' in " + records;
  }
}
