package dev.tdeveloper.security.pii.eval;

import dev.tdeveloper.security.pii.PiiEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A seeded generator of labelled texts: templates (log lines, form fields, JSON fragments, chat
 * sentences) times generated values. Positive templates hold entities, with and without context
 * words; negative templates hold hard negatives that look like entities and are not: card numbers
 * failing Luhn, SSNs in never-issued ranges, IBANs with a wrong check, version strings shaped like
 * IPv4 addresses, dates that are no birth dates, long words, camelCase identifiers, UUIDs and
 * commit hashes. The same seed always gives the same corpus. Stateless and thread-safe.
 */
public final class PiiCorpus {
  private static final String[] POSITIVE = {
    "Please contact {EMAIL} for details.",
    "From: {EMAIL}",
    "cc {EMAIL}, {EMAIL}",
    "{\"user\":\"{EMAIL}\",\"active\":true}",
    "Sent to {EMAIL} at 10:42 by {NAME}.",
    "Call me at {PHONE} tomorrow.",
    "Phone: {PHONE}",
    "Customer {NAME} ({PHONE}) asked for a refund.",
    "Reach the front desk on {PHONE} after 9.",
    "mobile={PHONE_PLAIN}",
    "Card number {CARD} expires 04/27.",
    "Paid {AMOUNT} with {CARD}.",
    "payment_method={CARD}",
    "Please transfer to IBAN {IBAN}.",
    "Beneficiary account: {IBAN}",
    "{IBAN} (Acme GmbH), ref {NUMBER}",
    "SSN: {SSN}",
    "Social security number {SSN} on file.",
    "Employee {NAME}, {SSN}, hired in 2019.",
    "ssn={SSN_PLAIN}",
    "Login from {IPV4} failed for {NAME}.",
    "client_ip={IPV4} status=403",
    "Connection from {IPV6} closed.",
    "GET /index.html 200 {IPV4} - -",
    "Born on {DOB} in Lyon.",
    "DOB: {DOB}",
    "date of birth {DOB}",
    "Patient {NAME}, birthday {DOB}, admitted {DATE}.",
    "aws_access_key_id = {AWS}",
    "Found {AWS} committed in config.yml.",
    "Authorization: Bearer {JWT}",
    "token={JWT}&next=/home",
    "api_key: {SECRET}",
    "export STRIPE_KEY={SECRET}",
    "The password is {SECRET}",
    "Rotated {SECRET} yesterday.",
    "User {EMAIL} logged in from {IPV4} and paid with {CARD}.",
    "{NAME} <{EMAIL}>, tel {PHONE}, IBAN {IBAN}",
  };

  private static final String[] NEGATIVE = {
    "Order {NEG_CARD} was declined.",
    "Reference {NEG_SSN} is not valid.",
    "Transfer to {NEG_IBAN} failed validation.",
    "Upgraded to version {VERSION} yesterday.",
    "Running build {VERSION} on node-7.",
    "Invoice dated {DATE} totals {AMOUNT}.",
    "Meeting on {DATE} at 10:30 in room {NUMBER}.",
    "The word {WORD} appears {NUMBER} times.",
    "Call {IDENT}() to refresh the cache.",
    "Request id {UUID} completed in 35 ms.",
    "Commit {SHA} fixed the flaky test.",
    "ZIP {NUMBER}, population {NUMBER}, area code 415.",
    "Shipped {NUMBER} units on {DATE} to {NAME}.",
  };

  private static final Map<String, PiiEntity> LABELS =
      Map.ofEntries(
          Map.entry("EMAIL", PiiEntity.EMAIL),
          Map.entry("PHONE", PiiEntity.PHONE),
          Map.entry("PHONE_PLAIN", PiiEntity.PHONE),
          Map.entry("CARD", PiiEntity.CREDIT_CARD),
          Map.entry("IBAN", PiiEntity.IBAN),
          Map.entry("SSN", PiiEntity.US_SSN),
          Map.entry("SSN_PLAIN", PiiEntity.US_SSN),
          Map.entry("IPV4", PiiEntity.IP_ADDRESS),
          Map.entry("IPV6", PiiEntity.IP_ADDRESS),
          Map.entry("DOB", PiiEntity.DATE_OF_BIRTH),
          Map.entry("AWS", PiiEntity.AWS_ACCESS_KEY),
          Map.entry("JWT", PiiEntity.JWT),
          Map.entry("SECRET", PiiEntity.SECRET_TOKEN));

  private PiiCorpus() {}

  /** Returns the names of the template placeholders that produce labelled entities. */
  public static Map<String, PiiEntity> labels() {
    return LABELS;
  }

  /**
   * Generates {@code size} labelled texts from {@code seed}; about one in four is a hard negative.
   *
   * @throws IllegalArgumentException if {@code size} is not 1 to 10,000,000
   */
  public static List<LabelledText> generate(long seed, int size) {
    if (size < 1 || size > 10_000_000) {
      throw new IllegalArgumentException("size must be 1 to 10,000,000, was " + size);
    }
    SplittableRandom random = new SplittableRandom(seed);
    CorpusValues values = new CorpusValues(random);
    List<LabelledText> corpus = new ArrayList<>(size);
    for (int k = 0; k < size; k++) {
      String template =
          random.nextInt(4) == 0
              ? NEGATIVE[random.nextInt(NEGATIVE.length)]
              : POSITIVE[random.nextInt(POSITIVE.length)];
      corpus.add(fill(template, values));
    }
    return List.copyOf(corpus);
  }

  /** Fills one template, labelling the values of labelled placeholders. */
  static LabelledText fill(String template, CorpusValues values) {
    Objects.requireNonNull(template, "template");
    StringBuilder text = new StringBuilder();
    List<LabelledSpan> spans = new ArrayList<>();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      String name = close < 0 ? "" : template.substring(open + 1, close);
      Supplier<String> value = close < 0 ? null : valueOf(name, values);
      if (value == null) {
        int stop = open < 0 ? template.length() : open + 1;
        text.append(template, i, stop);
        i = stop;
        continue;
      }
      text.append(template, i, open);
      int start = text.length();
      text.append(value.get());
      PiiEntity entity = LABELS.get(name);
      if (entity != null) {
        spans.add(new LabelledSpan(entity, start, text.length()));
      }
      i = close + 1;
    }
    return new LabelledText(text.toString(), spans);
  }

  private static Supplier<String> valueOf(String name, CorpusValues v) {
    return switch (name) {
      case "EMAIL" -> v::email;
      case "PHONE" -> v::phone;
      case "PHONE_PLAIN" -> v::plainPhone;
      case "CARD" -> () -> v.card(true);
      case "NEG_CARD" -> () -> v.card(false);
      case "IBAN" -> () -> v.iban(true);
      case "NEG_IBAN" -> () -> v.iban(false);
      case "SSN" -> () -> v.ssn(true);
      case "NEG_SSN" -> () -> v.ssn(false);
      case "SSN_PLAIN" -> v::plainSsn;
      case "IPV4" -> v::ipv4;
      case "IPV6" -> v::ipv6;
      case "DOB" -> () -> v.date(1940, 66);
      case "DATE" -> () -> v.date(2015, 11);
      case "AWS" -> v::awsKey;
      case "JWT" -> v::jwt;
      case "SECRET" -> v::secret;
      case "VERSION" -> v::version;
      case "WORD" -> v::word;
      case "IDENT" -> v::identifier;
      case "UUID" -> v::uuid;
      case "SHA" -> v::sha;
      case "AMOUNT" -> v::amount;
      case "NUMBER" -> v::smallNumber;
      case "NAME" -> v::name;
      default -> null;
    };
  }
}
