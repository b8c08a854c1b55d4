package dev.tdeveloper.backend.aws.kms;

import dev.tdeveloper.security.spi.KeyManagerException;
import dev.tdeveloper.security.spi.KeyUnavailableException;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.security.spi.SecretStoreException;
import dev.tdeveloper.tenancy.TenantId;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * The key manager's exceptions. A KMS failure is reported by its error code and HTTP status only:
 * no cause is attached and no KMS message is quoted, so nothing the server echoed (a key, a
 * context, a credential) can reach a log through them.
 */
final class KmsErrors {
  private KmsErrors() {}

  static KeyManagerException failure(String operation, TenantId tenant, SdkException e) {
    String code =
        e instanceof KmsException k && k.awsErrorDetails() != null
            ? k.awsErrorDetails().errorCode() + " (HTTP " + k.statusCode() + ")"
            : e.getClass().getSimpleName();
    return new KeyManagerException(
        "KMS failed to "
            + operation
            + (tenant == null ? "" : " for tenant " + tenant.value())
            + ": "
            + code);
  }

  static KeyUnavailableException missing(TenantId tenant, int version) {
    return new KeyUnavailableException(
        tenant, version, null, "tenant " + tenant.value() + " has no key version " + version);
  }

  static KeyUnavailableException unavailable(KeyVersion v) {
    return new KeyUnavailableException(
        v.tenant(),
        v.version(),
        v.state(),
        describe(v) + " is " + v.state() + "; only ENABLED keys wrap and unwrap");
  }

  static String describe(KeyVersion v) {
    return "key version " + v.version() + " of tenant " + v.tenant().value();
  }

  static <T> T call(String operation, TenantId tenant, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw KmsErrors.failure(operation, tenant, e);
    } catch (SecretStoreException e) {
      throw new KeyManagerException(
          "the key version records failed to " + operation + ": " + e.getMessage(), e);
    }
  }
}
