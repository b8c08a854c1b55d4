package dev.tdeveloper.demo;

import dev.tdeveloper.demo.notes.NoteStore;
import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.crypto.KeyEvent;
import dev.tdeveloper.security.crypto.KeyLifecycle;
import dev.tdeveloper.security.crypto.KeyRotationPolicy;
import dev.tdeveloper.security.crypto.RewrapJob;
import dev.tdeveloper.security.crypto.RewrapResult;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.crypto.local.MasterKey;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.provision.ProvisioningStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's encryption at rest: a master key, the local key store under {@code <data>/keys} with
 * each tenant's key versions, the envelope encryptor sealing notes, and the key lifecycle (first
 * version at provisioning, rotation by policy and on request with a rewrap of the tenant's notes,
 * crypto-shredding at offboarding). Key events are logged and audited; they never carry key
 * material. Thread-safe.
 */
final class DemoKeys implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoKeys.class);

  /** The environment variable holding the master key (base64 of 32 bytes) when no file is given. */
  static final String MASTER_KEY_ENV = "DEMO_MASTER_KEY";

  /** The master key generated on first start when none is given, relative to the data directory. */
  static final Path GENERATED_MASTER_KEY = Path.of("keys", "master.key");

  /** How often the rotation job looks for keys older than the policy allows (90 days). */
  static final Duration ROTATION_CHECK_PERIOD = Duration.ofHours(1);

  /** The oldest a tenant's primary key may get before the rotation job replaces it: 90 days. */
  static final Duration MAX_KEY_AGE = KeyRotationPolicy.DEFAULT_MAXIMUM_AGE;

  private static final String CREATED_KEY = "notes-key.created-version";

  final KeyManager manager;
  final KeyLifecycle lifecycle;
  final EnvelopeEncryptor encryptor;
  private final Path cursors;

  DemoKeys(MasterKey master, Path dataDir, InstantSource clock, DemoAudit audit) {
    this(
        LocalKeyManager.builder(dataDir.resolve("keys"), master).clock(clock).open(),
        dataDir,
        clock,
        audit);
  }

  /**
   * The same over {@code manager} (AWS KMS with {@code --kms-key}, {@link DemoAws}) instead of the
   * local key store; this object closes it.
   */
  DemoKeys(KeyManager manager, Path dataDir, InstantSource clock, DemoAudit audit) {
    this.manager = manager;
    this.lifecycle =
        KeyLifecycle.builder(manager)
            .policy(KeyRotationPolicy.maximumAge(MAX_KEY_AGE))
            .clock(clock)
            .listener(DemoKeys::log)
            .listener(audit.listener())
            .build();
    this.encryptor = EnvelopeEncryptor.builder(manager).build();
    this.cursors = dataDir.resolve("notes").resolve("rewrap");
  }

  /**
   * Returns the master key: from {@code --master-key-file}, else the {@value #MASTER_KEY_ENV}
   * variable of {@code environment}, else the file generated on first start under the data
   * directory (with a warning: that key sits next to the data it protects, for local use only).
   *
   * @throws IllegalArgumentException if the key given is missing or malformed (never quoted)
   */
  static MasterKey masterKey(DemoOptions options, Map<String, String> environment) {
    if (options.masterKeyFile().isPresent()) {
      return MasterKey.fromFile(options.masterKeyFile().get());
    }
    if (environment.containsKey(MASTER_KEY_ENV)) {
      return MasterKey.fromEnvironment(MASTER_KEY_ENV, environment);
    }
    Path file = options.dataDir().resolve(GENERATED_MASTER_KEY);
    if (!Files.exists(file)) {
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + file.getParent(), e);
      }
      MasterKey.generateFile(file);
      LOG.warn("generated a new master key in {} (owner-only permissions)", file);
    }
    LOG.warn(
        "the master key is the generated file {}, next to the data it protects: for local use"
            + " only; elsewhere give --master-key-file or {}",
        file,
        MASTER_KEY_ENV);
    return MasterKey.fromFile(file);
  }

  /**
   * The provisioning step giving a tenant its first key version. It does nothing for a tenant that
   * already has a usable or operator-disabled version (the demo re-provisions {@code
   * tenants.yaml}'s tenants at every start); a tenant whose versions were all destroyed gets a
   * fresh one. The compensation destroys only a version this saga created.
   */
  ProvisioningStep provisionStep() {
    return ProvisioningStep.of(
        "notes-key",
        ctx -> {
          TenantId tenant = ctx.tenant().id();
          if (manager.versions(tenant).stream().allMatch(v -> v.state() == KeyState.DESTROYED)) {
            int created = lifecycle.rotate(tenant).version();
            ctx.put(CREATED_KEY, Integer.toString(created));
          }
        },
        ctx ->
            ctx.get(CREATED_KEY)
                .ifPresent(v -> lifecycle.destroy(ctx.tenant().id(), Integer.parseInt(v))));
  }

  /**
   * Gives {@code tenant} its first local key version if it has none at all: with a shared registry
   * ({@code --postgres}) another instance may have provisioned it. A tenant whose versions were
   * destroyed (crypto-shredded) is left alone.
   *
   * @return whether a version was created
   */
  synchronized boolean adopt(TenantId tenant) {
    if (!manager.versions(tenant).isEmpty()) {
      return false;
    }
    lifecycle.rotate(tenant);
    LOG.info(
        "tenant {} provisioned by another instance: local key version created", tenant.value());
    return true;
  }

  /**
   * The offboarding step crypto-shredding a tenant: every key version destroyed, so whatever
   * ciphertext of it survives (a kept copy, a backup) can never be decrypted again. Idempotent;
   * there is no compensation.
   */
  ProvisioningStep shredStep() {
    return ProvisioningStep.of("shred-keys", ctx -> lifecycle.shred(ctx.tenant().id()), ctx -> {});
  }

  /**
   * Adds a new primary key version for {@code tenant}, then rewraps every note under it (the data
   * is never decrypted) and compacts the tenant's journal so no envelope under an older version
   * stays in it. One rotation runs at a time.
   *
   * @throws IllegalStateException if the tenant has no open notes space
   */
  synchronized RewrapResult rotate(TenantId tenant, NoteStore notes) {
    if (!notes.hasSpace(tenant)) {
      throw new IllegalStateException("tenant '" + tenant + "' has no notes space");
    }
    lifecycle.rotate(tenant);
    RewrapResult result =
        RewrapJob.builder(encryptor, manager, notes.ciphertexts(), cursors).build().run(tenant);
    notes.compact(tenant);
    LOG.info(
        "tenant {}: {} of {} notes rewrapped under key version {}",
        tenant.value(),
        result.rewrapped(),
        result.examined(),
        result.targetVersion());
    return result;
  }

  /** Schedules the rotation of keys older than the policy allows on {@code jobs}. */
  ScheduledFuture<?> schedule(ScheduledExecutorService jobs) {
    return lifecycle.schedule(jobs, ROTATION_CHECK_PERIOD);
  }

  private static void log(KeyEvent event) {
    if (event instanceof KeyEvent.Rotated r) {
      LOG.info(
          "key of tenant {} rotated to version {}{}",
          r.tenant().value(),
          r.version().version(),
          r.scheduled() ? " (policy)" : "");
    } else if (event instanceof KeyEvent.StateChanged s) {
      LOG.info(
          "key version {} of tenant {} is now {}",
          s.version().version(),
          s.tenant().value(),
          s.version().state());
    } else if (event instanceof KeyEvent.TenantShredded s) {
      LOG.warn(
          "tenant {} crypto-shredded: key versions {} destroyed, its ciphertext can never be"
              + " decrypted again",
          s.tenant().value(),
          s.destroyedVersions());
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
