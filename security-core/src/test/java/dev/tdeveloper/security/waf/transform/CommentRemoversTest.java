package dev.tdeveloper.security.waf.transform;

import static dev.tdeveloper.security.waf.transform.Tfn.check;
import static dev.tdeveloper.security.waf.transform.Tfn.unchanged;

import org.junit.jupiter.api.Test;

class CommentRemoversTest {
  @Test
  void removeCommentsDeletesCAndHtmlComments() {
    check("removeComments", "/* TestCase */", "");
    check("removeComments", "Before/* TestCase */After", "BeforeAfter");
    check("removeComments", "Before/* T*/ /* e */ /* s */ /* t */\r\nCase ", "Before   \r\nCase ");
    check("removeComments", "Before /* */ ops */ Test\nCase ", "Before  ops */ Test\nCase ");
    check("removeComments", "SELECT/**//**/UNION", "SELECTUNION");
    check("removeComments", "foo<!-- comment 1 --><!-- comment 2 -->bar", "foobar");
    check("removeComments", "a/*b*/", "a");
    unchanged("removeComments", "Before TestCase */ After");
  }

  @Test
  void removeCommentsTurnsAnUnterminatedCommentIntoASpace() {
    check("removeComments", "/*Before/* Test\r\nCase ", " ");
    check("removeComments", "Before /* Test\nCase ", "Before  ");
    check("removeComments", "x<!-- y", "x ");
  }

  @Test
  void removeCommentsCutsAtDoubleDashAndHash() {
    check("removeComments", "1 OR 1=1-- comment", "1 OR 1=1");
    check("removeComments", "1 OR 1=1# comment", "1 OR 1=1");
    check("removeComments", "a-b", "a-b");
  }

  @Test
  void removeCommentsCharDeletesOnlyTheMarkers() {
    check("removeCommentsChar", "UNI/**/ON SEL/*x*/ECT", "UNION SELxECT");
    check("removeCommentsChar", "a<!--b-->c--d#e", "abcde");
    check("removeCommentsChar", "a*/b", "ab");
    check("removeCommentsChar", "-", "-");
    unchanged("removeCommentsChar", "plain text");
  }

  @Test
  void replaceCommentsReplacesEachCCommentWithASpace() {
    check("replaceComments", "UNION/**/SELECT", "UNION SELECT");
    check("replaceComments", "a/*b*/c/*d", "a c ");
    check("replaceComments", "/* TestCase */", " ");
    check("replaceComments", "a*/b", "a*/b");
    check("replaceComments", "a<!--b-->", "a<!--b-->");
    unchanged("replaceComments", "Before TestCase */ After");
  }
}
