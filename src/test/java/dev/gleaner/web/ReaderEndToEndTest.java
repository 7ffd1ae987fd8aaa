package dev.gleaner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gleaner.store.Account;
import dev.gleaner.store.Store;
import dev.gleaner.testing.Executables;
import dev.gleaner.testing.RssDocument;
import dev.gleaner.testing.ServeProcess;
import dev.gleaner.testing.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reader as a person uses it, in Debian's Chromium driven by Selenium, against {@code gleaner serve}
 * in a JVM of its own, polling feeds from a local HTTP server.
 */
class ReaderEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    final MockWebServer feeds = new MockWebServer();
    ServeProcess serve;
    WebDriver browser;
    String app;

    @BeforeEach
    void start() throws Exception {
        Optional<Path> chromium = Executables.find("GLEANER_CHROMIUM", "chromium", "chromium-browser");
        Optional<Path> driver = Executables.find("GLEANER_CHROMEDRIVER", "chromedriver");
        assumeTrue(chromium.isPresent() && driver.isPresent(), "skipped: no Chromium and ChromeDriver (install"
                + " Debian's chromium and chromium-driver packages, or set GLEANER_CHROMIUM and GLEANER_CHROMEDRIVER)"
                + " to drive the reader in");
        feeds.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                return switch (path) {
                    case "/blog/" -> new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8")
                            .body("<!DOCTYPE html><html><head><title>天气博客</title><link rel=\"alternate\""
                                    + " type=\"application/rss+xml\" title=\"文章\" href=\"/blog/feed.xml\"></head>"
                                    + "<body>你好</body></html>").build();
                    case "/blog/feed.xml" -> rss(List.of("季风来临前的最后一个周末", "台风过境以后", "晴天"));
                    case "/more.xml" -> rss(List.of("另一个源的文章"));
                    default -> new MockResponse.Builder().code(500).body("the server is down").build();
                };
            }
        });
        feeds.start();
        Workspace workspace = new Workspace(dir);
        workspace.loopbackConfig(Duration.ofSeconds(5), "新闻:\n  坏掉的:\n    源: {url: \"" + feeds.url("/broken.xml")
                + "\", interval: 1m}\n");
        try (Store store = Store.open("jdbc:sqlite:" + dir.resolve("gleaner.db"))) {
            store.account().set(new Account("admin", Passwords.hash("correct horse"), Instant.now()));
        }
        serve = ServeProcess.start(dir);
        app = "http://127.0.0.1:" + serve.port() + "/app/";

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    private static MockResponse rss(List<String> titles) {
        RssDocument feed = RssDocument.channel("天气", "https://example.org/weather");
        for (int i = 0; i < titles.size(); i++) {
            feed.item(titles.get(i), "<p>" + titles.get(i) + "：正文第 " + (i + 1) + " 段。</p>",
                    "Tue, 01 Dec 2026 0" + (8 - i) + ":00:00 GMT", "https://example.org/weather/" + i, "w" + i);
        }
        return new MockResponse.Builder().setHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .body(feed.xml().replace("<ttl>5</ttl>", "")).build();
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (serve != null) {
            serve.close();
        }
        feeds.close();
    }

    private void await(String what, java.util.function.BooleanSupplier done) {
        new WebDriverWait(browser, PATIENCE).withMessage(what).until(ignored -> done.getAsBoolean());
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#entries .entry"));
    }

    private void press(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    @Test
    void signInAddReadWithTheKeyboardSearchImportSeeHealthAndSignOut() throws Exception {
        browser.get(app);
        assertThat(browser.getCurrentUrl()).endsWith("/app/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("wrong horse", Keys.ENTER);
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("用户名或密码不对");
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("correct horse", Keys.ENTER);
        await("the unread list after signing in", () -> browser.getCurrentUrl().equals(app));

        // Add by the blog's web page: its one feed is found and followed, and polled at once.
        browser.findElement(By.id("view-feeds")).click();
        browser.findElement(By.id("add-url")).sendKeys(feeds.url("/blog/").toString());
        browser.findElement(By.id("add-to")).sendKeys("博客/天气/文章");
        browser.findElement(By.id("add-button")).click();
        assertThat(browser.findElement(By.id("feeds-notice")).getText()).contains("已添加 博客/天气/文章");
        await("the feed's three items in the unread list", () -> {
            browser.get(app);
            return rows().size() == 3;
        });
        assertThat(browser.findElement(By.id("view-unread")).getText()).contains("3");

        // The keyboard: j selects, o opens (and marks read), m keeps it unread, s stars, g s goes to the starred.
        press("j", "j");
        assertThat(rows().get(1).getAttribute("class")).contains("selected");
        press("o");
        await("the entry opened", () -> browser.getCurrentUrl().contains("/app/entries/"));
        assertThat(browser.findElement(By.id("entry-title")).getText()).isEqualTo("台风过境以后");
        assertThat(browser.findElement(By.id("body")).getText()).contains("台风过境以后：正文第 2 段");
        assertThat(browser.findElement(By.id("entry")).getAttribute("class")).contains("read");
        press("m");
        await("m marks it unread again", () -> browser.findElement(By.id("entry")).getAttribute("class")
                .contains("unread"));
        press("s");
        await("s stars it", () -> browser.findElement(By.id("entry")).getAttribute("class").contains("starred"));
        press("j");
        await("j goes to the next entry of the list", () -> browser.findElement(By.id("entry-title")).getText()
                .equals("晴天"));
        press("g", "s");
        await("g s shows the starred", () -> browser.getCurrentUrl().contains("show=starred"));
        assertThat(rows()).hasSize(1);
        assertThat(rows().get(0).getText()).contains("台风过境以后");

        // Search in Chinese, from the keyboard: a two-character word and a longer one.
        browser.get(app + "?show=all");
        press("/");
        browser.switchTo().activeElement().sendKeys("季风", Keys.ENTER);
        await("the search's results", () -> browser.getCurrentUrl().contains("q="));
        assertThat(rows()).hasSize(1);
        assertThat(rows().get(0).getText()).contains("季风来临前的最后一个周末");
        browser.findElement(By.id("search")).clear();
        browser.findElement(By.id("search")).sendKeys("正文第", Keys.ENTER);
        await("three results", () -> rows().size() == 3);

        // Import an OPML file from the disk.
        Path opml = Files.writeString(dir.resolve("more.opml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>更多</title></head><body>
                  <outline text="博客"><outline text="另一个"><outline type="rss" text="文章" xmlUrl="%s"/></outline></outline>
                </body></opml>""".formatted(feeds.url("/more.xml")));
        browser.findElement(By.id("view-feeds")).click();
        browser.findElement(By.id("import-file")).sendKeys(opml.toString());
        browser.findElement(By.id("import-button")).click();
        assertThat(browser.findElement(By.id("feeds-notice")).getText()).contains("导入了 1 个订阅");
        await("the imported feed's item", () -> {
            browser.get(app + "?show=all");
            return browser.getPageSource().contains("另一个源的文章");
        });

        // The failing feed heads the health page, with its error.
        await("the broken feed failing on the health page", () -> {
            browser.get("http://127.0.0.1:" + serve.port() + "/app/health");
            List<WebElement> failing = browser.findElements(By.cssSelector("#health tbody tr"));
            return !failing.isEmpty() && failing.get(0).getAttribute("class").equals("failing");
        });
        WebElement first = browser.findElements(By.cssSelector("#health tbody tr")).get(0);
        assertThat(first.getText()).contains("新闻/坏掉的/源").contains("500");

        // A form whose CSRF token was tampered with is refused, and marks nothing.
        browser.get(app + "?show=all");
        int unread = browser.findElements(By.cssSelector("#entries .entry.unread")).size();
        ((JavascriptExecutor) browser).executeScript("document.querySelector('#mark-all input[name=csrf]').value = 'forged';"
                + " document.getElementById('mark-all').submit();");
        await("the refusal", () -> browser.getPageSource().contains("CSRF 令牌不符"));
        browser.get(app + "?show=all");
        assertThat(browser.findElements(By.cssSelector("#entries .entry.unread"))).hasSize(unread);

        browser.findElement(By.id("logout")).click();
        await("the sign-in page after signing out", () -> browser.getCurrentUrl().endsWith("/app/login"));
        browser.get(app + "feeds");
        assertThat(browser.getCurrentUrl()).endsWith("/app/login");
    }
}
