package io.claimstream.http;

import io.claimstream.embedded.EmbeddedCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.claimstream.http.ApiClient.eventually;
import static io.claimstream.http.ServerFixture.INVESTMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in real headless Chromium (Debian's chromium and chromedriver, which .ci/run installs): the seeds'
 * investment figure with its sources and chart, a live update without reload, and an article title made of markup
 * shown as text with nothing run. Needs the real extractor. Leaves target/dashboard.png behind.
 */
class DashboardBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String XSS_TITLE = "<img src=x onerror=alert(1)>";

    @TempDir
    Path dir;

    @Test
    void showsTheSeedsUpdatesLiveAndRendersArticleMarkupAsText() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium or chromedriver not installed at /usr/bin (apt-get install chromium chromium-driver; .ci/run does): browser test skipped");
        try (EmbeddedCluster cluster = EmbeddedCluster.start(dir.resolve("cluster"), 0, 0);
             ClaimstreamServer server = ServerFixture.startAndAwaitRunning(ServerFixture.config(cluster, "dashboard-it", dir.resolve("state")))) {
            ApiClient api = new ApiClient(server.url());
            ServerFixture.publishSeeds(server.config());
            eventually(PATIENCE, () -> assertThat(api.get(ApiClient.keyPath(INVESTMENT)).json().path("sources").asInt()).isEqualTo(5));

            WebDriver driver = chromium(dir.resolve("chromium-profile"));
            try {
                driver.get(server.url());
                WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
                By investment = By.cssSelector("[data-key='" + INVESTMENT + "']");
                wait.until(d -> text(d, investment, ".figure").equals("$14.3 billion") && text(d, investment, ".sources").equals("5 sources"));
                WebElement card = driver.findElement(investment);
                wait.until(d -> !card.findElements(By.cssSelector("svg.chart path.figure-line")).isEmpty());
                assertThat(card.findElements(By.cssSelector("svg.chart g.claim-mark"))).hasSizeGreaterThanOrEqualTo(5);
                assertThat(card.findElement(By.cssSelector(".deal")).getText()).isEqualTo("meta → scale ai");
                wait.until(d -> d.findElement(By.id("connection")).getAttribute("data-state").equals("live"));

                // A marker on this document: it is still there only if the page never reloaded.
                ((JavascriptExecutor) driver).executeScript("window.claimstreamTestMarker = 'same page';");
                ServerFixture.publish(server.config(), ServerFixture.article("browser-1", "wire.example", "Acme buys Widget",
                        "Acme Corp. agreed to buy Widget Inc. for $2 billion."), Instant.parse("2025-06-12T00:00:00Z"));
                By acme = By.cssSelector("[data-key='acme>widget:deal_value']");
                wait.until(d -> text(d, acme, ".figure").equals("$2 billion") && text(d, acme, ".sources").equals("1 source"));
                wait.until(d -> d.findElements(By.cssSelector("#feed li[data-type='change']")).stream()
                        .anyMatch(li -> li.getText().contains("acme>widget:deal_value")));
                assertThat(((JavascriptExecutor) driver).executeScript("return window.claimstreamTestMarker;")).isEqualTo("same page");

                ServerFixture.publish(server.config(), ServerFixture.article("browser-2", "<script>alert(2)</script>.example", XSS_TITLE,
                        "Globex Corp. agreed to buy Initech Inc. for $3 billion."), Instant.parse("2025-06-13T00:00:00Z"));
                wait.until(d -> d.findElements(By.cssSelector("#feed li[data-type='article']")).stream()
                        .anyMatch(li -> li.getText().contains("Read: " + XSS_TITLE)));
                By globex = By.cssSelector("[data-key='globex>initech:deal_value']");
                wait.until(d -> text(d, globex, ".figure").equals("$3 billion"));
                driver.findElement(globex).findElement(By.tagName("summary")).click();
                wait.until(d -> d.findElement(globex).findElement(By.cssSelector(".claims")).getText().contains("<script>alert(2)</script>.example"));

                assertThatThrownBy(() -> driver.switchTo().alert()).as("no script from article text ran").isInstanceOf(NoAlertPresentException.class);
                assertThat(driver.findElements(By.tagName("img"))).as("the title's markup was not parsed").isEmpty();
                List<WebElement> scripts = driver.findElements(By.tagName("script"));
                assertThat(scripts).hasSize(1);
                assertThat(((JavascriptExecutor) driver).executeScript("return window.claimstreamTestMarker;")).isEqualTo("same page");

                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", driver.findElement(investment));
                Path shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
                Files.createDirectories(Path.of("target"));
                Files.copy(shot, Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
                assertThat(Files.size(Path.of("target", "dashboard.png"))).isPositive();
            } finally {
                driver.quit();
            }
        }
    }

    private static String text(WebDriver d, By card, String part) {
        List<WebElement> found = d.findElements(card);
        if (found.isEmpty()) return "";
        List<WebElement> parts = found.get(0).findElements(By.cssSelector(part));
        return parts.isEmpty() ? "" : parts.get(0).getText();
    }

    /** Debian's Chromium through its own chromedriver, both named explicitly so Selenium Manager fetches nothing. */
    private static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1100", "--user-data-dir=" + profile.toAbsolutePath());
        // An alert left open is what the XSS check looks for; do not let the driver dismiss it.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
