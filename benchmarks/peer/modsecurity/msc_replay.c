/*
 * msc_replay: runs requests in our replay JSON-lines format (docs/waf-replay.md) through
 * libmodsecurity3, the C API of ModSecurity v3, so that fidelity.sh can compare its matched rule ids
 * with those of dev.tdeveloper.security.waf.replay.WafReplay on the same CRS and setup.
 *
 *   msc_replay -r rules.conf [-r more.conf ...] requests.jsonl
 *
 * Each request runs as WafReplay runs it: connection (REMOTE_ADDR from "remoteAddr" or 192.0.2.10,
 * client port 40000, server 127.0.0.1:80), URI, headers in order, phase 1, body and phase 2 unless
 * phase 1 interrupted, then logging (phase 5). One tab-separated line per request on stdout:
 *
 *   line  id  decision  status  interrupting-rule  score  matched-ids(comma-separated)
 *
 * "matched" are the rule ids of the messages sent to the log callback (rules that log), in order,
 * then the interrupting rule (whose message libmodsecurity3 puts into the intervention instead).
 * libmodsecurity3 3.0.9 sends no phase 5 message to the log callback, so phase 5 matches (CRS's
 * 980xxx) are not seen here; fidelity.sh leaves them out on both sides.
 * "score" is the logdata of the rule with SCORE_RULE_ID (fidelity.sh adds it in phase 2, just before
 * REQUEST-949-BLOCKING-EVALUATION.conf, to read tx.anomaly_score_pl1..pl4, as libmodsecurity3's C
 * API cannot read collections): their sum, which is the tx.anomaly_score rules 949060-949066 compute
 * and WafTransaction#inboundScore() reports; that rule is not listed.
 * The JSON reader is a small one for this flat format: objects, arrays, strings with every JSON
 * escape (\uXXXX as UTF-8, surrogate pairs joined), numbers, true, false and null.
 */
#include <modsecurity/intervention.h>
#include <modsecurity/modsecurity.h>
#include <modsecurity/rules_set.h>
#include <modsecurity/transaction.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCORE_RULE_ID "1999901"
#define MAX_HEADERS 256
#define MAX_IDS 1024

typedef struct {
  char *data;
  size_t len;
} Str;

typedef struct {
  Str id, method, uri, version, body, remote;
  int has_body, body_is_base64;
  Str names[MAX_HEADERS], values[MAX_HEADERS];
  int header_count;
} Request;

typedef struct {
  const char *p, *end;
  const char *error;
} Parser;

/* Matched ids and the score, collected by the log callback of the current transaction. */
static long matched[MAX_IDS];
static int matched_count;
static long score;

static void skip_ws(Parser *ps) {
  while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\r' || *ps->p == '\n'))
    ps->p++;
}

static int hex4(const char *s) {
  int v = 0;
  for (int i = 0; i < 4; i++) {
    char c = s[i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= c - '0';
    else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
    else return -1;
  }
  return v;
}

static void put_utf8(Str *out, unsigned cp) {
  char *o = out->data + out->len;
  if (cp < 0x80) {
    o[0] = (char)cp;
    out->len += 1;
  } else if (cp < 0x800) {
    o[0] = (char)(0xC0 | (cp >> 6));
    o[1] = (char)(0x80 | (cp & 0x3F));
    out->len += 2;
  } else if (cp < 0x10000) {
    o[0] = (char)(0xE0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
    out->len += 3;
  } else {
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    out->len += 4;
  }
}

/* Parses a JSON string at ps->p into a fresh buffer (the decoded bytes never outgrow the source). */
static int parse_string(Parser *ps, Str *out) {
  if (ps->p >= ps->end || *ps->p != '"') return ps->error = "string expected", 0;
  ps->p++;
  out->data = malloc((size_t)(ps->end - ps->p) + 4);
  out->len = 0;
  while (ps->p < ps->end && *ps->p != '"') {
    char c = *ps->p++;
    if (c != '\\') {
      out->data[out->len++] = c;
      continue;
    }
    if (ps->p >= ps->end) break;
    c = *ps->p++;
    switch (c) {
      case 'b': out->data[out->len++] = '\b'; break;
      case 'f': out->data[out->len++] = '\f'; break;
      case 'n': out->data[out->len++] = '\n'; break;
      case 'r': out->data[out->len++] = '\r'; break;
      case 't': out->data[out->len++] = '\t'; break;
      case 'u': {
        if (ps->end - ps->p < 4) return ps->error = "short \\u escape", 0;
        int cp = hex4(ps->p);
        if (cp < 0) return ps->error = "bad \\u escape", 0;
        ps->p += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && ps->end - ps->p >= 6 && ps->p[0] == '\\' &&
            ps->p[1] == 'u') {
          int lo = hex4(ps->p + 2);
          if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            ps->p += 6;
          }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD; /* lone surrogate, as Java's UTF-8 reader */
        put_utf8(out, (unsigned)cp);
        break;
      }
      default: out->data[out->len++] = c; break; /* \" \\ \/ */
    }
  }
  if (ps->p >= ps->end) return ps->error = "unterminated string", 0;
  ps->p++;
  out->data[out->len] = '\0';
  return 1;
}

static int skip_value(Parser *ps);

static int skip_container(Parser *ps, char close) {
  ps->p++;
  skip_ws(ps);
  if (ps->p < ps->end && *ps->p == close) return ps->p++, 1;
  for (;;) {
    if (close == '}') {
      Str key;
      if (!parse_string(ps, &key)) return 0;
      free(key.data);
      skip_ws(ps);
      if (ps->p >= ps->end || *ps->p++ != ':') return ps->error = "':' expected", 0;
    }
    if (!skip_value(ps)) return 0;
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == ',') {
      ps->p++;
      skip_ws(ps);
      continue;
    }
    if (ps->p < ps->end && *ps->p == close) return ps->p++, 1;
    return ps->error = "',' or end of container expected", 0;
  }
}

static int skip_value(Parser *ps) {
  skip_ws(ps);
  if (ps->p >= ps->end) return ps->error = "value expected", 0;
  char c = *ps->p;
  if (c == '"') {
    Str s;
    if (!parse_string(ps, &s)) return 0;
    free(s.data);
    return 1;
  }
  if (c == '{') return skip_container(ps, '}');
  if (c == '[') return skip_container(ps, ']');
  while (ps->p < ps->end && strchr(",}] \t\r\n", *ps->p) == NULL) ps->p++; /* literal or number */
  return 1;
}

/* A string, or a number/literal copied as text (ids may be integers); null leaves *out empty. */
static int parse_scalar(Parser *ps, Str *out) {
  skip_ws(ps);
  if (ps->p < ps->end && *ps->p == '"') return parse_string(ps, out);
  const char *start = ps->p;
  if (!skip_value(ps)) return 0;
  size_t n = (size_t)(ps->p - start);
  if (n == 4 && strncmp(start, "null", 4) == 0) return 1;
  out->data = malloc(n + 1);
  memcpy(out->data, start, n);
  out->data[n] = '\0';
  out->len = n;
  return 1;
}

static int parse_headers(Parser *ps, Request *r) {
  skip_ws(ps);
  if (ps->p < ps->end && *ps->p == 'n') return skip_value(ps); /* null */
  if (ps->p >= ps->end || *ps->p != '[') return ps->error = "headers: list expected", 0;
  ps->p++;
  skip_ws(ps);
  if (ps->p < ps->end && *ps->p == ']') return ps->p++, 1;
  for (;;) {
    skip_ws(ps);
    if (ps->p >= ps->end || *ps->p++ != '[') return ps->error = "header: pair expected", 0;
    if (r->header_count == MAX_HEADERS) return ps->error = "too many headers", 0;
    skip_ws(ps);
    if (!parse_string(ps, &r->names[r->header_count])) return 0;
    skip_ws(ps);
    if (ps->p >= ps->end || *ps->p++ != ',') return ps->error = "header: ',' expected", 0;
    skip_ws(ps);
    if (!parse_string(ps, &r->values[r->header_count])) return 0;
    r->header_count++;
    skip_ws(ps);
    if (ps->p >= ps->end || *ps->p++ != ']') return ps->error = "header: ']' expected", 0;
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == ',') {
      ps->p++;
      continue;
    }
    if (ps->p < ps->end && *ps->p == ']') return ps->p++, 1;
    return ps->error = "headers: ',' or ']' expected", 0;
  }
}

static int parse_request(Parser *ps, Request *r) {
  skip_ws(ps);
  if (ps->p >= ps->end || *ps->p++ != '{') return ps->error = "object expected", 0;
  skip_ws(ps);
  if (ps->p < ps->end && *ps->p == '}') return 1;
  for (;;) {
    Str key;
    skip_ws(ps);
    if (!parse_string(ps, &key)) return 0;
    skip_ws(ps);
    if (ps->p >= ps->end || *ps->p++ != ':') return free(key.data), ps->error = "':' expected", 0;
    int ok;
    if (strcmp(key.data, "id") == 0) ok = parse_scalar(ps, &r->id);
    else if (strcmp(key.data, "method") == 0) ok = parse_scalar(ps, &r->method);
    else if (strcmp(key.data, "uri") == 0) ok = parse_scalar(ps, &r->uri);
    else if (strcmp(key.data, "version") == 0) ok = parse_scalar(ps, &r->version);
    else if (strcmp(key.data, "remoteAddr") == 0) ok = parse_scalar(ps, &r->remote);
    else if (strcmp(key.data, "headers") == 0) ok = parse_headers(ps, r);
    else if (strcmp(key.data, "body") == 0) ok = parse_scalar(ps, &r->body), r->has_body = 1;
    else if (strcmp(key.data, "bodyBase64") == 0)
      ok = parse_scalar(ps, &r->body), r->has_body = 1, r->body_is_base64 = 1;
    else ok = skip_value(ps); /* family, expect, note, pl: annotations */
    free(key.data);
    if (!ok) return 0;
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == ',') {
      ps->p++;
      continue;
    }
    if (ps->p < ps->end && *ps->p == '}') return 1;
    return ps->error = "',' or '}' expected", 0;
  }
}

static int b64(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

static void base64_decode(Str *s) {
  size_t out = 0;
  unsigned acc = 0;
  int bits = 0;
  for (size_t i = 0; i < s->len; i++) {
    int v = b64(s->data[i]);
    if (v < 0) continue; /* padding */
    acc = (acc << 6) | (unsigned)v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      s->data[out++] = (char)((acc >> bits) & 0xFF);
    }
  }
  s->len = out;
}

/* Parses "[id \"N\"]" out of a ModSecurity message; 0 when absent. */
static long rule_id_of(const char *text) {
  const char *at = text == NULL ? NULL : strstr(text, "[id \"");
  return at == NULL ? 0 : strtol(at + 5, NULL, 10);
}

static void on_log(void *data, const void *message) {
  (void)data;
  const char *text = message;
  long id = rule_id_of(text);
  if (id == atol(SCORE_RULE_ID)) {
    const char *d = strstr(text, "[data \"");
    score = 0;
    if (d != NULL) { /* "pl1,pl2,pl3,pl4" (unset ones empty) */
      char *next = (char *)d + 7;
      for (int pl = 0; pl < 4; pl++) {
        score += strtol(next, &next, 10);
        if (*next != ',') break;
        next++;
      }
    }
    return;
  }
  if (id != 0 && matched_count < MAX_IDS) matched[matched_count++] = id;
}

static int interrupted(Transaction *t, ModSecurityIntervention *it) {
  int was = msc_intervention(t, it);
  return was;
}

static void print_field(const Str *s) {
  for (size_t i = 0; s->data != NULL && i < s->len; i++) {
    char c = s->data[i];
    putchar(c == '\t' || c == '\n' ? ' ' : c);
  }
  if (s->data == NULL) fputs("null", stdout);
}

static void replay(ModSecurity *msc, RulesSet *rules, long line, Request *r) {
  matched_count = 0;
  score = 0;
  Transaction *t = msc_new_transaction(msc, rules, NULL);
  msc_process_connection(t, r->remote.data != NULL ? r->remote.data : "192.0.2.10", 40000,
                         "127.0.0.1", 80);
  const char *version = r->version.data != NULL ? r->version.data : "HTTP/1.1";
  if (strncmp(version, "HTTP/", 5) == 0) version += 5; /* libmodsecurity3 prefixes "HTTP/" */
  msc_process_uri(t, r->uri.data, r->method.data, version);
  for (int h = 0; h < r->header_count; h++) {
    msc_add_n_request_header(t, (const unsigned char *)r->names[h].data, r->names[h].len,
                             (const unsigned char *)r->values[h].data, r->values[h].len);
  }
  msc_process_request_headers(t);
  ModSecurityIntervention it = {200, 0, NULL, NULL, 0};
  int hit = interrupted(t, &it);
  if (!hit) {
    if (r->has_body && r->body.len > 0)
      msc_append_request_body(t, (const unsigned char *)r->body.data, r->body.len);
    msc_process_request_body(t);
    hit = interrupted(t, &it);
  }
  msc_process_logging(t);
  const char *decision = !hit ? "pass" : it.url != NULL ? "redirect" : "deny";
  long interrupting = hit ? rule_id_of(it.log) : 0;
  /* The interrupting rule's message goes to the intervention, not to the log callback. */
  if (interrupting != 0 && matched_count < MAX_IDS) matched[matched_count++] = interrupting;
  printf("%ld\t", line);
  print_field(&r->id);
  printf("\t%s\t%d\t%ld\t%ld\t", decision, hit ? it.status : 0, interrupting,
         score);
  for (int i = 0; i < matched_count; i++) printf(i == 0 ? "%ld" : ",%ld", matched[i]);
  putchar('\n');
  free(it.log);
  free(it.url);
  msc_transaction_cleanup(t);
}

static void free_request(Request *r) {
  free(r->id.data);
  free(r->method.data);
  free(r->uri.data);
  free(r->version.data);
  free(r->body.data);
  free(r->remote.data);
  for (int h = 0; h < r->header_count; h++) free(r->names[h].data), free(r->values[h].data);
}

int main(int argc, char **argv) {
  const char *rule_files[64];
  int rule_count = 0;
  const char *input = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-r") == 0 && i + 1 < argc && rule_count < 64) rule_files[rule_count++] = argv[++i];
    else input = argv[i];
  }
  if (rule_count == 0 || input == NULL) {
    fprintf(stderr, "usage: msc_replay -r rules.conf [-r more.conf ...] requests.jsonl\n");
    return 2;
  }
  ModSecurity *msc = msc_init();
  msc_set_connector_info(msc, "tdeveloper msc_replay");
  msc_set_log_cb(msc, on_log);
  RulesSet *rules = msc_create_rules_set();
  for (int f = 0; f < rule_count; f++) {
    const char *error = NULL;
    if (msc_rules_add_file(rules, rule_files[f], &error) < 0) {
      fprintf(stderr, "msc_replay: %s: %s\n", rule_files[f], error == NULL ? "" : error);
      return 3;
    }
  }
  fprintf(stderr, "msc_replay: %s\n", msc_who_am_i(msc));
  FILE *in = fopen(input, "r");
  if (in == NULL) {
    perror(input);
    return 3;
  }
  char *text = NULL;
  size_t cap = 0;
  ssize_t n;
  long line = 0;
  int status = 0;
  while ((n = getline(&text, &cap, in)) >= 0) {
    line++;
    Parser ps = {text, text + n, NULL};
    skip_ws(&ps);
    if (ps.p == ps.end) continue;
    Request r;
    memset(&r, 0, sizeof r);
    if (!parse_request(&ps, &r) || r.method.data == NULL || r.uri.data == NULL) {
      fprintf(stderr, "msc_replay: line %ld: %s\n", line, ps.error ? ps.error : "method/uri missing");
      status = 1;
    } else {
      if (r.body_is_base64) base64_decode(&r.body);
      replay(msc, rules, line, &r);
    }
    free_request(&r);
  }
  free(text);
  fclose(in);
  msc_rules_cleanup(rules);
  msc_cleanup(msc);
  return status;
}
