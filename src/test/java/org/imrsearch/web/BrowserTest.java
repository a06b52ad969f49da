package org.imrsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.model.Json;
import org.imrsearch.saved.SavedSearchStore;
import org.imrsearch.saved.SavedSearches;
import org.imrsearch.search.SearchServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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
  private SavedSearches saved;
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
    saved =
        new SavedSearches(
            SavedSearchStore.beside(dir.resolve("index"), Json.newMapper()), services);
    server =
        new WebServer(services, Json.newMapper(), saved, WriteAccess.loopbackOnly())
            .start("127.0.0.1", 0);
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
    // Polled every 50 ms, not Selenium's 500: a walk waits on the page dozens of times.
    wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(50));
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
    if (saved != null) {
      saved.close();
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

  @Test
  void selectedFiltersShowAsChipsAtTheTopAndBackToResultsKeepsThePage() throws IOException {
    browser.manage().window().setSize(new Dimension(1280, 1000));
    String results = "/?treatment=Injections&outcome=overturned";
    browser.get(url(results));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chips .chip")));
    List<String> chips =
        browser.findElements(By.cssSelector("#chips .chip")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(List.of("Outcome: overturned \u00d7", "Treatment: Injections \u00d7"), chips);
    WebElement firstTreatment =
        browser.findElement(By.cssSelector("details[data-facet=treatment] li:first-child input"));
    assertEquals(
        "Injections", firstTreatment.getAttribute("data-value"), "a ticked value comes first");
    assertTrue(firstTreatment.isSelected());
    screenshot("search-chips");

    browser.findElement(By.cssSelector("#hits .hit-item")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".decisions li.current")));
    screenshot("letter-from-filtered-results");
    browser.findElement(By.id("back")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chips .chip")));
    assertEquals(url(results), browser.getCurrentUrl(), "back to exactly the result page");

    browser.findElement(By.cssSelector("#chips .chip-clear")).click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#chips .chip"), 0));
    assertFalse(browser.getCurrentUrl().contains("treatment="), browser.getCurrentUrl());
  }

  @Test
  void aPagePastTheEndAndASearchWithNoHitsSayWhatToDo() throws IOException {
    browser.manage().window().setSize(new Dimension(1280, 800));
    browser.get(url("/?page=99"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "past the last page"));
    assertTrue(
        browser.findElement(By.cssSelector("#hits .empty a")).getText().contains("last page"));
    assertTrue(
        browser.findElements(By.xpath("//nav[@id='pager']//a[contains(., 'Previous')]")).isEmpty());

    browser.get(url("/?q=zzzqqqxx&specialty=Family+Practice"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "No decisions"));
    String help = browser.findElement(By.cssSelector("#hits .empty")).getText();
    assertTrue(help.contains("Remove the filter Reviewer specialty: Family Practice"), help);
    screenshot("search-no-hits");

    browser.get(url("/rates.html?by=guideline&q=zzzqqqxx"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("rates-message"), "No decisions"));
    assertFalse(browser.findElement(By.id("results")).isDisplayed());
    browser.get(url("/rates.html?by=bogus"));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rates-message .error")));
    assertFalse(browser.findElement(By.id("results")).isDisplayed());
  }

  @Test
  void theRatesTableSortsByAnyColumn() {
    browser.manage().window().setSize(new Dimension(1280, 1000));
    browser.get(url("/rates.html?by=specialty"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#table tbody tr")));
    browser.findElement(By.xpath("//table[@id='table']//button[.='Decisions']")).click();
    List<Integer> decisions =
        browser.findElements(By.cssSelector("#table tbody tr td:nth-of-type(1)")).stream()
            .map(td -> Integer.parseInt(td.getText().replace(",", "")))
            .toList();
    assertEquals(decisions.stream().sorted((a, b) -> b - a).toList(), decisions, "largest first");
    browser.findElement(By.xpath("//table[@id='table']//button[.='Decisions']")).click();
    List<Integer> again =
        browser.findElements(By.cssSelector("#table tbody tr td:nth-of-type(1)")).stream()
            .map(td -> Integer.parseInt(td.getText().replace(",", "")))
            .toList();
    assertEquals(again.stream().sorted().toList(), again, "a second click: smallest first");
  }

  @Test
  void nothingOverflowsSidewaysAtPhoneWidth() throws IOException {
    browser.manage().window().setSize(new Dimension(390, 844));
    for (String page :
        List.of(
            "/?q=acupuncture",
            "/?treatment=Injections&outcome=overturned",
            "/letter.html?id=CM16-0213037&q=shoulder",
            "/rates.html?by=specialty",
            "/rates.html?by=guideline,year")) {
      browser.get(url(page));
      wait.until(
          ExpectedConditions.or(
              ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hits .hit")),
              ExpectedConditions.presenceOfElementLocated(By.cssSelector(".letter-summary h1")),
              ExpectedConditions.presenceOfElementLocated(By.cssSelector("#table tbody tr"))));
      long overflow =
          (Long)
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertEquals(0, overflow, page + " overflows sideways by " + overflow + " px");
    }
    browser.get(url("/?treatment=Injections"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hits .hit")));
    WebElement toggle = browser.findElement(By.id("filters-toggle"));
    assertTrue(toggle.isDisplayed());
    assertEquals("Filters (1 selected)", toggle.getText());
    assertFalse(browser.findElement(By.id("facets")).isDisplayed(), "filters folded away");
    toggle.click();
    assertTrue(browser.findElement(By.id("facets")).isDisplayed());
    screenshot("search-phone-filters");
    browser.get(url("/rates.html?by=specialty"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart canvas")));
    screenshot("rates-phone");
  }

  /**
   * Every page passes axe-core's checks with no serious or critical violation (contrast, labels,
   * landmarks, names of controls), at desktop and phone width.
   */
  @Test
  void everyPageHasNoSeriousAccessibilityViolation() {
    for (Dimension size : List.of(new Dimension(1280, 1000), new Dimension(390, 844))) {
      browser.manage().window().setSize(size);
      for (String page :
          List.of(
              "/?q=%22objective+functional+improvement%22",
              "/?treatment=Injections&outcome=overturned",
              "/?q=zzzqqqxx",
              "/letter.html?id=CM16-0213037&q=shoulder",
              "/rates.html?by=specialty",
              "/precedents.html?text=acupuncture+6+sessions+for+chronic+neck+pain",
              "/saved.html")) {
        browser.get(url(page));
        wait.until(
            ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hits li")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#similar a")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#table tbody tr")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#saved > *"))));
        Results results = new AxeBuilder().analyze(browser);
        List<String> serious =
            results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(
                    v ->
                        v.getId()
                            + " ("
                            + v.getImpact()
                            + "): "
                            + v.getHelp()
                            + " "
                            + v.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .toList())
                .toList();
        assertEquals(List.of(), serious, page + " at " + size);
      }
    }
  }

  @Test
  void aPastedRequestFindsPrecedentsAndSaysWhichWordsWeighed() throws IOException {
    browser.get(url("/precedents.html"));
    WebElement text = wait.until(ExpectedConditions.elementToBeClickable(By.id("text")));
    text.sendKeys(
        "lumbar epidural steroid injection L4-5, radiculopathy on MRI, failed 6 weeks of PT");
    browser.findElement(By.cssSelector("#precedent-form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hits li.precedent")));
    assertTrue(browser.getCurrentUrl().contains("text="), browser.getCurrentUrl());
    WebElement first = browser.findElement(By.cssSelector("#hits li.precedent"));
    assertTrue(
        first
            .findElement(By.cssSelector(".hit-item"))
            .getText()
            .toLowerCase()
            .contains("epidural"));
    assertFalse(first.findElements(By.cssSelector(".passage mark")).isEmpty());
    List<String> why =
        first.findElements(By.cssSelector(".why .term")).stream().map(WebElement::getText).toList();
    assertTrue(why.contains("epidural"), "" + why);
    List<String> weighed =
        browser.findElements(By.cssSelector("#weighed .term")).stream()
            .map(WebElement::getText)
            .toList();
    assertTrue(weighed.containsAll(List.of("epidural", "radiculopathy")), "" + weighed);
    screenshot("precedents");
  }

  @Test
  void aSavedSearchIsListedWithItsFeedAndCanBeRenamed() throws IOException {
    browser.get(url("/?q=acupuncture&outcome=overturned"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hits li.hit")));
    browser.findElement(By.id("save-search")).click();
    WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("save-name")));
    name.clear();
    name.sendKeys("Acupuncture approved");
    browser.findElement(By.cssSelector(".save-form button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-box"), "Saved"));
    browser.get(url("/saved.html"));
    WebElement row =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".saved-search")));
    assertTrue(row.getText().contains("Acupuncture approved"), row.getText());
    assertTrue(row.getText().contains("outcome: overturned"), row.getText());
    String feed = row.findElement(By.cssSelector("a.feed-link")).getAttribute("href");
    assertTrue(feed.matches(".*/api/saved-searches/\\d+/feed"), feed);
    row.findElement(By.cssSelector("button.rename")).click();
    WebElement rename =
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".rename-form input")));
    rename.clear();
    rename.sendKeys("Acupuncture overturned on appeal");
    browser.findElement(By.cssSelector(".rename-form button[type=submit]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("saved"), "Acupuncture overturned on appeal"));
    screenshot("saved-searches");
  }

  @Test
  void aLongFacetOffersMoreValuesWithAFilterBoxAndNoHitsOffersASpelling() throws IOException {
    browser.manage().window().setSize(new Dimension(1280, 1000));
    browser.get(url("/"));
    // The first facet with more values than it lists (which one depends on the letters).
    WebElement more =
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("details .facet-more")));
    String facet = more.findElement(By.xpath("ancestor::details")).getAttribute("data-facet");
    String part =
        more.findElement(By.xpath("ancestor::details"))
            .findElement(By.cssSelector(".facet-label"))
            .getText()
            .substring(0, 3)
            .toLowerCase();
    more.click();
    WebElement box =
        wait.until(ExpectedConditions.elementToBeClickable(By.id("facet-search-" + facet)));
    box.sendKeys(part.toUpperCase());
    String found = "details[data-facet=" + facet + "] .facet-search li";
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(found + " input")));
    wait.until(
        d ->
            d.findElements(By.cssSelector(found + " .facet-label")).stream()
                .allMatch(e -> e.getText().toLowerCase().contains(part)));
    screenshot("search-facet-more");
    browser.findElement(By.cssSelector(found + " input")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chips .chip")));
    assertTrue(browser.getCurrentUrl().contains(facet + "="), browser.getCurrentUrl());

    browser.get(url("/?q=acupunture&outcome=overturned"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hits"), "Did you mean"));
    String help = browser.findElement(By.cssSelector("#hits .empty")).getText();
    assertTrue(help.contains("Did you mean acupuncture?"), help);
    assertTrue(
        help.matches(
            "(?s).*Remove the filter Outcome: overturned \\([\\d,]+ match without it\\).*"),
        help);
    screenshot("search-did-you-mean");
  }

  @Test
  void similarDecisionsStartFromTheClickedDecisionAndKeepAnOutcome() throws IOException {
    browser.manage().window().setSize(new Dimension(1280, 1000));
    browser.get(url("/letter.html?id=CM16-0213037&decision=CM16-0213037%232"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("similar-heading"), "decision 2"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#similar a")));
    new Select(browser.findElement(By.id("similar-outcome"))).selectByValue("overturned");
    // The list is rendered again when the answer comes: read it whole, retrying a stale read.
    wait.ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              List<String> badges =
                  d.findElements(By.cssSelector("#similar li .badge")).stream()
                      .map(WebElement::getText)
                      .toList();
              return !badges.isEmpty()
                  && badges.stream().allMatch(b -> b.equalsIgnoreCase("overturned"));
            });
    screenshot("letter-similar-overturned");
  }

  private Object script(String js, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(js, args);
  }

  /** The status and content type of a GET of {@code href}, fetched by the page itself. */
  private String fetchedInPage(String href) {
    return (String)
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " fetch(arguments[0]).then(r => done(r.status + ' '"
                    + " + r.headers.get('content-type'))).catch(e => done(String(e)));",
                href);
  }

  @Test
  void twoTickedDecisionsMakeAPacketThatSurvivesReloadAndTheLetterOpensItsOriginal()
      throws IOException {
    browser.manage().window().setSize(new Dimension(1280, 1000));
    browser.get(url("/?q=acupuncture&year=2017"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hits input.pick")));
    List<WebElement> boxes = browser.findElements(By.cssSelector("#hits input.pick"));
    String first = boxes.get(0).getAttribute("data-pick");
    String second = boxes.get(1).getAttribute("data-pick");
    boxes.get(0).click();
    boxes.get(1).click();
    wait.until(ExpectedConditions.textToBe(By.id("packet-link"), "Packet (2)"));
    String href = browser.findElement(By.id("packet-link")).getAttribute("href");
    assertEquals(
        List.of(first + "," + second, "pdf", "acupuncture", "2017"),
        script(
            "const p = new URL(arguments[0]).searchParams;"
                + " return [p.get('ids'), p.get('format'), p.get('q'), p.get('year')];",
            href));
    assertTrue(browser.getCurrentUrl().contains("pick="), "the picks live in the URL");

    browser.navigate().refresh();
    wait.until(ExpectedConditions.textToBe(By.id("packet-link"), "Packet (2)"));
    wait.until(ExpectedConditions.elementToBeSelected(By.cssSelector("#hits input.pick")));
    screenshot("packet");
    assertEquals("200 application/pdf", fetchedInPage(href));

    browser.findElement(By.cssSelector("#hits .hit-item")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("original-link")));
    wait.until(ExpectedConditions.textToBe(By.id("packet-link"), "Packet (2)"));
    assertTrue(
        browser.findElement(By.cssSelector(".decisions input.pick")).isSelected(),
        "the letter's decision picked on the results is ticked here");
    assertEquals(
        List.of(first + "," + second, "acupuncture", "2017"),
        script(
            "const p = new URL(arguments[0]).searchParams;"
                + " return [p.get('ids'), p.get('q'), p.get('year')];",
            browser.findElement(By.id("packet-link")).getAttribute("href")),
        "the cover still names the search the picks came from");
    WebElement original = browser.findElement(By.id("original-link"));
    assertTrue(original.getText().endsWith(".pdf"), original.getText());
    assertTrue(
        browser
            .findElement(By.cssSelector(".facts.original .sha"))
            .getText()
            .matches("[0-9a-f]{64}"));
    screenshot("letter-original");
    assertEquals("200 application/pdf", fetchedInPage(original.getAttribute("href")));
  }

  @Test
  void everyControlOfTheSearchPageIsReachableByKeyboard() {
    browser.manage().window().setSize(new Dimension(1280, 1000));
    browser.get(url("/?q=acupuncture"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hits .hit")));
    List<String> reached = new ArrayList<>();
    browser.findElement(By.tagName("body")).click();
    for (int i = 0; i < 120; i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
      reached.add(
          (String)
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "const e = document.activeElement;"
                          + " return e.id || e.className || e.tagName;"));
    }
    for (String control : List.of("q", "sort", "SUMMARY", "hit-item", "export-csv", "rates-link")) {
      assertTrue(
          reached.stream().anyMatch(r -> r.equals(control)),
          control + " is never focused by Tab: " + reached);
    }
    assertTrue(reached.stream().anyMatch(r -> r.startsWith("f-")), "a facet checkbox: " + reached);
  }

  @Test
  void twoTickedRowsOfTheRatesTableAreCompared() throws IOException {
    browser.manage().window().setSize(new Dimension(1280, 1000));
    browser.get(url("/rates.html?by=guideline"));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#table tbody tr td.pick input")));
    List<WebElement> boxes = browser.findElements(By.cssSelector("#table tbody tr td.pick input"));
    boxes.get(0).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("compare"), "Tick two rows"));
    browser.findElements(By.cssSelector("#table tbody tr td.pick input")).get(1).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("compare"), "Difference"));
    String text = browser.findElement(By.id("compare")).getText();
    assertTrue(text.matches("(?s).*MTUS against ODG.*95% interval.*p = .*"), text);
    screenshot("rates-compare");
    browser.findElement(By.cssSelector("#distinctive summary")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#distinctive .distinctive-terms a")));
    assertTrue(
        browser
            .findElement(By.cssSelector("#distinctive .distinctive-terms a"))
            .getAttribute("href")
            .contains("q="));
    screenshot("rates-distinctive");
    browser.get(url("/rates.html?by=month"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart canvas")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("note"), "shift"));
    screenshot("rates-trend-by-month");
    browser.get(url("/rates.html?by=guideline,month"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#table tbody tr")));
    screenshot("rates-trend-by-guideline-and-month");
    browser.get(url("/rates.html?by=year"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("times"), "Median"));
    assertTrue(browser.findElement(By.id("times")).getText().contains("All selected"));
    browser.findElement(By.id("times")).getLocation();
    screenshot("rates-time-to-decision");
  }
}
