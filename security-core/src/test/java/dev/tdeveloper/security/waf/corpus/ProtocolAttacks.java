package dev.tdeveloper.security.waf.corpus;

import java.util.List;

/**
 * Hand-built attack requests whose point is the request's shape rather than one payload: protocol
 * violations (920/921), request smuggling, scanner fingerprints (913) and session fixation (943).
 *
 * <p>Some protocol rules are WARNING severity (3 points): a request that trips only one of them is
 * expected to match but stay below the blocking threshold of 5, as CRS intends.
 */
final class ProtocolAttacks {

  private ProtocolAttacks() {}

  static void addTo(AttackCorpus c) {
    protocol(c);
    smuggling(c);
    scanner(c);
    session(c);
  }

  private static void protocol(AttackCorpus c) {
    String f = "protocol";
    add(c, f, "920170", 1, Http.request("GET", "/api/v1/items").rawBody("id=1&debug=true"));
    add(
        c,
        f,
        "920171",
        1,
        Http.request("GET", "/api/v1/items").header("Transfer-Encoding", "chunked"));
    add(c, f, "920160", 1, Http.request("GET", "/api/v1/items").header("Content-Length", "1e3"));
    add(c, f, "920430", 1, Http.request("GET", "/api/v1/items").version("HTTP/3.0"));
    add(c, f, "920430", 1, Http.request("GET", "/api/v1/items").version("HTTP/0.9"));
    add(c, f, "920440", 1, Http.request("GET", "/backup/db.sql"));
    add(c, f, "920440", 1, Http.request("GET", "/site/settings.bak"));
    add(c, f, "920440", 1, Http.request("GET", "/app/web.config"));
    add(c, f, "920440", 1, Http.request("GET", "/logs/error.log"));
    add(c, f, "920500", 1, Http.request("GET", "/index.php~"));
    add(
        c,
        f,
        "920450",
        1,
        Http.request("GET", "/api/v1/items").header("Proxy", "http://evil.example:8080"));
    add(
        c,
        f,
        "920450",
        1,
        Http.request("GET", "/api/v1/items").header("Lock-Token", "<opaquelocktoken:1>"));
    add(
        c,
        f,
        "920420",
        1,
        Http.request("POST", "/api/v1/items").body("application/x-evil", "id=1"));
    add(
        c,
        f,
        "920480",
        1,
        Http.request("POST", "/api/v1/items").body("application/json; charset=utf-7", "{}"));
    add(c, f, "920270", 1, Http.request("GET", "/api/v1/files?name=report.pdf%00.php"));
    add(
        c,
        f,
        "920620",
        1,
        Http.request("POST", "/api/v1/items")
            .body("application/json", "{\"a\":1}")
            .header("Content-Type", "text/plain"));
    add(c, f, "911100", 1, Http.request("TRACE", "/api/v1/items"));
    add(c, f, "911100", 1, Http.request("PROPFIND", "/api/v1/items"));
    add(c, f, "911100", 1, Http.request("DEBUG", "/default.aspx"));
    add(
        c,
        f,
        "921120,921160",
        1,
        Http.request("GET", "/api/v1/redirect?to=x%0d%0aSet-Cookie:%20admin=1"));
    add(
        c,
        f,
        "921130",
        1,
        Http.request("GET", "/api/v1/redirect?to=x%0d%0a%0d%0aHTTP/1.1%20200%20OK%0d%0a<html>"));
    add(c, f, "921150", 1, Http.request("GET", "/api/v1/items?na%0d%0ame=1"));
    add(c, f, "921200", 1, Http.request("GET", "/api/v1/users?uid=*)(uid=*))(|(uid=*"));
    add(
        c,
        f,
        "921140",
        1,
        Http.request("GET", "/api/v1/items").header("X-Note", "a\nX-Injected: 1"));
    // WARNING-only shapes: expected to match, not to block on their own.
    add(c, f, "920220", 1, Http.request("GET", "/api/v1/search?q=%zz%"));
    add(
        c,
        f,
        "920280",
        1,
        Http.bare("GET", "/api/v1/items").header("Accept", "*/*").header("User-Agent", "x/1"));
    add(c, f, "920350", 1, Http.request("GET", "/api/v1/items").replace("Host", "10.0.0.12"));
    add(c, f, "920260", 1, Http.request("GET", "/api/v1/search?q=%uff1cscript%uff1e"));
  }

  private static void smuggling(AttackCorpus c) {
    String f = "smuggling";
    add(
        c,
        f,
        "921110",
        1,
        Http.request("POST", "/api/v1/items")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Transfer-Encoding", "chunked")
            .rawBody("0\r\n\r\nGET /admin HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    add(
        c,
        f,
        "921110",
        1,
        Http.request("POST", "/api/v1/items")
            .body("application/x-www-form-urlencoded", "a=1&b=%0d%0aPOST%20/login%20HTTP/1.1"));
    add(
        c,
        f,
        "920170",
        1,
        Http.request("GET", "/").rawBody("GET /admin HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    add(
        c,
        f,
        "920181",
        1,
        Http.request("POST", "/api/v1/items")
            .header("Transfer-Encoding", "xchunked")
            .body("application/x-www-form-urlencoded", "a=1"));
    add(c, f, "921110", 1, Http.request("GET", "/api/v1/proxy?x=GET%20/admin%20HTTP/1.1"));
    add(
        c,
        f,
        "920171",
        1,
        Http.request("HEAD", "/api/v1/items").header("Transfer-Encoding", "chunked"));
    add(
        c,
        f,
        "921110",
        1,
        Http.request("POST", "/api/v1/notes")
            .body(
                "application/json",
                "{\"note\":\"x\\r\\n\\r\\nPOST /api/v1/admin HTTP/1.1\\r\\nHost: internal\"}"));
    add(
        c,
        f,
        "921110",
        1,
        Http.request("POST", "/api/v1/items")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Transfer-Encoding", "chunked")
            .rawBody("5c\r\nGPOST / HTTP/1.1\r\nContent-Length: 15\r\n\r\nx=1\r\n0\r\n\r\n"));
    add(
        c,
        f,
        "921110",
        1,
        Http.request("POST", "/api/v1/items")
            .body(
                "application/x-www-form-urlencoded",
                "q=x&smuggled=%0d%0aDELETE%20/api/v1/users/1%20HTTP/1.1%0d%0aHost:%20api"));
  }

  private static void scanner(AttackCorpus c) {
    String f = "scanner";
    List<String> agents =
        List.of(
            "sqlmap/1.7.2#stable (https://sqlmap.org)",
            "Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:000001)",
            "Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)",
            "masscan/1.3 (https://github.com/robertdavidgraham/masscan)",
            "WPScan v3.8.22 (https://wpscan.com/wordpress-security-scanner)",
            "Nuclei - Open-source project (github.com/projectdiscovery/nuclei)",
            "gobuster/3.6",
            "Fuzz Faster U Fool v2.1.0-dev",
            "Wfuzz/3.1.0",
            "commix/v3.8-stable (https://commixproject.com)",
            "OpenVAS-VT 22.4.1",
            "Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 5.1; Trident/4.0) Havij");
    for (String ua : agents) {
      add(c, f, "913100", 1, Http.request("GET", "/api/v1/items?id=1").replace("User-Agent", ua));
    }
    add(
        c,
        f,
        "913110",
        1,
        Http.request("GET", "/")
            .header("Acunetix-Product", "WVS/14.0 (Acunetix Web Vulnerability Scanner)"));
    add(c, f, "913110", 1, Http.request("GET", "/").header("X-Scanner", "Netsparker Enterprise"));
    add(c, f, "913120", 1, Http.request("GET", "/nessustest"));
    add(c, f, "913120", 1, Http.request("GET", "/acunetix-wvs-test-for-some-inexistent-file"));
    add(c, f, "913120", 1, Http.request("GET", "/w00tw00t.at.ISC.SANS.DFind:)"));
    add(
        c,
        f,
        "913101",
        2,
        Http.request("GET", "/api/v1/items").replace("User-Agent", "python-requests/2.31.0"));
    add(
        c,
        f,
        "913101",
        2,
        Http.request("GET", "/api/v1/items").replace("User-Agent", "libwww-perl/6.67"));
  }

  private static void session(AttackCorpus c) {
    String f = "session";
    add(c, f, "943120", 1, Http.request("GET", "/login?PHPSESSID=9f1c2e7a4b3d5f60"));
    add(
        c,
        f,
        "943110",
        1,
        Http.request("GET", "/app/home?jsessionid=A1B2C3D4E5F6")
            .header("Referer", "https://evil.example/lure.html"));
    add(c, f, "943120", 1, Http.request("GET", "/?session_id=deadbeefcafe"));
    add(
        c,
        f,
        "943100",
        1,
        Http.request(
            "GET",
            "/api/v1/search?q="
                + Http.enc(
                    "<script>document.cookie=\"SID=attacker; expires=Fri, 31 Dec 2032 23:59:59 GMT;"
                        + " path=/\"</script>")));
    add(
        c,
        f,
        "943100",
        1,
        Http.request(
            "GET",
            "/api/v1/search?q="
                + Http.enc("<meta http-equiv=\"Set-Cookie\" content=\"sid=evil\">")));
    add(
        c,
        f,
        "943120",
        1,
        Http.request("POST", "/login")
            .body("application/x-www-form-urlencoded", "user=bob&aspsessionid=ABCDEFGH"));
    add(
        c,
        f,
        "943110",
        1,
        Http.request("GET", "/portal?cftoken=1234567")
            .header("Referer", "http://phish.example/x/"));
    add(
        c,
        f,
        "943100",
        1,
        Http.request("POST", "/api/v1/notes")
            .body("application/json", "{\"text\":\"x.cookie=1; domain=.example.com\"}"));
  }

  private static void add(AttackCorpus c, String family, String expect, int pl, Http request) {
    c.add(family, request, List.of(expect.split(",")), pl);
  }
}
