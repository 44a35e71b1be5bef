package org.correspondencegateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.correspondencegateway.testing.CouncilWithConsole.CLERK;
import static org.correspondencegateway.testing.CouncilWithConsole.CLERK_PASSWORD;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.correspondencegateway.testing.CouncilWithConsole;
import org.correspondencegateway.testing.Letters;
import org.correspondencegateway.testing.Letters.Letter;
import org.correspondencegateway.testing.Mailboxes;
import org.correspondencegateway.testing.WebAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The Town Clerk at the console in a real browser (Debian's headless Chromium, driven through its
 * chromedriver; `.ci/run` installs both): follows the link in her notification, signs in, sees the
 * evidence marked, releases the message and the council's mail server receives it once; rejects another
 * and the sender receives the reason; reads the dashboard's charts; reaches the page from the keyboard.
 * Whole-page screenshots of the queue, the message page and the dashboard go to
 * {@code target/console-screenshots/}; axe-core checks each for serious accessibility faults.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClerksConsoleBrowserTest {
    private static final String OFFICER = "j.hughes@prioryvale-tc.example";
    private static final String RESIDENT = "m.patel@resident.example";
    private static final String CLERK_ADDRESS = "townclerk@prioryvale-tc.example";
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    @RegisterExtension
    static GreenMailExtension councilMailServer = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort())
        .withPerMethodLifecycle(false);

    @TempDir
    static Path home;
    @TempDir
    static Path data;
    @TempDir
    static Path profile;

    private CouncilWithConsole council;
    private WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        council = CouncilWithConsole.start(home, data, councilMailServer.getSmtp().getPort());
        assertThat(new File("/usr/bin/chromium")).as("Debian's chromium (apt-get install chromium chromium-driver)").exists();
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox",
            "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-quic", "--window-size=1280,1400", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        council.close();
    }

    @Test
    void theClerkFollowsTheLinkInHerNotificationSeesTheEvidenceAndReleasesTheMessageWhichIsDeliveredOnce() throws Exception {
        Letter letter = Letters.letter("letters/confidential-html-with-attachment.eml");
        String key = council.sendHeld(letter, OFFICER, List.of(RESIDENT));
        Mailboxes mailboxes = new Mailboxes(councilMailServer);
        String notification = mailboxes.waitFor(1, copy -> copy.recipient().equals(CLERK_ADDRESS)
            && copy.notice().orElse("").equals("clerk-held") && copy.concerns(letter.messageId())).get(0).text("text/plain");
        Matcher link = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/held/\\S+").matcher(notification);
        assertThat(link.find()).as("a link to the console in the Clerk's notification:\n" + notification).isTrue();

        browser.manage().deleteAllCookies(); // signed out, as she would be when the mail arrives
        browser.get(link.group());
        assertThat(browser.getCurrentUrl()).as("asked to sign in first").contains("/sign-in?next=");
        signIn();
        assertThat(browser.getCurrentUrl()).as("back at the message after signing in").isEqualTo(link.group());
        List<WebElement> marked = browser.findElements(By.cssSelector("#message-text mark"));
        assertThat(marked).extracting(WebElement::getText).contains("CONFIDENTIAL - Personnel Committee only.");
        assertThat(browser.findElement(By.cssSelector(".finding h3")).getText()).isEqualTo("Confidential marking sent to a third party");
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript("return document.title === 'scripted'"))
            .as("the message's own script never ran").isFalse();
        accessible("message");
        screenshot("message.png");

        browser.findElement(By.linkText("Review queue")).click();
        WebElement row = browser.findElement(By.cssSelector("#held a[href='/held/" + WebAdmin.encode(key) + "']"));
        assertThat(row.getText()).isEqualTo("The committee's note on the allotments");
        accessible("queue");
        screenshot("queue.png");

        row.click();
        browser.findElement(By.id("note")).sendKeys("Checked with the committee");
        browser.findElement(By.id("release")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(browser.findElement(By.id("done")).getText()).contains("Released");

        assertThat(mailboxes.awaitMail(letter.messageId(), 1)).as("delivered once").extracting(Mailboxes.Copy::recipient)
            .containsExactly(RESIDENT);
        assertThat(browser.findElements(By.cssSelector("#held a[href='/held/" + WebAdmin.encode(key) + "']"))).isEmpty();
    }

    @Test
    void theDashboardDrawsItsChartsAndNamesTheSenders() throws Exception {
        council.sendHeld(Letters.letter("letters/confidential-to-resident.eml"), OFFICER, List.of(RESIDENT));

        open("/dashboard");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("weekly-chart")));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        for (String chart : List.of("weekly-chart", "monthly-chart")) {
            Number findings = (Number) js.executeScript("var chart = Chart.getChart(document.getElementById(arguments[0]));"
                + "return chart ? chart.data.datasets.reduce(function (n, d) { return n + d.data.reduce(function (a, b) { return a + b; }, 0); }, 0) : -1;",
                chart);
            assertThat(findings.intValue()).as(chart + " drawn by Chart.js, with the findings").isPositive();
        }
        assertThat(browser.findElement(By.cssSelector("ol.senders")).getText()).contains(OFFICER);
        accessible("dashboard");
        screenshot("dashboard.png");
    }

    @Test
    void theKeyboardReachesTheMainContentFirst() throws Exception {
        open("/");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement first = browser.switchTo().activeElement();
        assertThat(first.getText()).isEqualTo("Skip to the main content");
        first.sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    }

    @Test
    void theClerkRejectsAHeldMessageWithAReasonAndTheSenderIsToldIt() throws Exception {
        Letter letter = Letters.letter("letters/confidential-to-resident.eml");
        String key = council.sendHeld(letter, OFFICER, List.of(RESIDENT));

        open("/held/" + WebAdmin.encode(key));
        WebElement reason = browser.findElement(By.id("reason"));
        reason.sendKeys("Please send Mrs Patel the outcome only.");
        browser.findElement(By.id("reject")).sendKeys(Keys.ENTER); // from the keyboard, as well as the mouse
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));

        Mailboxes mailboxes = new Mailboxes(councilMailServer);
        assertThat(mailboxes.waitFor(1, copy -> copy.recipient().equals(OFFICER)
            && copy.text("text/plain").contains("Please send Mrs Patel the outcome only."))).hasSize(1);
        assertThat(mailboxes.mail(letter.messageId())).as("never delivered").isEmpty();
    }

    private void signIn() {
        browser.findElement(By.id("name")).sendKeys(CLERK);
        WebElement password = browser.findElement(By.id("password"));
        password.sendKeys(CLERK_PASSWORD);
        password.submit();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in")));
    }

    /** Opens {@code path}, signing in first when the console asks. */
    private void open(String path) {
        browser.get(council.consoleUrl() + path);
        if (browser.getCurrentUrl().contains("/sign-in")) {
            signIn();
        }
    }

    /** The whole page, however long: the window is stretched to the page's height first. */
    private void screenshot(String name) throws Exception {
        Dimension window = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 150, 8000)));
        try {
            Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    /** axe-core's check of the page: no serious or critical violation (contrast, labels, names, structure). */
    @SuppressWarnings("unchecked")
    private void accessible(String page) throws Exception {
        String axe;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r.violations.filter(function (v) {"
            + " return v.impact === 'serious' || v.impact === 'critical'; }).map(function (v) {"
            + " return v.id + ': ' + v.help + ' (' + v.nodes.length + ')'; })); });");
        assertThat((List<String>) result).as("axe-core on the " + page + " page").isEmpty();
    }

}
