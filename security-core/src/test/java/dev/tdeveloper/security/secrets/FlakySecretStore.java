package dev.tdeveloper.security.secrets;

import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretStoreException;
import dev.tdeveloper.security.spi.SecretVersion;
import java.util.List;
import java.util.Optional;

/** A store that fails every call while {@link #down} is set, as an unreachable server does. */
final class FlakySecretStore implements SecretStore {
  private final SecretStore delegate;
  volatile boolean down;

  FlakySecretStore(SecretStore delegate) {
    this.delegate = delegate;
  }

  private void check() {
    if (down) {
      throw new SecretStoreException("secret store unreachable (simulated)");
    }
  }

  @Override
  public SecretVersion put(SecretName name, String versionId, Secret value) {
    check();
    return delegate.put(name, versionId, value);
  }

  @Override
  public List<SecretVersion> versions(SecretName name) {
    check();
    return delegate.versions(name);
  }

  @Override
  public Optional<Secret> value(SecretName name, String versionId) {
    check();
    return delegate.value(name, versionId);
  }

  @Override
  public void moveLabel(
      SecretName name, SecretLabel label, Optional<String> expected, Optional<String> target) {
    check();
    delegate.moveLabel(name, label, expected, target);
  }

  @Override
  public List<SecretName> names() {
    check();
    return delegate.names();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
