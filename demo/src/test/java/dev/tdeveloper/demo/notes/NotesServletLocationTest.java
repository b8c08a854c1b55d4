package dev.tdeveloper.demo.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Location of a created note: the request URI without its trailing slash, then the id. */
class NotesServletLocationTest {
  @Test
  void dropsOneTrailingSlashAsTheRegexDid() {
    for (String uri :
        List.of("/notes", "/notes/", "/notes//", "/", "", "/a/notes/", "/notes/x", "//")) {
      assertThat(NotesServlet.withoutTrailingSlash(uri))
          .as("'%s'", uri)
          .isEqualTo(uri.replaceAll("/$", ""));
    }
  }
}
