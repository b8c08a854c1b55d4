package dev.tdeveloper.security.waf.transform;

import static dev.tdeveloper.security.waf.transform.Tfn.apply;
import static dev.tdeveloper.security.waf.transform.Tfn.check;
import static dev.tdeveloper.security.waf.transform.Tfn.unchanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodecsTest {
  @Test
  void base64DecodeDecodesStandardBase64() {
    check("base64Decode", "", "");
    check("base64Decode", "VGVzdENhc2U=", "TestCase");
    check("base64Decode", "VGVzdENhc2Ux", "TestCase1");
    check("base64Decode", "VGVzdENhc2UxMg==", "TestCase12");
    check("base64Decode", "VGVzdABDYXNl", "Test\0Case");
    check("base64Decode", "VGVz\r\ndENh\nc2U=", "TestCase");
    check("base64Decode", "//79", "\u00FF\u00FE\u00FD");
  }

  @Test
  void base64DecodeStopsAtTheFirstNulAsModSecurityDoes() {
    check("base64Decode", "VGVzdENhc2U=\0VGVzdENhc2U=", "TestCase");
  }

  @Test
  void base64DecodeGivesEmptyForInvalidInput() {
    check("base64Decode", "VGVz*dENh", "");
    check("base64Decode", "VGVz dENh", "");
    check("base64Decode", "VGVzdA===", "");
    check("base64Decode", "VG=VzdA", "");
    check("base64Decode", "VGVz\u00E9", "");
  }

  @Test
  void base64DecodeDropsAnIncompleteLastGroup() {
    check("base64Decode", "VGVzdA", "Tes");
    check("base64Decode", "QQ", "");
  }

  @Test
  void base64DecodeExtSkipsCharactersOutsideTheAlphabet() {
    check("base64DecodeExt", "", "");
    check("base64DecodeExt", "VGVzdENhc2U=", "TestCase");
    check("base64DecodeExt", "VGVzdENhc2Ux", "TestCase1");
    check("base64DecodeExt", "VGVzdENhc2UxMg==", "TestCase12");
    check("base64DecodeExt", "P.HNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "<script>alert(1)</script>");
    check("base64DecodeExt", "VGVzdABDYXNl", "Test\0Case");
    check("base64DecodeExt", "VGVz dENh\u00E9c2U", "TestCase");
    check("base64DecodeExt", "VGVzdA", "Test");
  }

  @Test
  void base64DecodeExtAcceptsTheUrlSafeAlphabet() {
    check(
        "base64DecodeExt",
        "eyJwIjoieHh-IiwiYWxnIjoibm9uZSIsInR5cCI6IkpXVCJ9",
        "{\"p\":\"xx~\",\"alg\":\"none\",\"typ\":\"JWT\"}");
    check("base64DecodeExt", "__-_", "\u00FF\u00FF\u00BF");
  }

  @Test
  void base64DecodeExtGivesEmptyForAPadAfterADanglingCharacter() {
    check("base64DecodeExt", "dzBzV==YWxlcnQoMSk=", "");
    check("base64DecodeExt", "QUJDR=", "");
    check("base64DecodeExt", "QUJDR==", "");
  }

  @Test
  void base64EncodeUsesPadding() {
    check("base64Encode", "", "");
    check("base64Encode", "TestCase", "VGVzdENhc2U=");
    check("base64Encode", "TestCase1", "VGVzdENhc2Ux");
    check("base64Encode", "TestCase12", "VGVzdENhc2UxMg==");
    check("base64Encode", "Test\0Case", "VGVzdABDYXNl");
    check("base64Encode", "\u00FF\u00FE\u00FD", "//79");
  }

  @Test
  void hexEncodeAndHexDecodeRoundTrip() {
    check("hexEncode", "Test\0Case\u00FF", "546573740043617365ff");
    check("hexDecode", "546573740043617365", "Test\0Case");
    check("hexDecode", "4A4b", "JK");
    check("hexDecode", "", "");
  }

  @Test
  void hexDecodeDropsAnOddLastDigitAndDoesNotValidate() {
    check("hexDecode", "414", "A");
    // x2c arithmetic on non-hex: 'g' is ('G' - 'A' + 10) = 16, so "0g" is 16.
    check("hexDecode", "0g", "\u0010");
  }

  @Test
  void sqlHexDecodeDecodesHexLiterals() {
    check("sqlHexDecode", "0x414243", "ABC");
    check("sqlHexDecode", "00x414243", "0ABC");
    check("sqlHexDecode", "0xz0x414243", "0xzABC");
    check("sqlHexDecode", "0x4142430x434241", "ABCCBA");
    check("sqlHexDecode", "0x4142430x0x434241", "ABC0xCBA");
    check("sqlHexDecode", "SELECT 0X41424", "SELECT AB4");
    check("sqlHexDecode", "0x4", "0x4");
    unchanged("sqlHexDecode", "ABC");
    unchanged("sqlHexDecode", "100 0xg1");
  }

  @Test
  void lengthIsTheByteCount() {
    check("length", "", "0");
    check("length", "abc\0\u00FF", "5");
  }

  @Test
  void md5AndSha1GiveRawDigestBytes() {
    // RFC 1321 and FIPS 180 test vectors for "abc".
    assertThat(apply("hexEncode", apply("md5", "abc")))
        .isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    assertThat(apply("hexEncode", apply("sha1", "abc")))
        .isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    assertThat(apply("hexEncode", apply("md5", ""))).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThat(apply("sha1", "\u00FF\u0000")).hasSize(20);
  }
}
