package dev.tdeveloper.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
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
    assertThat(browser.findElement(By.id("slos")).getText()).contains("No SLOs configured");
    assertThat(browser.findElement(By.id("alerts")).getText()).contains("No open alerts");
    assertThat(browser.findElement(By.id("incidents")).getText()).contains("No open incidents");
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
    List<LogEntry> severe =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .toList();
    assertThat(severe).isEmpty();
  }

  private static String planOf(String tenant) {
    return row(tenant).findElement(By.cssSelector("td.plan")).getText();
  }

  private static String requestsOf(String tenant) {
    return row(tenant).findElement(By.cssSelector("td.requests")).getText();
  }

  private static WebElement row(String tenant) {
    return browser.findElement(By.cssSelector("#tenants tbody tr[data-tenant='" + tenant + "']"));
  }
}
