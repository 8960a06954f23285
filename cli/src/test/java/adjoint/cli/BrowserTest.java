package adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page of {@code adjoint serve} in a real browser: Debian's headless Chromium driven by
 * chromedriver through Selenium WebDriver, and Chromium's own {@code --dump-dom}. Skipped, with
 * a printed reason, where Chromium or chromedriver is not installed ({@code apt-get install
 * chromium chromium-driver}); CI installs them.
 */
class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String SEED = "1/(2 + sin(x1*w1)^2 + cos(x2*w2))";
    static final String SEED_AT = "x1=1,w1=2,x2=3,w2=4";

    static WebServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            System.out.println("[BrowserTest] skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is not installed (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
        server = WebServer.start("127.0.0.1", 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1700");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebElement submit(String expression, String at) {
        browser.get(server.address());
        WebElement expr = browser.findElement(By.id("expr"));
        expr.clear();
        expr.sendKeys(expression);
        WebElement point = browser.findElement(By.id("at"));
        point.clear();
        point.sendKeys(at);
        browser.findElement(By.id("go")).click();
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#value, #error")));
    }

    @Test
    void theGraphsNodeTextIsReadableAtA1280PixelWindowAndHasAFullSizeLink() {
        submit(SEED, SEED_AT);
        Object smallest = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return Math.min(...Array.from(document.querySelectorAll('#graph svg g.node text'))"
                        + ".map(t => t.getBoundingClientRect().height));");
        double px = ((Number) smallest).doubleValue();
        System.out.println("[BrowserTest] the graph's smallest node text at 1280 px: " + px + " px");
        assertThat(px).as("the height of the smallest node text, in CSS pixels").isGreaterThanOrEqualTo(12);
        assertThat(browser.findElement(By.id("graph-svg")).getAttribute("href")).contains("/graph.svg?expr=");
    }

    @Test
    void theSeedProblemTypedInShowsItsValueGradientAndGraph() throws Exception {
        WebElement value = submit(SEED, SEED_AT);
        assertThat(value.getAttribute("id")).isEqualTo("value");
        assertThat(Double.parseDouble(value.getText())).isCloseTo(0.27242940071159427, within(1e-15));
        List<WebElement> rows = browser.findElements(By.cssSelector("#gradient tr"));
        assertThat(rows).extracting(WebElement::getText).hasSize(4);
        double[] expected = {0.11233639973639942, 0.05616819986819971, -0.15929299963446267, -0.11946974972584701};
        String[] names = {"x1", "w1", "x2", "w2"};
        for (int k = 0; k < 4; k++) {
            assertThat(rows.get(k).findElement(By.tagName("th")).getText()).isEqualTo("∂f/∂" + names[k]);
            assertThat(Double.parseDouble(rows.get(k).findElement(By.tagName("td")).getText())).isCloseTo(expected[k],
                    within(1e-15));
        }
        assertThat(browser.findElements(By.cssSelector("#graph svg"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#graph svg")).getText()).contains("n7 = 1/n6");
        assertThat(browser.findElement(By.id("trace")).getText()).as("the constants are written into the rows that use them")
                .doesNotContain("constant: not propagated");
        assertThat(browser.findElements(By.cssSelector("#trace td.computes"))).extracting(td -> td.getAttribute("title"))
                .contains("n3 = 2 + n2", "n7 = 1/n6");
        assertThat(browser.findElement(By.id("check")).getText()).startsWith("gradient check: PASSED");
        assertThat(browser.getCurrentUrl()).contains("expr=").contains("at=x1%3D1");
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path out = Path.of("target", "serve.png");
        Files.createDirectories(out.getParent());
        Files.copy(shot.toPath(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(out)).isGreaterThan(10_000);
    }

    @Test
    void theFormulasAreTypesetMathmlWithFractionsStackedAndTheMatrixProductBracketed() throws Exception {
        submit("sum(sigmoid(W @ x)^2) / (1 + sum(x^2))", "W=[[1,2,3],[0,1,0],[-1,0,2]],x=[0.5,-1,2]");
        var js = (org.openqa.selenium.JavascriptExecutor) browser;
        assertThat(browser.findElements(By.cssSelector("#formula math"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#derivatives math"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#trace td.computes math"))).hasSizeGreaterThan(5);
        Object stacked = js.executeScript("const f = document.querySelector('#formula mfrac');"
                + "const top = f.children[0].getBoundingClientRect(), bottom = f.children[1].getBoundingClientRect();"
                + "return [top.bottom <= bottom.top + 1, f.getBoundingClientRect().height > 1.5 * top.height];");
        assertThat(((List<?>) stacked).toArray()).as("the browser lays the fraction out: numerator above denominator, and taller than one")
                .containsExactly(true, true);
        String derivative = browser.findElement(By.cssSelector("#derivatives td")).getAttribute("title");
        assertThat(derivative).as("the order of ⊙ and · is bracketed").contains(")·xᵀ");
        WebElement section = browser.findElement(By.id("derivatives"));
        js.executeScript("arguments[0].scrollIntoView()", section);
        File shot = section.getScreenshotAs(OutputType.FILE);
        Path out = Path.of("target", "mathml.png");
        Files.createDirectories(out.getParent());
        Files.copy(shot.toPath(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(out)).isGreaterThan(2_000);
    }

    @Test
    void aParseErrorIsShownInlineWithItsColumn() {
        WebElement error = submit("1/(2 + sin(x1*w1)", SEED_AT);
        assertThat(error.getAttribute("id")).isEqualTo("error");
        assertThat(error.getText()).contains("at column 18").contains("^");
        assertThat(browser.findElement(By.id("expr")).getAttribute("value")).isEqualTo("1/(2 + sin(x1*w1)");
        assertThat(browser.findElements(By.id("value"))).isEmpty();
    }

    @Test
    void aWrongDerivationIsGradedEntryByEntry() {
        browser.get(server.address());
        browser.findElement(By.id("expr")).sendKeys(SEED);
        browser.findElement(By.id("at")).sendKeys(SEED_AT);
        browser.findElement(By.id("grade")).sendKeys("x1 = -w1*sin(2*x1*w1)/(2 + sin(x1*w1)^2 + cos(x2*w2))^2\n"
                + "w2 = x2*sin(x2*w2)");
        browser.findElement(By.id("go")).click();
        List<WebElement> verdicts = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#grading li")));
        assertThat(verdicts).extracting(WebElement::getText).containsExactly(
                "line 1, x1: right at the point and at 5 random points",
                String.format(java.util.Locale.ROOT, "line 2, w2: wrong at the point: w2 (yours %.6g, backprop %.6g); disagrees at 5 of 5"
                        + " random points", 3 * Math.sin(12), 3 * Math.sin(12) / Math.pow(2 + Math.pow(Math.sin(2), 2) + Math.cos(12), 2)),
                "w1: no answer given",
                "x2: no answer given");
    }

    @Test
    void theSixDigitNumbersOfThePageAreGradedRightAndABadLineKeepsThePage() {
        browser.get(server.address());
        browser.findElement(By.id("expr")).sendKeys(SEED);
        browser.findElement(By.id("at")).sendKeys(SEED_AT);
        browser.findElement(By.id("grade")).sendKeys("x1 = 0.112336\nw1 = 0.0561682\nx2 = -0.159293\nw2 = -0.11947\nw3 = sin(");
        browser.findElement(By.id("go")).click();
        List<WebElement> verdicts = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#grading li")));
        assertThat(verdicts).extracting(WebElement::getText).hasSize(5).first().asString()
                .isEqualTo("line 1, x1: right at the point, to the digits written");
        assertThat(browser.findElements(By.cssSelector("#grading li.right"))).hasSize(4);
        assertThat(browser.findElements(By.cssSelector("#grading li.error"))).hasSize(1);
        assertThat(browser.findElement(By.id("value")).getText()).isEqualTo("0.27242940071159427");
    }

    @Test
    void chromiumsDumpDomOfASharedLinkHasTheValueGradientAndGraph() throws Exception {
        String url = server.address() + "?expr=" + SEED + "&at=" + SEED_AT;
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--virtual-time-budget=5000", "--dump-dom", url).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dom).contains("<output id=\"value\">0.2724294007115942")
                .contains("<th>∂f/∂x1</th><td class=\"number\">0.1123363997363994")
                .contains("<svg");
    }
}
