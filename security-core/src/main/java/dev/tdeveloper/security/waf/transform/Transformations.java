package dev.tdeveloper.security.waf.transform;

import dev.tdeveloper.security.waf.seclang.SecLangNames;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The transformations by name: every name in {@link SecLangNames#TRANSFORMATIONS}, and the aliases
 * of {@link SecLangNames#TRANSFORMATION_ALIASES} ({@code normalisePath}, {@code normalisePathWin}).
 * Names are case-sensitive, as libmodsecurity matches them. {@code none} is not a transformation
 * but a reset of the list before it; the engine handles it and it maps to the identity here.
 *
 * <p>Each transformation works on byte strings (one char, 0 to 255, per byte), is a pure function,
 * never throws and returns its input instance when it changes nothing. This class is stateless and
 * thread-safe.
 *
 * <p>Where libmodsecurity releases differ, the current one and its language test suite are
 * followed: {@code removeComments} examines the byte after a comment's end, {@code sqlHexDecode}
 * keeps the last byte and goes on past a NUL, {@code cssDecode} goes on past a decoded NUL. Two
 * deliberate differences: {@code utf8toUnicode} keeps NUL bytes (libmodsecurity loses them as a
 * side effect), and {@code urlDecodeUni} has no {@code SecUnicodeMapFile} table, so {@code %uHHHH}
 * always keeps its low byte (with the full-width ASCII adjustment), as libmodsecurity does without
 * a map. {@code base64Decode} is strict (an invalid value gives the empty string, and the value is
 * read up to its first NUL), {@code base64DecodeExt} forgiving, both as libmodsecurity.
 */
public final class Transformations {
  private static final Map<String, Transformation> BY_NAME = registry();
  private static final Transformation LOWERCASE = BY_NAME.get("lowercase");
  private static final Transformation UPPERCASE = BY_NAME.get("uppercase");

  private Transformations() {}

  private static Map<String, Transformation> registry() {
    Map<String, Transformation> m = new HashMap<>();
    m.put("none", s -> s);
    m.put("lowercase", TextNormalizers::lowercase);
    m.put("uppercase", TextNormalizers::uppercase);
    m.put("compressWhitespace", TextNormalizers::compressWhitespace);
    m.put("removeWhitespace", TextNormalizers::removeWhitespace);
    m.put("removeNulls", TextNormalizers::removeNulls);
    m.put("replaceNulls", TextNormalizers::replaceNulls);
    m.put("trim", TextNormalizers::trim);
    m.put("trimLeft", TextNormalizers::trimLeft);
    m.put("trimRight", TextNormalizers::trimRight);
    m.put("cmdLine", TextNormalizers::cmdLine);
    m.put("parityEven7bit", TextNormalizers::parityEven7bit);
    m.put("parityOdd7bit", TextNormalizers::parityOdd7bit);
    m.put("parityZero7bit", TextNormalizers::parityZero7bit);
    m.put("urlDecode", UrlCoding::urlDecode);
    m.put("urlDecodeUni", UrlCoding::urlDecodeUni);
    m.put("urlEncode", UrlCoding::urlEncode);
    m.put("htmlEntityDecode", EscapeDecoders::htmlEntityDecode);
    m.put("jsDecode", EscapeDecoders::jsDecode);
    m.put("cssDecode", EscapeDecoders::cssDecode);
    m.put("escapeSeqDecode", EscapeDecoders::escapeSeqDecode);
    m.put("removeComments", CommentRemovers::removeComments);
    m.put("removeCommentsChar", CommentRemovers::removeCommentsChar);
    m.put("replaceComments", CommentRemovers::replaceComments);
    m.put("normalizePath", PathNormalizer::normalizePath);
    m.put("normalizePathWin", PathNormalizer::normalizePathWin);
    m.put("base64Decode", Codecs::base64Decode);
    m.put("base64DecodeExt", Codecs::base64DecodeExt);
    m.put("base64Encode", Codecs::base64Encode);
    m.put("hexEncode", Codecs::hexEncode);
    m.put("hexDecode", Codecs::hexDecode);
    m.put("sqlHexDecode", Codecs::sqlHexDecode);
    m.put("length", Codecs::length);
    m.put("md5", Codecs::md5);
    m.put("sha1", Codecs::sha1);
    m.put("utf8toUnicode", Utf8ToUnicode::apply);
    return Map.copyOf(m);
  }

  /**
   * A transformation by its SecLang name.
   *
   * @param name e.g. {@code urlDecodeUni}, or an alias such as {@code normalisePath}
   * @return the transformation; empty when the name is unknown
   */
  public static Optional<Transformation> byName(String name) {
    return Optional.ofNullable(
        BY_NAME.get(SecLangNames.TRANSFORMATION_ALIASES.getOrDefault(name, name)));
  }

  /**
   * Whether a transformation only maps ASCII letters to the other case ({@code lowercase}, {@code
   * uppercase}), leaving every other byte as it is: a case-insensitive search finds the same things
   * in its output as in its input.
   *
   * @param t a transformation, as {@link #byName} gave it
   * @return true for {@code lowercase} and {@code uppercase}
   */
  public static boolean changesOnlyAsciiCase(Transformation t) {
    return t == LOWERCASE || t == UPPERCASE;
  }
}
