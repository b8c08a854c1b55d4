package dev.tdeveloper.security.crypto.local;

import dev.tdeveloper.security.crypto.internal.Gcm;
import dev.tdeveloper.security.spi.KeyManagerException;
import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.file.Path;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;

/**
 * Rebuilds a {@link LocalKeyManager}'s tenant keys from its journal's records on open, checking the
 * master key and the records' order.
 */
final class KeyJournalReplay {
  private final Path file;
  private final MasterKey master;
  private final Map<TenantId, TenantKeys> tenants;
  private boolean checked;

  KeyJournalReplay(Path file, MasterKey master, Map<TenantId, TenantKeys> tenants) {
    this.file = file;
    this.master = master;
    this.tenants = tenants;
  }

  /** Whether the master key check record was replayed (and matched). */
  boolean checked() {
    return checked;
  }

  /** Applies the journal record {@code payload} found at {@code offset}. */
  void apply(long offset, byte[] payload) {
    Object record;
    try {
      record = KeyRecords.decode(payload);
    } catch (IllegalArgumentException e) {
      throw corrupt(offset, e.getMessage());
    }
    if (!checked) {
      if (!(record instanceof byte[] sealed)) {
        throw corrupt(offset, "the first record is not the master key check");
      }
      try {
        Gcm.open(master.key(), sealed, KeyRecords.CHECK_AAD);
      } catch (AEADBadTagException e) {
        throw new KeyManagerException(
            "master key "
                + master.source()
                + " does not match key store "
                + file
                + " (its key check failed); open it with the master key it was created with");
      }
      checked = true;
    } else if (record instanceof KeyRecords.Version v) {
      TenantKeys keys = tenants.getOrDefault(v.version().tenant(), TenantKeys.NONE);
      if (v.version().version() != keys.size() + 1) {
        throw corrupt(offset, "version " + v.version().version() + " out of order");
      }
      SecretKeySpec key = null;
      if (v.version().state() != KeyState.DESTROYED) {
        try {
          byte[] aad = KeyRecords.materialAad(v.version().tenant(), v.version().version());
          key = new SecretKeySpec(Gcm.open(master.key(), v.sealed(), aad), "AES");
        } catch (AEADBadTagException e) {
          throw corrupt(
              offset,
              "the material of " + LocalKeyManager.describe(v.version()) + " fails its check");
        }
      }
      tenants.put(v.version().tenant(), keys.with(v.version(), key));
    } else if (record instanceof KeyRecords.State s) {
      TenantKeys keys = tenants.getOrDefault(s.tenant(), TenantKeys.NONE);
      KeyVersion v =
          keys.version(s.version()).orElseThrow(() -> corrupt(offset, "unknown version"));
      tenants.put(s.tenant(), keys.with(v.withState(s.state()), keys.key(s.version())));
    } else {
      throw corrupt(offset, "a second master key check");
    }
  }

  private KeyManagerException corrupt(long offset, String problem) {
    return new KeyManagerException(
        "key store " + file + " is corrupt at offset " + offset + ": " + problem);
  }
}
