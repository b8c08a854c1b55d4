package dev.tdeveloper.security.waf.transform;

import static dev.tdeveloper.security.waf.transform.Tfn.check;
import static dev.tdeveloper.security.waf.transform.Tfn.unchanged;

import org.junit.jupiter.api.Test;

class PathNormalizerTest {
  /** Input and expected output pairs from the ModSecurity language tests for normalisePath. */
  private static final String[][] CASES = {
    {"", ""},
    {"/foo/bar/baz", "/foo/bar/baz"},
    {"/foo/bar\0/baz", "/foo/bar\0/baz"},
    {"x", "x"},
    {".", ""},
    {"./", ""},
    {"./..", ".."},
    {"./../", "../"},
    {"..", ".."},
    {"../", "../"},
    {"../.", ".."},
    {".././", "../"},
    {"../..", "../.."},
    {"../../", "../../"},
    {"/dir/foo//bar", "/dir/foo/bar"},
    {"dir/foo//bar/", "dir/foo/bar/"},
    {"dir/../foo", "foo"},
    {"dir/../../foo", "../foo"},
    {"dir/./.././../../foo/bar", "../../foo/bar"},
    {"dir/./.././../../foo/bar/.", "../../foo/bar"},
    {"dir/./.././../../foo/bar/./", "../../foo/bar/"},
    {"dir/./.././../../foo/bar/..", "../../foo"},
    {"dir/./.././../../foo/bar/../", "../../foo/"},
    {"dir/./.././../../foo/bar/", "../../foo/bar/"},
    {"dir//.//..//.//..//..//foo//bar", "../../foo/bar"},
    {"dir//.//..//.//..//..//foo//bar//", "../../foo/bar/"},
    {"dir/subdir/subsubdir/subsubsubdir/../../..", "dir"},
    {"dir/./subdir/./subsubdir/./subsubsubdir/../../..", "dir"},
    {"dir/./subdir/../subsubdir/../subsubsubdir/..", "dir"},
    {"/dir/./subdir/../subsubdir/../subsubsubdir/../", "/dir/"},
    {"/./.././../../../../../../../\0/../etc/./passwd", "/etc/passwd"},
  };

  @Test
  void normalizePathMatchesTheModSecurityLanguageTests() {
    for (String[] c : CASES) {
      check("normalizePath", c[0], c[1]);
      check("normalisePath", c[0], c[1]);
    }
  }

  @Test
  void normalizePathWinMatchesTheSameCasesWithBackslashes() {
    for (String[] c : CASES) {
      check("normalizePathWin", c[0].replace('/', '\\'), c[1]);
      check("normalisePathWin", c[0], c[1]);
    }
  }

  @Test
  void normalizePathLeavesBackslashesAlone() {
    check("normalizePath", "\\foo\\..\\bar", "\\foo\\..\\bar");
    check("normalizePathWin", "\\foo\\..\\bar", "/bar");
  }

  @Test
  void normalizePathCatchesTraversalAttempts() {
    check("normalizePath", "/var/www/../../etc/passwd", "/etc/passwd");
    check("normalizePath", "/a/b/c/../../../../../etc", "/etc");
    check("normalizePathWin", "C:\\inetpub\\..\\..\\windows\\win.ini", "windows/win.ini");
  }

  @Test
  void normalizePathReturnsTheInputWhenAlreadyNormal() {
    unchanged("normalizePath", "/foo/bar/baz");
    unchanged("normalizePath", "no-slash");
    unchanged("normalizePathWin", "/foo/bar.txt");
  }
}
