package dev.tdeveloper.security.waf.corpus;

import java.util.List;

/** Text pools for benign requests: what real users type into a notes/shop/support API. */
final class BenignData {

  private BenignData() {}

  /** Search phrases, including apostrophes and SQL/HTML-looking words in innocent use. */
  static final List<String> SEARCHES =
      List.of(
          "O'Reilly books on Java",
          "rock 'n' roll playlist",
          "select a subscription plan",
          "union station opening hours",
          "script writing workshop",
          "how to update my profile picture",
          "drop-off locations near me",
          "insert coin arcade bar",
          "where is my order?",
          "best pizza in new york",
          "wireless headphones under $100",
          "don't show again setting",
          "table for two tonight",
          "delete account how",
          "java vs kotlin",
          "C# async await tutorial",
          "50% off winter sale",
          "tickets & events this weekend",
          "password reset email not received",
          "it's a beautiful day",
          "St. Patrick's day parade",
          "sleep tracking app",
          "user manual pdf",
          "from A to Z",
          "order by date",
          "café crème recipe",
          "Zürich Hauptbahnhof",
          "東京 ラーメン",
          "Москва погода",
          "مطاعم قريبة",
          "ελληνικά μαθήματα",
          "हिंदी समाचार",
          "naïve bayes classifier",
          "3 + 4 = 7 worksheet",
          "summer dresses size M",
          "alice@example.com invoice",
          "the 'quick' brown fox",
          "co-op housing rules",
          "union jack flag",
          "javascript tutorial for beginners");

  static final List<String> NAMES =
      List.of(
          "Alice Martin",
          "Bob O'Connor",
          "Chloé Dubois",
          "Dmitri Ivanov",
          "Eva Müller",
          "Fatima Al-Sayed",
          "Giovanni Rossi",
          "Hiro Tanaka",
          "Ingrid Johansson",
          "José García",
          "Kwame Mensah",
          "Li Wei",
          "María-José Núñez",
          "Noah Smith",
          "Olga Petrova",
          "Priya Sharma",
          "Zoë D'Angelo",
          "Łukasz Kowalski",
          "Søren Kierkegaard",
          "王小明");

  /** Note bodies: markdown, unicode, punctuation-heavy prose, a little code in fences. */
  static final List<String> NOTES =
      List.of(
          "# Weekly sync\n\n- Ship the *billing* fix\n- Review PR #42\n\n> Don't forget the retro!",
          "Grocery list: eggs, milk (2%), bread & butter; maybe cheese?",
          "Meeting moved to 3:30pm — see [calendar](https://calendar.example.com/e/123).",
          "## Recipe\n\n1. Preheat oven to 180°C\n2. Mix flour, sugar & eggs\n3. Bake 25 min",
          "Call Mom about the trip to Kraków 🎉",
          "TODO: renew passport, pay the electricity bill, book dentist",
          "Quote of the day: \"Simplicity is prerequisite for reliability.\"",
          "```\nnpm install && npm run build\n```\nthen deploy to staging",
          "Ideas for the blog: union of sets explained, how to select good defaults",
          "日本語のメモ：明日は会議があります。",
          "Заметка: купить молоко и хлеб.",
          "ملاحظة: الاجتماع يوم الثلاثاء",
          "The select committee meets on Friday; bring the updated drop schedule.",
          "Price went from $19.99 to $14.99 (25% off) until 31/12.",
          "Learned about <b>bold</b> tags in HTML class today",
          "Email template: Hi {{name}}, your order #{{order}} has shipped!",
          "Remember: 2 * (3 + 4) = 14, not 10",
          "Path for the report is reports/2024/q3/summary",
          "She said: 'we'll see' and left.",
          "Tabs\tand\tnewlines\nare fine in notes");

  static final List<String> TAGS =
      List.of("work", "personal", "ideas", "travel", "recipes", "urgent", "reading", "finance");

  static final List<String> CITIES =
      List.of(
          "Berlin", "São Paulo", "New York", "Montréal", "Tokyo", "Cape Town", "Sydney", "Oslo");

  static final List<String> USER_AGENTS =
      List.of(
          Http.BROWSER_UA,
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko)"
              + " Version/17.4 Safari/605.1.15",
          "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
          "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
              + " Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
          "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
              + " Chrome/124.0.0.0 Mobile Safari/537.36",
          "okhttp/4.12.0",
          "NotesApp/3.2.1 (iOS 17.4; iPhone15,2)");

  static final List<String> PATHS =
      List.of(
          "/api/v1/notes",
          "/api/v1/orders",
          "/api/v1/products",
          "/api/v1/users/me",
          "/api/v1/tenants/acme/projects",
          "/api/v1/invoices",
          "/api/v2/catalog/items",
          "/api/v1/notifications",
          "/api/v1/teams/42/members",
          "/api/v1/reports/monthly");
}
