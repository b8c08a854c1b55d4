package dev.tdeveloper.aws.testkit.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.spec.SecretKeySpec;

/** One symmetric KMS key of {@link LocalKms}; guarded by the service's lock. */
final class KmsKey {
  /** KMS's key states, named as the API writes them. */
  enum State {
    Enabled,
    Disabled,
    PendingDeletion
  }

  final String id;
  final String arn;
  final Instant created;
  final String description;
  final SecretKeySpec material;
  final Map<String, String> tags = new TreeMap<>();
  State state = State.Enabled;
  Instant deletionDate;

  KmsKey(String id, String arn, Instant created, String description, SecretKeySpec material) {
    this.id = id;
    this.arn = arn;
    this.created = created;
    this.description = description;
    this.material = material;
  }

  /** Throws the error KMS answers when a disabled or deletion-pending key is used. */
  void requireUsable() {
    if (state == State.Disabled) {
      throw AwsJsonError.of("DisabledException", arn + " is disabled.");
    }
    if (state == State.PendingDeletion) {
      throw invalidState(this);
    }
  }

  static AwsJsonError invalidState(KmsKey key) {
    return AwsJsonError.of("KMSInvalidStateException", key.arn + " is " + key.state.name());
  }

  ObjectNode metadata(String account) {
    ObjectNode m = Json.object();
    m.put("AWSAccountId", account);
    m.put("KeyId", id);
    m.put("Arn", arn);
    m.put("CreationDate", Json.timestamp(created));
    m.put("Enabled", state == State.Enabled);
    m.put("Description", description);
    m.put("KeyUsage", "ENCRYPT_DECRYPT");
    m.put("KeyState", state.name());
    m.put("Origin", "AWS_KMS");
    m.put("KeyManager", "CUSTOMER");
    m.put("KeySpec", "SYMMETRIC_DEFAULT");
    m.put("CustomerMasterKeySpec", "SYMMETRIC_DEFAULT");
    m.putArray("EncryptionAlgorithms").add("SYMMETRIC_DEFAULT");
    m.put("MultiRegion", false);
    if (deletionDate != null) {
      m.put("DeletionDate", Json.timestamp(deletionDate));
    }
    return m;
  }
}
