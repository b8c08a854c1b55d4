/*
 * msc_bench: drives libmodsecurity3 (the C API of ModSecurity v3) through whole transactions, the
 * peer of dev.tdeveloper.benchmarks.waf.WafBenchmark.
 *
 *   msc_bench [-n transactions] [-i rounds] [-w warmup] -r rules.conf [-r more.conf ...] req.http ...
 *
 * Rule files are added in the order given (build.sh passes the CRS in owasp-crs.load order after
 * preamble.conf). Each request file is one HTTP/1.1 request as WafRequests writes it: the request
 * line, header lines, an empty line, the body (the rest of the file, byte for byte).
 *
 * Per request: `warmup` transactions, then `rounds` rounds of `transactions` each. A transaction is
 * what a connector does: connection, URI, headers, phase 1, body, phase 2, logging (phase 5),
 * stopping before the next step once an intervention is pending, as connectors do. Printed: the
 * load time, then per request the decision and the mean microseconds per transaction with the
 * standard deviation over rounds (a JMH-like error bar), the rounds' min and max (all wall-clock
 * time, as JMH measures), and the mean CPU time of this thread per transaction.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <modsecurity/intervention.h>
#include <modsecurity/modsecurity.h>
#include <modsecurity/rules_set.h>
#include <modsecurity/transaction.h>

#define MAX_HEADERS 64
#define MAX_RULE_FILES 64

typedef struct {
  const char *file;
  char *method;
  char *uri;
  char *version; /* "1.1" from "HTTP/1.1" */
  int header_count;
  char *names[MAX_HEADERS];
  char *values[MAX_HEADERS];
  unsigned char *body;
  size_t body_length;
} request;

typedef struct {
  int status;
  int disruptive;
  long log_lines;
} outcome;

static void die(const char *what, const char *detail) {
  fprintf(stderr, "msc_bench: %s: %s\n", what, detail == NULL ? "" : detail);
  exit(1);
}

static double micros(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static double now_micros(void) { return micros(CLOCK_MONOTONIC); }

/* CPU time of this thread: what the transactions cost when other processes share the cores. */
static double cpu_micros(void) { return micros(CLOCK_THREAD_CPUTIME_ID); }

/* The log callback counts the rule messages ModSecurity would write to the server's error log. */
static void count_log(void *data, const void *message) {
  (void)message;
  if (data != NULL) {
    ((outcome *)data)->log_lines++;
  }
}

static char *read_file(const char *path, size_t *length) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    die(path, strerror(errno));
  }
  size_t capacity = 4096, used = 0;
  char *buffer = malloc(capacity + 1);
  size_t n;
  while ((n = fread(buffer + used, 1, capacity - used, f)) > 0) {
    used += n;
    if (used == capacity) {
      capacity *= 2;
      buffer = realloc(buffer, capacity + 1);
    }
  }
  fclose(f);
  buffer[used] = '\0';
  *length = used;
  return buffer;
}

/* Cuts the next line (without \r\n) off *cursor; NULL at the end of the head. */
static char *next_line(char **cursor, char *end) {
  if (*cursor >= end) {
    return NULL;
  }
  char *line = *cursor;
  char *nl = memchr(line, '\n', (size_t)(end - line));
  if (nl == NULL) {
    *cursor = end;
    return line;
  }
  *nl = '\0';
  if (nl > line && nl[-1] == '\r') {
    nl[-1] = '\0';
  }
  *cursor = nl + 1;
  return line;
}

static void parse_request(const char *path, request *r) {
  size_t length;
  char *text = read_file(path, &length);
  char *end = text + length;
  char *cursor = text;
  memset(r, 0, sizeof(*r));
  r->file = path;
  char *line = next_line(&cursor, end);
  if (line == NULL) {
    die(path, "empty request file");
  }
  r->method = strtok(line, " ");
  r->uri = strtok(NULL, " ");
  char *protocol = strtok(NULL, " ");
  if (r->method == NULL || r->uri == NULL || protocol == NULL || strncmp(protocol, "HTTP/", 5)) {
    die(path, "first line must be: METHOD URI HTTP/x.y");
  }
  r->version = protocol + 5;
  while ((line = next_line(&cursor, end)) != NULL && *line != '\0') {
    char *colon = strchr(line, ':');
    if (colon == NULL || r->header_count == MAX_HEADERS) {
      die(path, "bad header line or too many headers");
    }
    *colon = '\0';
    char *value = colon + 1;
    while (*value == ' ' || *value == '\t') {
      value++;
    }
    r->names[r->header_count] = line;
    r->values[r->header_count] = value;
    r->header_count++;
  }
  r->body = (unsigned char *)cursor;
  r->body_length = cursor < end ? (size_t)(end - cursor) : 0;
}

/* Returns whether an intervention is pending; records it in *o. */
static int intervened(Transaction *t, outcome *o) {
  ModSecurityIntervention it = {200, 0, NULL, NULL, 0};
  int pending = msc_intervention(t, &it);
  if (it.url != NULL) {
    free(it.url);
  }
  if (it.log != NULL) {
    free(it.log);
  }
  if (pending && it.disruptive) {
    o->status = it.status;
    o->disruptive = 1;
    return 1;
  }
  return 0;
}

static void run_transaction(ModSecurity *msc, RulesSet *rules, const request *r, outcome *o) {
  o->status = 200;
  o->disruptive = 0;
  Transaction *t = msc_new_transaction(msc, rules, o);
  msc_process_connection(t, "203.0.113.9", 40000, "10.0.0.1", 8080);
  msc_process_uri(t, r->uri, r->method, r->version);
  int stop = intervened(t, o);
  if (!stop) {
    for (int h = 0; h < r->header_count; h++) {
      msc_add_request_header(t, (const unsigned char *)r->names[h],
                             (const unsigned char *)r->values[h]);
    }
    msc_process_request_headers(t);
    stop = intervened(t, o);
  }
  if (!stop) {
    if (r->body_length > 0) {
      msc_append_request_body(t, r->body, r->body_length);
    }
    msc_process_request_body(t);
    intervened(t, o);
  }
  msc_process_logging(t);
  msc_transaction_cleanup(t);
}

int main(int argc, char **argv) {
  long transactions = 20000, rounds = 5, warmup = 5000;
  const char *rule_files[MAX_RULE_FILES];
  int rule_file_count = 0;
  int first_request = argc;
  for (int a = 1; a < argc; a++) {
    if (!strcmp(argv[a], "-n") && a + 1 < argc) {
      transactions = atol(argv[++a]);
    } else if (!strcmp(argv[a], "-i") && a + 1 < argc) {
      rounds = atol(argv[++a]);
    } else if (!strcmp(argv[a], "-w") && a + 1 < argc) {
      warmup = atol(argv[++a]);
    } else if (!strcmp(argv[a], "-r") && a + 1 < argc && rule_file_count < MAX_RULE_FILES) {
      rule_files[rule_file_count++] = argv[++a];
    } else {
      first_request = a;
      break;
    }
  }
  if (rule_file_count == 0 || first_request >= argc || transactions < 1 || rounds < 1) {
    fprintf(stderr, "usage: msc_bench [-n transactions] [-i rounds] [-w warmup] "
                    "-r rules.conf [-r ...] request.http ...\n");
    return 2;
  }

  ModSecurity *msc = msc_init();
  msc_set_connector_info(msc, "tdeveloper msc_bench");
  msc_set_log_cb(msc, count_log);
  printf("engine: %s\n", msc_who_am_i(msc));

  double start = now_micros();
  RulesSet *rules = msc_create_rules_set();
  int rule_count = 0;
  for (int f = 0; f < rule_file_count; f++) {
    const char *error = NULL;
    int added = msc_rules_add_file(rules, rule_files[f], &error);
    if (added < 0) {
      die(rule_files[f], error);
    }
    rule_count += added;
  }
  printf("load: %d rules from %d files in %.1f ms\n", rule_count, rule_file_count,
         (now_micros() - start) / 1e3);

  for (int q = first_request; q < argc; q++) {
    request r;
    parse_request(argv[q], &r);
    outcome o = {200, 0, 0};
    run_transaction(msc, rules, &r, &o);
    long log_lines = o.log_lines;
    for (long w = 0; w < warmup; w++) {
      run_transaction(msc, rules, &r, &o);
    }
    double sum = 0, sum_sq = 0, min = INFINITY, max = 0, cpu = 0;
    for (long round = 0; round < rounds; round++) {
      double t0 = now_micros(), c0 = cpu_micros();
      for (long n = 0; n < transactions; n++) {
        run_transaction(msc, rules, &r, &o);
      }
      double per = (now_micros() - t0) / (double)transactions;
      cpu += (cpu_micros() - c0) / (double)transactions;
      sum += per;
      sum_sq += per * per;
      min = per < min ? per : min;
      max = per > max ? per : max;
    }
    double mean = sum / rounds;
    double sd = rounds > 1 ? sqrt((sum_sq - rounds * mean * mean) / (rounds - 1)) : 0;
    printf("%s: %s %s -> %s %d, %ld rule messages; %.2f +- %.2f us/transaction "
           "(%ld rounds x %ld, min %.2f, max %.2f); CPU %.2f us/transaction\n",
           r.file, r.method, r.uri, o.disruptive ? "intervention" : "pass", o.status, log_lines,
           mean, sd, rounds, transactions, min, max, cpu / rounds);
    fflush(stdout);
  }
  msc_rules_cleanup(rules);
  msc_cleanup(msc);
  return 0;
}
