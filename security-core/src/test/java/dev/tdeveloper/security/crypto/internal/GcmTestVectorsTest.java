package dev.tdeveloper.security.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NIST AES-GCM test vectors for 256-bit keys and 96-bit IVs (McGrew and Viega, "The Galois/Counter
 * Mode of Operation", test cases 13 to 16; cases 17 and 18 use 64- and 480-bit IVs, which the
 * format does not carry), run through the message format: the vector's IV is placed in a message
 * header's nonce field, the body the format layer seals must equal C || T, and the parsed message
 * must open to P.
 */
class GcmTestVectorsTest {
  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest(name = "test case {0}")
  @CsvSource({
    "13, 0000000000000000000000000000000000000000000000000000000000000000, 000000000000000000000000,"
        + " '', '', '', 530f8afbc74536b9a963b4f1c4cb738b",
    "14, 0000000000000000000000000000000000000000000000000000000000000000, 000000000000000000000000,"
        + " 00000000000000000000000000000000, '', cea7403d4d606b6e074ec5d3baf39d18,"
        + " d0d1c8a799996bf0265b98b5d48ab919",
    "15, feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308, cafebabefacedbaddecaf888,"
        + " d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255,"
        + " '',"
        + " 522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad,"
        + " b094dac5d93471bdec1a502270e3cc6c",
    "16, feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308, cafebabefacedbaddecaf888,"
        + " d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39,"
        + " feedfacedeadbeeffeedfacedeadbeefabaddad2,"
        + " 522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662,"
        + " 76fc6ece0f4e1768cddf8853bb2d551b"
  })
  void nistVectorsThroughTheMessageFormat(
      int testCase, String k, String iv, String p, String a, String c, String t)
      throws AEADBadTagException {
    SecretKeySpec key = new SecretKeySpec(HEX.parseHex(k), "AES");
    byte[] plaintext = HEX.parseHex(p);
    byte[] aad = HEX.parseHex(a);
    byte[] wrapped = new byte[60];
    byte[] message =
        Header.write(
            Header.MESSAGE, 3, 42L, wrapped, Gcm.NONCE_BYTES + plaintext.length + Gcm.TAG_BYTES);
    int nonce = Header.FIXED + wrapped.length;
    System.arraycopy(HEX.parseHex(iv), 0, message, nonce, Gcm.NONCE_BYTES);

    // The JDK refuses a thread's cipher the key and IV of its previous encryption, and cases 13/14
    // and 15/16 share both: seal something else first.
    Gcm.seal(Gcm.newKey(), new byte[0], new byte[0]);
    Gcm.sealInto(key, message, nonce, aad, new byte[0], plaintext);

    byte[] body = Arrays.copyOfRange(message, nonce + Gcm.NONCE_BYTES, message.length);
    assertThat(HEX.formatHex(body)).as("C || T of case %d", testCase).isEqualTo(c + t);
    Header parsed = Header.parse(message, message.length, message.length);
    assertThat(parsed).isEqualTo(new Header(Header.MESSAGE, 3, 42L, wrapped.length));
    assertThat(Gcm.openFrom(key, message, parsed.end(), aad, new byte[0])).isEqualTo(plaintext);

    byte[] altered = message.clone();
    altered[altered.length - 1] ^= 1;
    assertThatThrownBy(() -> Gcm.openFrom(key, altered, parsed.end(), aad, new byte[0]))
        .isInstanceOf(AEADBadTagException.class);
  }
}
