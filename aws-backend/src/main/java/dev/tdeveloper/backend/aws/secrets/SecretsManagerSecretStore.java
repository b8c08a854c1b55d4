package dev.tdeveloper.backend.aws.secrets;

import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.spi.LabelConflictException;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretNotFoundException;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretStoreException;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.security.spi.SecretVersionConflictException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * A {@link SecretStore} on AWS Secrets Manager, one secret per {@link SecretName} named {@code
 * [<prefix>/]}{@link SecretName#qualified()} (so tenants and the platform never share a secret).
 * Our versions are its versions, our labels its staging labels: CURRENT, PENDING and PREVIOUS are
 * AWSCURRENT, AWSPENDING and AWSPREVIOUS.
 *
 * <ul>
 *   <li>{@link #put} is {@code PutSecretValue} with the version id as {@code ClientRequestToken}
 *       (see {@link #STAGED} for why it carries a label of ours), creating the secret first if
 *       needed. Text values go in {@code SecretString}, other bytes in {@code SecretBinary}.
 *   <li>{@link #moveLabel} is {@code UpdateSecretVersionStage} with {@code RemoveFromVersionId} set
 *       to the expected version, so Secrets Manager itself refuses the move if another writer moved
 *       the label first; moving AWSCURRENT leaves AWSPREVIOUS on the version it left (the service
 *       does it).
 *   <li>{@link #versions} is {@code ListSecretVersionIds} with deprecated versions included, sorted
 *       by creation date; labels other than the three are not shown.
 * </ul>
 *
 * <p>Rotations interoperate: a Lambda following AWS's rotation contract writes AWSPENDING, then
 * moves AWSCURRENT, which {@code SecretRotator} reads as PENDING and CURRENT, and the other way
 * round. Versions without a staging label are "deprecated" for AWS, which may delete them once a
 * secret holds about 100 versions.
 *
 * <p>Errors: a lost label race is a {@link LabelConflictException}; other service failures a {@link
 * SecretStoreException} with the operation, the secret name and the AWS error code only (no cause,
 * no service message), so a value can never reach a log. Retries and timeouts are the SDK client's.
 * Thread-safe; the client stays open on {@link #close} (its owner closes it).
 */
public final class SecretsManagerSecretStore implements SecretStore {
  /**
   * The staging label {@value} that {@link #put} gives the newest version it writes: PutSecretValue
   * needs at least one label, and without one it would take AWSCURRENT. The label moves to each
   * newer put, leaving older versions without it.
   */
  public static final String STAGED = "TDEV_STAGED";

  private final SecretsManagerClient client;
  private final String prefix;
  private final SecretsManagerVersions reads;
  private volatile boolean closed;
  private volatile AutoCloseable owned = () -> {};

  SecretsManagerSecretStore(SecretsManagerClient client, String prefix) {
    this.client = client;
    this.prefix = prefix;
    this.reads = new SecretsManagerVersions(client);
  }

  /**
   * Returns a store on {@code client} (the caller closes it) whose secret names start with {@code
   * prefix + "/"}, or with nothing when {@code prefix} is empty.
   *
   * @throws IllegalArgumentException if {@code prefix} is not empty and not a valid secret name
   *     path of at most 128 characters
   */
  public static SecretsManagerSecretStore create(SecretsManagerClient client, String prefix) {
    Objects.requireNonNull(client, "client");
    return new SecretsManagerSecretStore(client, checkPrefix(prefix));
  }

  static String checkPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (!prefix.isEmpty()) {
      if (prefix.length() > 128) {
        throw new IllegalArgumentException(
            "prefix must be at most 128 characters, was " + prefix.length());
      }
      try {
        SecretName.platform(prefix);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("prefix is " + e.getMessage(), e);
      }
    }
    return prefix;
  }

  String awsName(SecretName name) {
    return prefix.isEmpty() ? name.qualified() : prefix + "/" + name.qualified();
  }

  @Override
  public SecretVersion put(SecretName name, String versionId, Secret value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    String token = VersionIds.toAws(versionId);
    byte[] bytes = value.bytes();
    try {
      if (bytes.length > MAX_VALUE_BYTES) {
        throw new IllegalArgumentException(
            "a secret value is at most " + MAX_VALUE_BYTES + " bytes, was " + bytes.length);
      }
      requireOpen();
      String secretId = awsName(name);
      Optional<String> text = Values.text(bytes);
      Runnable write =
          () ->
              client.putSecretValue(
                  b -> {
                    b.secretId(secretId).clientRequestToken(token).versionStages(STAGED);
                    text.ifPresentOrElse(
                        b::secretString, () -> b.secretBinary(SdkBytes.fromByteArray(bytes)));
                  });
      call(
          "put a version of",
          name,
          () -> {
            try {
              write.run();
            } catch (ResourceNotFoundException e) {
              try {
                client.createSecret(b -> b.name(secretId).description("tdeveloper secret " + name));
              } catch (ResourceExistsException raced) {
                // another writer created it: write the version now
              }
              write.run();
            } catch (ResourceExistsException e) {
              throw new SecretVersionConflictException(name, versionId);
            }
            return null;
          });
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    return versions(name).stream()
        .filter(v -> v.versionId().equals(versionId))
        .findFirst()
        .orElseThrow(
            () -> new SecretStoreException("version '" + versionId + "' of " + name + " vanished"));
  }

  @Override
  public List<SecretVersion> versions(SecretName name) {
    Objects.requireNonNull(name, "name");
    requireOpen();
    return call("list the versions of", name, () -> reads.versions(awsName(name)))
        .orElse(List.of());
  }

  @Override
  public Optional<Secret> value(SecretName name, String versionId) {
    Objects.requireNonNull(name, "name");
    String token = VersionIds.toAws(versionId);
    requireOpen();
    return call(
        "read a version of",
        name,
        () -> {
          try {
            GetSecretValueResponse r =
                client.getSecretValue(b -> b.secretId(awsName(name)).versionId(token));
            return Optional.of(Values.secret(r));
          } catch (ResourceNotFoundException e) {
            return Optional.empty();
          }
        });
  }

  @Override
  public void moveLabel(
      SecretName name, SecretLabel label, Optional<String> expected, Optional<String> target) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(target, "target");
    expected.ifPresent(VersionIds::toAws);
    target.ifPresent(VersionIds::toAws);
    if (label == SecretLabel.CURRENT && target.isEmpty()) {
      throw new IllegalArgumentException(
          "the CURRENT label of " + name + " can be moved, never removed");
    }
    requireOpen();
    List<SecretVersion> versions =
        call("read the labels of", name, () -> reads.versions(awsName(name)))
            .orElseThrow(() -> new SecretNotFoundException(name, Optional.empty()));
    if (target.isPresent()
        && versions.stream().noneMatch(v -> v.versionId().equals(target.get()))) {
      throw new SecretNotFoundException(name, target);
    }
    Optional<String> actual = holder(versions, label);
    if (!actual.equals(expected)) {
      throw new LabelConflictException(name, label, expected, actual);
    }
    if (expected.equals(target)) {
      return;
    }
    call(
        "move label " + label + " of",
        name,
        () -> {
          try {
            client.updateSecretVersionStage(
                b -> {
                  b.secretId(awsName(name)).versionStage(label.awsName());
                  expected.ifPresent(v -> b.removeFromVersionId(VersionIds.toAws(v)));
                  target.ifPresent(v -> b.moveToVersionId(VersionIds.toAws(v)));
                });
          } catch (InvalidParameterException e) {
            Optional<String> now = reads.versions(awsName(name)).flatMap(vs -> holder(vs, label));
            throw new LabelConflictException(name, label, expected, now);
          }
          return null;
        });
  }

  private static Optional<String> holder(List<SecretVersion> versions, SecretLabel label) {
    return versions.stream().filter(v -> v.has(label)).map(SecretVersion::versionId).findFirst();
  }

  @Override
  public List<SecretName> names() {
    requireOpen();
    return call("list", null, () -> reads.names(prefix));
  }

  private <T> T call(String operation, SecretName name, Supplier<T> call) {
    try {
      return call.get();
    } catch (SecretsManagerException e) {
      String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode() + ", HTTP ";
      throw new SecretStoreException(
          "Secrets Manager failed to "
              + operation
              + (name == null ? " secrets" : " secret " + name)
              + ": "
              + code
              + e.statusCode());
    } catch (SdkException e) {
      throw new SecretStoreException(
          "Secrets Manager failed to "
              + operation
              + (name == null ? " secrets" : " secret " + name)
              + ": "
              + e.getClass().getSimpleName());
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new SecretStoreException("the Secrets Manager secret store is closed");
    }
  }

  /** Makes {@link #close} close the client too (for the provider, which made it). */
  SecretsManagerSecretStore owningClient() {
    this.owned = client;
    return this;
  }

  /**
   * Marks the store closed; the client stays open (its owner closes it) unless the store came from
   * {@link SecretsManagerSecretStoreProvider}. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        owned.close();
      } catch (Exception e) {
        throw new SecretStoreException("closing the Secrets Manager client failed", e);
      }
    }
  }

  /** Returns {@code SecretsManagerSecretStore[prefix=<prefix>]}; never a value or credential. */
  @Override
  public String toString() {
    return "SecretsManagerSecretStore[prefix=" + prefix + "]";
  }
}
