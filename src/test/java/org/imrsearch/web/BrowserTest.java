package org.imrsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.model.Json;
import org.imrsearch.search.SearchServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's path through the pages in a real browser (Debian's headless Chromium): search a
 * phrase, see it highlighted, tick a specialty, open a letter, open the overturn-rate chart.
 * Screenshots go to target/screenshots. Skipped where Chromium is not installed, unless
 * IMR_REQUIRE_BROWSER is set (CI installs it and sets it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private SearchServices services;
  private WebServer server;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  void start(@TempDir Path dir) throws IOException, InterruptedException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (System.getenv("IMR_REQUIRE_BROWSER") != null && !installed) {
      throw new IllegalStateException(
          "IMR_REQUIRE_BROWSER is set but chromium/chromedriver are not installed");
    }
    assumeTrue(
        installed, "Debian's chromium and chromium-driver are not installed: browser test skipped");
    TestIndex.build(dir.resolve("index"), List.of(TestLetters.REAL_PDFS));
    services = SearchServices.open(dir.resolve("index"), ConfigSource.bundled(), Json.newMapper());
    server = new WebServer(services, Json.newMapper()).start("127.0.0.1", 0);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome-profile")),
        "--window-size=1280,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (services != null) {
      services.close();
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private void screenshot(String name) throws IOException {
    Files.write(
        SCREENSHOTS.resolve(name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void searchTickASpecialtyOpenALetterAndSeeTheChart() throws IOException {
    browser.get(url("/"));
    WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    box.clear();
    box.sendKeys("\"objective functional improvement\"");
    browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "of 20 decisions"));
    List<WebElement> marks = browser.findElements(By.cssSelector("#hits .passage mark"));
    assertFalse(marks.isEmpty(), "highlighted passages");
    assertEquals("objective functional improvement", marks.get(0).getText().toLowerCase());
    screenshot("search");

    String before = browser.findElement(By.id("summary")).getText();
    WebElement specialty =
        browser.findElement(By.cssSelector("details[data-facet=specialty] input[type=checkbox]"));
    String chosen = specialty.getAttribute("data-value");
    specialty.click();
    wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("summary"), before)));
    assertNotEquals(before, browser.findElement(By.id("summary")).getText());
    assertTrue(browser.getCurrentUrl().contains("specialty="), browser.getCurrentUrl());
    browser
        .findElements(By.cssSelector("#hits .hit-meta"))
        .forEach(meta -> assertTrue(meta.getText().contains(chosen), meta.getText()));
    screenshot("search-filtered");

    browser.findElement(By.cssSelector("#hits .hit-item")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".letter-summary h1")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".letter-text mark")));
    assertTrue(
        browser.findElement(By.cssSelector(".letter-summary h1")).getText().startsWith("CM1"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#similar a")));
    screenshot("letter");

    browser.get(url("/rates.html?by=guideline"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart canvas")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#table tbody tr")));
    assertTrue(
        browser.findElement(By.id("baseline")).getText().contains("of 339 decisions overturned"));
    screenshot("rates");

    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(url("/?q=acupuncture"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hits .hit")));
    screenshot("search-phone");
  }
}
