package dev.tdeveloper.aws.testkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * KMS ({@code TrentService}) for symmetric keys: keys with AES-256 material, aliases, the key
 * states Enabled / Disabled / PendingDeletion (deleted with their aliases once the waiting period
 * has passed on the clock), and AES-GCM ciphertext blobs whose AAD binds the key and the encryption
 * context. Blob: {@code 0x01 | key id (36 ASCII) | nonce (12) | ciphertext | tag (16)}.
 * Thread-safe: operations are serialised.
 */
final class LocalKms {
  static final String ACCOUNT = "111122223333";
  private static final int ID_LENGTH = 36;
  private static final int HEADER = 1 + ID_LENGTH + 12;

  private final InstantSource clock;
  private final String region;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, KmsKey> keys = new TreeMap<>();
  private final Map<String, KmsAlias> aliases = new TreeMap<>();

  LocalKms(InstantSource clock, String region) {
    this.clock = clock;
    this.region = region;
  }

  synchronized ObjectNode handle(String operation, JsonNode request) {
    expireDeletedKeys();
    return switch (operation) {
      case "CreateKey" -> createKey(request);
      case "DescribeKey" -> metadata(key(request));
      case "Encrypt" -> encrypt(request);
      case "Decrypt" -> decrypt(request);
      case "GenerateDataKey" -> generateDataKey(request);
      case "EnableKey" -> setState(request, KmsKey.State.Enabled);
      case "DisableKey" -> setState(request, KmsKey.State.Disabled);
      case "ScheduleKeyDeletion" -> scheduleDeletion(request);
      case "CancelKeyDeletion" -> cancelDeletion(request);
      case "CreateAlias" -> KmsAliases.create(aliases, keys, request, clock.instant());
      case "ListAliases" -> KmsAliases.list(aliases, request, arnPrefix());
      default -> throw unknown(operation);
    };
  }

  static AwsJsonError unknown(String operation) {
    return AwsJsonError.of("UnknownOperationException", "unknown operation " + operation);
  }

  private String arnPrefix() {
    return "arn:aws:kms:" + region + ":" + ACCOUNT + ":";
  }

  private void expireDeletedKeys() {
    Instant now = clock.instant();
    keys.values()
        .removeIf(k -> k.state == KmsKey.State.PendingDeletion && !now.isBefore(k.deletionDate));
    aliases.values().removeIf(a -> !keys.containsKey(a.keyId()));
  }

  private ObjectNode createKey(JsonNode request) {
    String spec = Json.text(request, "KeySpec").orElse("SYMMETRIC_DEFAULT");
    if (!spec.equals("SYMMETRIC_DEFAULT")) {
      throw AwsJsonError.of(
          "UnsupportedOperationException", "this test double supports only SYMMETRIC_DEFAULT");
    }
    byte[] material = new byte[32];
    random.nextBytes(material);
    String id = UUID.randomUUID().toString();
    KmsKey key =
        new KmsKey(
            id,
            arnPrefix() + "key/" + id,
            clock.instant(),
            Json.text(request, "Description").orElse(""),
            new SecretKeySpec(material, "AES"));
    Arrays.fill(material, (byte) 0);
    JsonNode tags = request.get("Tags");
    if (tags != null && tags.isArray()) {
      tags.forEach(t -> key.tags.put(t.path("TagKey").asText(), t.path("TagValue").asText()));
    }
    keys.put(id, key);
    return metadata(key);
  }

  /** Resolves {@code KeyId}: a key id, key ARN, alias name or alias ARN. */
  private KmsKey key(JsonNode request) {
    return resolve(Json.required(request, "KeyId"));
  }

  private KmsKey resolve(String keyId) {
    String id = keyId;
    if (id.startsWith(arnPrefix() + "alias/")) {
      id = id.substring(arnPrefix().length());
    }
    if (id.startsWith("alias/")) {
      KmsAlias alias = aliases.get(id);
      id = alias == null ? "" : alias.keyId();
    } else if (id.startsWith(arnPrefix() + "key/")) {
      id = id.substring(arnPrefix().length() + 4);
    }
    KmsKey key = keys.get(id);
    if (key == null) {
      throw AwsJsonError.of("NotFoundException", "Key '" + keyId + "' does not exist");
    }
    return key;
  }

  private static ObjectNode metadata(KmsKey key) {
    ObjectNode out = Json.object();
    out.set("KeyMetadata", key.metadata(ACCOUNT));
    return out;
  }

  private ObjectNode encrypt(JsonNode request) {
    KmsKey key = key(request);
    byte[] plaintext = Json.blob(request, "Plaintext").orElse(new byte[0]);
    if (plaintext.length < 1 || plaintext.length > 4096) {
      throw AwsJsonError.validation(
          "Plaintext must be 1 to 4096 bytes long, was " + plaintext.length);
    }
    ObjectNode out = Json.object();
    out.put("CiphertextBlob", Json.base64(seal(key, plaintext, request)));
    out.put("KeyId", key.arn);
    out.put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
    return out;
  }

  private ObjectNode generateDataKey(JsonNode request) {
    KmsKey key = key(request);
    String spec = Json.text(request, "KeySpec").orElse("");
    int bytes =
        switch (spec) {
          case "AES_256" -> 32;
          case "AES_128" -> 16;
          case "" -> Json.integer(request, "NumberOfBytes").orElse(0);
          default -> throw AwsJsonError.validation("KeySpec must be AES_256 or AES_128");
        };
    if (bytes < 1 || bytes > 1024) {
      throw AwsJsonError.validation("give KeySpec (AES_256, AES_128) or NumberOfBytes 1 to 1024");
    }
    byte[] plaintext = new byte[bytes];
    random.nextBytes(plaintext);
    ObjectNode out = Json.object();
    out.put("CiphertextBlob", Json.base64(seal(key, plaintext, request)));
    out.put("Plaintext", Json.base64(plaintext));
    out.put("KeyId", key.arn);
    return out;
  }

  private byte[] seal(KmsKey key, byte[] plaintext, JsonNode request) {
    key.requireUsable();
    byte[] header = new byte[HEADER];
    random.nextBytes(header);
    header[0] = 1;
    System.arraycopy(ascii(key.id), 0, header, 1, ID_LENGTH);
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.ENCRYPT_MODE, key.material, new GCMParameterSpec(128, header, 1 + ID_LENGTH, 12));
      gcm.updateAAD(aad(key.id, request));
      byte[] sealed = gcm.doFinal(plaintext);
      return ByteBuffer.allocate(HEADER + sealed.length).put(header).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }

  private ObjectNode decrypt(JsonNode request) {
    byte[] blob = Json.blob(request, "CiphertextBlob").orElse(new byte[0]);
    if (blob.length < HEADER + 16 || blob[0] != 1) {
      throw invalidCiphertext();
    }
    String id = new String(blob, 1, ID_LENGTH, StandardCharsets.US_ASCII);
    KmsKey key = keys.get(id);
    if (key == null) {
      throw invalidCiphertext();
    }
    if (Json.text(request, "KeyId").isPresent()
        && resolve(Json.required(request, "KeyId")) != key) {
      throw AwsJsonError.of(
          "IncorrectKeyException",
          "The key ID in the request does not identify a KMS key that can perform this operation");
    }
    key.requireUsable();
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.DECRYPT_MODE, key.material, new GCMParameterSpec(128, blob, 1 + ID_LENGTH, 12));
      gcm.updateAAD(aad(id, request));
      byte[] plaintext = gcm.doFinal(blob, HEADER, blob.length - HEADER);
      ObjectNode out = Json.object();
      out.put("Plaintext", Json.base64(plaintext));
      out.put("KeyId", key.arn);
      out.put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
      return out;
    } catch (AEADBadTagException e) {
      throw invalidCiphertext();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }

  private static AwsJsonError invalidCiphertext() {
    return AwsJsonError.of("InvalidCiphertextException", "");
  }

  /** The AAD: the key id, then each context pair (sorted by key) as u16-length-prefixed UTF-8. */
  private static byte[] aad(String keyId, JsonNode request) {
    TreeMap<String, String> context = new TreeMap<>();
    JsonNode node = request.get("EncryptionContext");
    if (node != null && node.isObject()) {
      node.properties().forEach(e -> context.put(e.getKey(), e.getValue().asText()));
    }
    ByteBuffer out = ByteBuffer.allocate(8192);
    out.put(ascii(keyId));
    context.forEach(
        (k, v) -> {
          for (String s : new String[] {k, v}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (b.length > 2048 || out.remaining() < b.length + 2) {
              throw AwsJsonError.validation("EncryptionContext is too large (8 KiB at most)");
            }
            out.putShort((short) b.length).put(b);
          }
        });
    return Arrays.copyOf(out.array(), out.position());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private ObjectNode setState(JsonNode request, KmsKey.State state) {
    KmsKey key = key(request);
    if (key.state == KmsKey.State.PendingDeletion) {
      throw KmsKey.invalidState(key);
    }
    key.state = state;
    return Json.object();
  }

  private ObjectNode scheduleDeletion(JsonNode request) {
    KmsKey key = key(request);
    int days = Json.integer(request, "PendingWindowInDays").orElse(30);
    if (days < 7 || days > 30) {
      throw AwsJsonError.validation("PendingWindowInDays must be 7 to 30 days, was " + days);
    }
    if (key.state == KmsKey.State.PendingDeletion) {
      throw KmsKey.invalidState(key);
    }
    key.state = KmsKey.State.PendingDeletion;
    key.deletionDate = clock.instant().plus(Duration.ofDays(days));
    ObjectNode out = Json.object();
    out.put("KeyId", key.arn);
    out.put("DeletionDate", Json.timestamp(key.deletionDate));
    out.put("KeyState", key.state.name());
    out.put("PendingWindowInDays", days);
    return out;
  }

  private ObjectNode cancelDeletion(JsonNode request) {
    KmsKey key = key(request);
    if (key.state != KmsKey.State.PendingDeletion) {
      throw KmsKey.invalidState(key);
    }
    key.state = KmsKey.State.Disabled;
    key.deletionDate = null;
    ObjectNode out = Json.object();
    out.put("KeyId", key.arn);
    return out;
  }
}
