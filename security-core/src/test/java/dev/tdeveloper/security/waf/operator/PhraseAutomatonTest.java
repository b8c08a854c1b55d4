package dev.tdeveloper.security.waf.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.waf.CrsInstall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PhraseAutomatonTest {
  private static PhraseAutomaton of(String... phrases) {
    return PhraseAutomaton.build(List.of(phrases));
  }

  private static String found(PhraseAutomaton a, String input) {
    int i = a.find(input);
    return i < 0 ? null : a.phrase(i);
  }

  @Test
  void findsPhrasesAnywhereIncludingTheFirstAndLastByte() {
    PhraseAutomaton a = of("(", "etc/passwd", "cmd.exe");
    assertThat(found(a, "(abc")).isEqualTo("(");
    assertThat(found(a, "x=../../etc/passwd")).isEqualTo("etc/passwd");
    assertThat(found(a, "run cmd.exe")).isEqualTo("cmd.exe");
    assertThat(found(a, "nothing here")).isNull();
    assertThat(found(a, "")).isNull();
  }

  @Test
  void ignoresAsciiCaseOnBothSidesAndReportsThePhraseAsWritten() {
    PhraseAutomaton a = of("Document.Cookie");
    assertThat(found(a, "x=DOCUMENT.cookie")).isEqualTo("Document.Cookie");
    assertThat(found(a, "x=document.cookie")).isEqualTo("Document.Cookie");
  }

  @Test
  void foldsOnlyAsciiLettersNotLatin1() {
    PhraseAutomaton a = of("\u00e9t\u00e9");
    assertThat(found(a, "\u00c9T\u00c9")).isNull();
    assertThat(found(a, "\u00e9T\u00e9")).isEqualTo("\u00e9t\u00e9");
  }

  @Test
  void reportsASuffixPhraseFoundInsideALongerPartialMatch() {
    PhraseAutomaton a = of("abcd", "bc");
    assertThat(found(a, "abcx")).isEqualTo("bc");
    assertThat(found(a, "abcd")).isEqualTo("bc");
  }

  @Test
  void reportsTheLongestPhraseEndingAtTheFirstEnd() {
    PhraseAutomaton a = of("b", "ab", "xab");
    assertThat(found(a, "xxab")).isEqualTo("xab");
    assertThat(found(a, "zab")).isEqualTo("ab");
  }

  @Test
  void matchesNulAndHighBytesAndNeverMatchesCharsAbove255() {
    PhraseAutomaton a = of("a\u0000b", "\u00ff\u00fe");
    assertThat(found(a, "xa\u0000by")).isEqualTo("a\u0000b");
    assertThat(found(a, "\u00ff\u00fe")).isEqualTo("\u00ff\u00fe");
    assertThat(found(a, "a\u0100b\u01ff\u01fe")).isNull();
  }

  @Test
  void keepsTheFirstSpellingOfDuplicatePhrases() {
    PhraseAutomaton a = of("Select", "SELECT", "select");
    assertThat(found(a, "sElEcT")).isEqualTo("Select");
  }

  @Test
  void refusesEmptyPhrases() {
    assertThatThrownBy(() -> of("a", "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void handlesWideFanOutsWithTheBinarySearchPath() {
    List<String> phrases = new ArrayList<>();
    for (char c = 'a'; c <= 'z'; c++) {
      phrases.add("q" + c + "z");
    }
    PhraseAutomaton a = PhraseAutomaton.build(phrases);
    for (char c = 'a'; c <= 'z'; c++) {
      assertThat(found(a, "..Q" + Character.toUpperCase(c) + "Z..")).isEqualTo("q" + c + "z");
    }
    assertThat(found(a, "q0z")).isNull();
  }

  @Test
  void scansAHugeInputWithoutAMatch() {
    PhraseAutomaton a = of("needle", "haystack!");
    String huge = "haystac".repeat(300_000);
    assertThat(a.find(huge)).isEqualTo(-1);
    assertThat(found(a, huge + "needle")).isEqualTo("needle");
  }

  @Property(tries = 400)
  void agreesWithANaiveSearch(
      @ForAll("phraseLists") List<String> phrases, @ForAll("inputs") String input) {
    PhraseAutomaton a = PhraseAutomaton.build(phrases);
    int expectedEnd = Integer.MAX_VALUE;
    String lowered = input.toLowerCase(Locale.ROOT);
    for (String p : phrases) {
      int at = lowered.indexOf(p.toLowerCase(Locale.ROOT));
      if (at >= 0) {
        expectedEnd = Math.min(expectedEnd, at + p.length());
      }
    }
    int found = a.find(input);
    if (expectedEnd == Integer.MAX_VALUE) {
      assertThat(found).isEqualTo(-1);
      return;
    }
    assertThat(found).isNotNegative();
    String phrase = a.phrase(found);
    int end = expectedEnd;
    assertThat(lowered.substring(0, end)).endsWith(phrase.toLowerCase(Locale.ROOT));
    for (String p : phrases) {
      if (lowered.substring(0, end).endsWith(p.toLowerCase(Locale.ROOT))) {
        assertThat(phrase.length()).isGreaterThanOrEqualTo(p.length());
      }
    }
  }

  @Property(tries = 400)
  void denseRowsGiveTheSparseWalksAnswers(
      @ForAll("phraseLists") List<String> phrases,
      @ForAll("inputs") String input,
      @ForAll @IntRange(min = 0, max = 120) int denseCells) {
    int sparse = PhraseAutomaton.build(phrases, 0).find(input);
    assertThat(PhraseAutomaton.build(phrases, denseCells).find(input)).isEqualTo(sparse);
    assertThat(PhraseAutomaton.build(phrases).find(input)).isEqualTo(sparse);
  }

  private static final List<String> LFI = crsPhrases("lfi-os-files.data");
  private static final PhraseAutomaton LFI_DEFAULT = PhraseAutomaton.build(LFI);
  private static final PhraseAutomaton LFI_SPARSE = PhraseAutomaton.build(LFI, 0);

  private static List<String> crsPhrases(String file) {
    try {
      return Files.readAllLines(CrsInstall.rulesDir().resolve(file), StandardCharsets.ISO_8859_1)
          .stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void crsLargestFileHasRowsForItsShallowStatesOnly() {
    assertThat(LFI_DEFAULT.stateCount()).isGreaterThan(PhraseAutomaton.DENSE_CELLS / 46);
    assertThat(LFI_DEFAULT.tableBytes() - LFI_SPARSE.tableBytes())
        .isLessThanOrEqualTo(4L * PhraseAutomaton.DENSE_CELLS);
  }

  @Provide
  Arbitrary<String> crsShaped() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(LFI).map(p -> p.substring(0, Math.max(1, p.length() - 1))),
            Arbitraries.of(LFI),
            Arbitraries.of("/", "..", "etc", "ETC/", "passwd", " ", "x", "\\", "\u0100"));
    return piece.list().ofMaxSize(8).map(parts -> String.join("", parts));
  }

  @Property(tries = 500)
  void crsPhrasesFoundAlikeWithAndWithoutRows(@ForAll("crsShaped") String input) {
    assertThat(LFI_DEFAULT.find(input)).isEqualTo(LFI_SPARSE.find(input));
  }

  @Provide
  Arbitrary<List<String>> phraseLists() {
    return Arbitraries.strings()
        .withChars("abAB\u0000\u00ff")
        .ofMinLength(1)
        .ofMaxLength(5)
        .list()
        .ofMinSize(1)
        .ofMaxSize(12);
  }

  @Provide
  Arbitrary<String> inputs() {
    return Arbitraries.strings().withChars("abABc\u0000\u00ff").ofMaxLength(40);
  }
}
