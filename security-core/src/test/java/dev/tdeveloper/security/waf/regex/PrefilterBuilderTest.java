package dev.tdeveloper.security.waf.regex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The necessary condition and minimum length computed from a pattern's tree. */
class PrefilterBuilderTest {

  private static String condition(String pattern) {
    return Prefilter.of(PcreParser.parse(pattern).root()).condition().toString();
  }

  private static int minLength(String pattern) {
    return Prefilter.of(PcreParser.parse(pattern).root()).minLength();
  }

  @Test
  void literalIsRequiredLowercase() {
    assertThat(condition("Select")).isEqualTo("'select'");
  }

  @Test
  void sequenceAcrossAnyCharacterRequiresBothSides() {
    assertThat(condition("union.*select")).isEqualTo("('union' AND 'select')");
    assertThat(condition("union\\s+select")).isEqualTo("('union' AND 'select')");
  }

  @Test
  void alternationRequiresOneBranch() {
    assertThat(condition("<script|javascript:|onerror="))
        .isEqualTo("('<script' OR 'javascript:' OR 'onerror=')");
  }

  @Test
  void alternationWithAnUnfilterableBranchIsTrue() {
    assertThat(condition("<script|\\d+")).isEqualTo("TRUE");
    assertThat(condition("(?:abc|)def")).isEqualTo("'def'");
  }

  @Test
  void optionalGroupContributesBothWays() {
    assertThat(condition("(?:foo)?bar")).isEqualTo("'bar'");
    assertThat(condition("ab(?:cd)?ef")).isEqualTo("('abcdef' OR 'abef')");
  }

  @Test
  void starRepetitionRequiresNothingButPlusRequiresOnce() {
    assertThat(condition("(?:abc){0,}xyz")).isEqualTo("'xyz'");
    assertThat(condition("(?:abc)*")).isEqualTo("TRUE");
    assertThat(condition("(?:abc)+")).isEqualTo("'abc'");
    assertThat(condition("(?:ab){2}")).isEqualTo("'abab'");
  }

  @Test
  void smallClassesExpandLargeOnesBreakTheLiteral() {
    assertThat(condition("a[bc]d")).isEqualTo("('abd' OR 'acd')");
    assertThat(condition("ab[0-9]cd")).isEqualTo("('ab' AND 'cd')");
    assertThat(condition("x[^y]z")).isEqualTo("TRUE");
  }

  @Test
  void caseInsensitivityFoldsToOneLiteral() {
    assertThat(condition("(?i)UNION\\s+SELECT")).isEqualTo("('union' AND 'select')");
    assertThat(condition("[Ss][Ee][Ll]")).isEqualTo("'sel'");
  }

  @Test
  void anchorsAndLookaroundAreTransparent() {
    assertThat(condition("^abc$")).isEqualTo("'abc'");
    assertThat(condition("\\bcmd\\b")).isEqualTo("'cmd'");
    assertThat(condition("<\\?(?!xml)")).isEqualTo("'<?'");
  }

  @Test
  void backreferenceMatchesAnything() {
    assertThat(condition("(ab)x\\1")).isEqualTo("'abx'");
    assertThat(minLength("(ab)x\\1")).isEqualTo(3);
  }

  @Test
  void singleLettersAndSpacesAreNotWorthSearchingButPunctuationIs() {
    assertThat(condition("a|b")).isEqualTo("TRUE");
    assertThat(condition(" ")).isEqualTo("TRUE");
    assertThat(condition("<|>")).isEqualTo("('<' OR '>')");
  }

  @Test
  void impliedLiteralsAreDropped() {
    assertThat(condition("select|selected")).isEqualTo("'select'");
    assertThat(condition("sel.*select")).isEqualTo("'select'");
  }

  @Test
  void minimumLengthIgnoresAnchorsAndTakesTheShortestBranch() {
    assertThat(minLength("^abc$")).isEqualTo(3);
    assertThat(minLength("a{3,5}|bc")).isEqualTo(2);
    assertThat(minLength("x*")).isZero();
    assertThat(minLength("(?=abc)d")).isEqualTo(1);
  }

  @Test
  void shortOrLiteralFreeInputIsRejectedWithoutTheRegex() {
    WafPattern p = WafPattern.compile("(?i)union\\s+select");
    assertThat(p.prefiltered()).isTrue();
    assertThat(p.minMatchLength()).isEqualTo(12);
    assertThat(p.find("UNION ALL", null)).isEqualTo(RegexOutcome.NOT_MATCHED);
    assertThat(p.find("x UnIoN   SeLeCt y", null)).isEqualTo(RegexOutcome.MATCHED);
  }

  @Test
  void manyAtomsAreWeakenedNotDropped() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 70; i++) {
      sb.append("k").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(".*");
    }
    String source = sb.append("end").toString();
    Prefilter weakened = Prefilter.of(PcreParser.parse(source).root());
    assertThat(weakened.condition()).hasToString("'kaa'");
    assertThat(weakened.mayMatch("end")).isFalse();
    String match = source.replace(".*", "");
    assertThat(weakened.mayMatch(match)).isTrue();
    assertThat(WafPattern.compile(source).find(match, null)).isEqualTo(RegexOutcome.MATCHED);
  }

  @Test
  void patternAnchoredAtBothEndsRejectsLongerInputs() {
    Prefilter p = Prefilter.of(PcreParser.parse("^(?:GET|HEAD)$").root());
    assertThat(p.mayMatch("HEAD")).isTrue();
    assertThat(p.mayMatch("HEAD ")).isFalse();
    assertThat(Prefilter.of(PcreParser.parse("^$").root()).mayMatch("x")).isFalse();
    assertThat(Prefilter.of(PcreParser.parse("^a|b$").root()).mayMatch("xxxxb")).isTrue();
    assertThat(Prefilter.of(PcreParser.parse("(?m)^$").root()).mayMatch("a\n")).isTrue();
  }

  @Test
  void startAnchoredPatternRejectsImpossibleFirstByte() {
    Prefilter digits = Prefilter.of(PcreParser.parse("^\\d+$").root());
    assertThat(digits.mayMatch("hello")).isFalse();
    assertThat(digits.mayMatch("123")).isTrue();
    Prefilter optional = Prefilter.of(PcreParser.parse("^(?:x)?y").root());
    assertThat(optional.mayMatch("yz")).isTrue();
    assertThat(optional.mayMatch("zy")).isFalse();
    assertThat(Prefilter.of(PcreParser.parse("^a*").root()).mayMatch("b")).isTrue();
  }
}
