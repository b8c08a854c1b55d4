package dev.tdeveloper.security.crypto.local;

import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyVersion;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * One tenant's KEK versions and their material (null once destroyed), index = version - 1.
 * Immutable: every change returns a copy, so readers need no lock.
 */
final class TenantKeys {
  static final TenantKeys NONE = new TenantKeys(new KeyVersion[0], new SecretKeySpec[0]);

  private final KeyVersion[] versions;
  private final SecretKeySpec[] keys;
  private final Optional<KeyVersion> primary;

  private TenantKeys(KeyVersion[] versions, SecretKeySpec[] keys) {
    this.versions = versions;
    this.keys = keys;
    KeyVersion newest = versions.length == 0 ? null : versions[versions.length - 1];
    this.primary =
        newest != null && newest.state() == KeyState.ENABLED
            ? Optional.of(newest)
            : Optional.empty();
  }

  /** Returns a copy with version {@code v.version()} set (appended when it is the next one). */
  TenantKeys with(KeyVersion v, SecretKeySpec key) {
    int index = v.version() - 1;
    if (index > versions.length) {
      throw new IllegalArgumentException(
          "version " + v.version() + " follows version " + versions.length);
    }
    int size = Math.max(versions.length, index + 1);
    KeyVersion[] newVersions = Arrays.copyOf(versions, size);
    SecretKeySpec[] newKeys = Arrays.copyOf(keys, size);
    newVersions[index] = v;
    newKeys[index] = v.state() == KeyState.DESTROYED ? null : key;
    return new TenantKeys(newVersions, newKeys);
  }

  int size() {
    return versions.length;
  }

  Optional<KeyVersion> primary() {
    return primary;
  }

  Optional<KeyVersion> version(int version) {
    return version >= 1 && version <= versions.length
        ? Optional.of(versions[version - 1])
        : Optional.empty();
  }

  /** Returns the material of a version, or null if destroyed or missing. */
  SecretKeySpec key(int version) {
    return version >= 1 && version <= keys.length ? keys[version - 1] : null;
  }

  List<KeyVersion> versions() {
    return List.of(versions);
  }
}
