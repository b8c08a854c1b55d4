package dev.tdeveloper.security.secrets;

import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The child process of {@link LocalSecretStoreCrashTest}: puts versions {@code v1, v2, ...} of a
 * few secrets and makes each CURRENT, forever, printing {@code ACK <secret> <version>} once both
 * are acknowledged. The value of version {@code vN} of secret {@code s} is {@code value-s-N}. It
 * exits by itself when its standard input closes, so it never outlives a crashed parent.
 */
public final class CrashingSecretWriter {
  static final byte[] KEY = new byte[32];
  static final int SECRETS = 3;

  private CrashingSecretWriter() {}

  static SecretName secret(int i) {
    return i == 0
        ? SecretName.platform("db/owner")
        : SecretName.of(TenantId.of("tenant-" + i), "db/app");
  }

  static String value(int secret, long version) {
    return "value-" + secret + "-" + version;
  }

  /** Argument: the store directory. */
  public static void main(String[] args) throws Exception {
    ChildJvm.exitWhenParentGoes();
    PrintStream out = System.out;
    LocalSecretStore store = LocalSecretStore.builder(Path.of(args[0])).masterKey(KEY).open();
    out.println("READY");
    out.flush();
    for (long version = 1; ; version++) {
      for (int s = 0; s < SECRETS; s++) {
        SecretName name = secret(s);
        String id = "v" + version;
        store.put(name, id, Secret.ofString(value(s, version)));
        Optional<String> current =
            version == 1 ? Optional.empty() : Optional.of("v" + (version - 1));
        store.moveLabel(name, SecretLabel.CURRENT, current, Optional.of(id));
        out.println("ACK " + s + " " + version);
        out.flush();
      }
    }
  }
}
