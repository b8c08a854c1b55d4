package dev.tdeveloper.demo;

import dev.tdeveloper.demo.notes.Note;
import dev.tdeveloper.demo.notes.NoteStore;
import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.crypto.local.MasterKey;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;

/**
 * A stopped demo's data directory opened directly, as an attacker holding the master key and the
 * files would: the key store under {@code <data>/keys} and a notes directory (the demo's or a copy
 * of it). Not thread-safe.
 */
final class OfflineNotes implements AutoCloseable {
  final LocalKeyManager keys;
  final EnvelopeEncryptor encryptor;
  final NoteStore store;

  OfflineNotes(Path data, Path notes) {
    this.keys =
        LocalKeyManager.builder(
                data.resolve("keys"),
                MasterKey.fromFile(data.resolve(DemoKeys.GENERATED_MASTER_KEY)))
            .open();
    this.encryptor = EnvelopeEncryptor.builder(keys).build();
    this.store = new NoteStore(notes, encryptor, InstantSource.system());
  }

  /** Returns {@code tenant}'s notes, decrypted (throws if they cannot be). */
  List<Note> list(TenantId tenant) {
    store.createSpace(tenant);
    return TenantContext.get(tenant, store::list);
  }

  /** Returns the key version the stored envelope of {@code tenant}'s note {@code id} names. */
  int keyVersionOf(TenantId tenant, long id) {
    store.createSpace(tenant);
    return encryptor.keyVersionOf(store.ciphertextOf(tenant, id).orElseThrow());
  }

  @Override
  public void close() {
    try {
      store.close();
    } finally {
      keys.close();
    }
  }
}
