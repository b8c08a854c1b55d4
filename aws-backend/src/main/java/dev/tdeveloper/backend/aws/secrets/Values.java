package dev.tdeveloper.backend.aws.secrets;

import dev.tdeveloper.security.secrets.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** Secret values as Secrets Manager holds them: UTF-8 text as SecretString, else SecretBinary. */
final class Values {
  private Values() {}

  /** Returns the bytes as text if they are well-formed UTF-8. */
  static Optional<String> text(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** Returns the value of a GetSecretValue answer. */
  static Secret secret(GetSecretValueResponse response) {
    return response.secretString() != null
        ? Secret.ofString(response.secretString())
        : Secret.of(response.secretBinary().asByteArray());
  }
}
