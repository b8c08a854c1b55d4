package dev.tdeveloper.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.demo.Json;
import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.tenancy.registry.InMemoryTenantRegistry;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless browser: Debian's {@code chromium} driven through its {@code
 * chromedriver} (never a Selenium Manager download; {@code bin/run-tests} installs both). One
 * browser session for the class. The page loads without console errors, shows the demo's tenants
 * with their plans, and its request count follows the traffic a tenant sends; a screenshot lands in
 * {@code target/dashboard.png} for a person to look at.
 */
class DashboardBrowserTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir static Path dir;
  private static DashboardDemo demo;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    demo = new DashboardDemo(dir);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      demo.close();
    }
  }

  @Test
  void showsTenantsAndFollowsTrafficWithoutConsoleErrors() throws Exception {
    browser.get(demo.base() + "/admin/dashboard#token=" + DashboardDemo.TOKEN);
    WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
    wait.until(
        ExpectedConditions.numberOfElementsToBe(
            By.cssSelector("#tenants tbody tr[data-tenant]"), 3));

    assertThat(browser.getCurrentUrl()).doesNotContain(DashboardDemo.TOKEN);
    assertThat(planOf("acme")).isEqualTo("pro");
    assertThat(planOf("globex")).isEqualTo("enterprise");
    assertThat(planOf("initech")).isEqualTo("free");
    assertThat(text(By.id("slos"))).contains("No SLOs configured");
    assertThat(text(By.id("alerts"))).contains("No open alerts");
    assertThat(text(By.id("incidents"))).contains("No open incidents");
    String before = requestsOf("acme");

    for (int i = 0; i < 7; i++) {
      assertThat(demo.tenantRequest("acme")).isEqualTo(200);
    }

    wait.until(d -> !requestsOf("acme").equals(before) && requestsOf("acme").equals("7"));
    assertThat(before).isEqualTo("0");
    assertThat(requestsOf("globex")).isEqualTo("0");
    Path screenshot = Path.of("target", "dashboard.png");
    Files.createDirectories(screenshot.getParent());
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        screenshot,
        StandardCopyOption.REPLACE_EXISTING);
    assertThat(severeConsoleEntries()).isEmpty();
  }

  @Test
  void rendersSlosWithSparklinesAlertsAndIncidentsWithoutConsoleErrors() throws Exception {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    DashboardSources sources =
        DashboardDataTest.fixed(
            List.of(
                new SloView(
                    "availability",
                    Optional.of("acme"),
                    0.999,
                    0.18,
                    Map.of("5m", 15.2, "1h", 14.6),
                    List.of(0.4, 0.9, 3.0, 14.6, 15.2),
                    List.of("ErrorBudgetBurn"))),
            List.of(
                Alert.firing(
                    Labels.of(
                        "alertname", "ErrorBudgetBurn", "severity", "critical", "tenant", "acme"),
                    Map.of("summary", "<b>acme</b> burns 2% of its budget per hour"),
                    now)),
            List.of(
                new IncidentView(
                    "inc-7",
                    "acme unavailable",
                    Optional.of("acme"),
                    "critical",
                    "triggered",
                    now,
                    "ErrorBudgetBurn",
                    1)));
    DashboardData data =
        DashboardData.builder()
            .mapper(Json.MAPPER)
            .clock(() -> now)
            .registry(new InMemoryTenantRegistry())
            .traffic(new TrafficCounter(() -> now))
            .sources(sources)
            .build();
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    new OpsDashboard(data, Json.MAPPER).mapServlets(context);
    server.setHandler(context);
    server.start();
    try {
      browser.get("http://127.0.0.1:" + connector.getLocalPort() + "/admin/dashboard#token=any");
      WebDriverWait wait = stable();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#slos tr[data-slo]")));

      assertThat(text(By.cssSelector("#slos svg.spark polyline"), "points")).contains(",");
      assertThat(text(By.id("slos"))).contains("99.90 %", "18.0 %", "5m 15.20×");
      assertThat(text(By.id("alerts")))
          .contains("ErrorBudgetBurn", "<b>acme</b> burns 2% of its budget per hour");
      assertThat(text(By.id("incidents"))).contains("acme unavailable");
      assertThat(text(By.cssSelector("#tenants tbody"))).contains("No tenants provisioned");
      assertThat(severeConsoleEntries()).isEmpty();
    } finally {
      server.stop();
    }
  }

  private static List<LogEntry> severeConsoleEntries() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .toList();
  }

  private static String planOf(String tenant) {
    return text(By.cssSelector(row(tenant) + " td.plan"));
  }

  private static String requestsOf(String tenant) {
    return text(By.cssSelector(row(tenant) + " td.requests"));
  }

  private static String row(String tenant) {
    return "#tenants tbody tr[data-tenant='" + tenant + "']";
  }

  /** The element's text, read again if the page re-rendered it (it does on every poll). */
  private static String text(By by) {
    return stable().until(d -> d.findElement(by).getText());
  }

  /** The element's attribute, read again if the page re-rendered it. */
  private static String text(By by, String attribute) {
    return stable().until(d -> d.findElement(by).getAttribute(attribute));
  }

  private static WebDriverWait stable() {
    WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }
}
