package org.pkcn.exchange.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pkcn.exchange.proposal.ProposalRegistry;
import org.pkcn.exchange.proposal.ProposalStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An applicant in a real browser (headless Chromium, Debian's chromium and chromedriver): registers,
 * signs in, submits with one mistake, corrects it, submits, sees the diagram, withdraws, and reads the
 * pages in Chinese. Screenshots go to target/screenshots/. Without a chromedriver the test is skipped,
 * except on CI (CI=true), where it fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalBrowserTests {

    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final String CHROMIUM = "/usr/bin/chromium";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static WebDriver browser;

    @LocalServerPort int port;
    @Autowired ProposalRegistry registry;

    @BeforeAll
    static void startBrowser() throws Exception {
        boolean installed = CHROMEDRIVER.canExecute() && new File(CHROMIUM).canExecute();
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs " + CHROMEDRIVER + " and " + CHROMIUM
                    + ": apt-get install chromium chromium-driver (see .ci/run)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromedriver are not installed; browser test skipped");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1600", "--lang=en-GB");
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anApplicant_registers_submitsWithAMistake_correctsIt_withdraws_andReadsChinese() throws Exception {
        String email = "sara." + System.nanoTime() + "@lta.example.pk";

        open("/portal/register?lang=en");
        type("name", "Sara Ahmed");
        type("organisation", "Lahore Textile Analytics (Pvt) Ltd");
        type("email", email);
        type("password", "weaving looms at dawn");
        click("language-en");
        screenshot("01-register");
        click("register");

        assertThat(text("main")).contains("Your account is ready");
        assertThat(browser.findElement(By.id("login")).getAttribute("value")).isEqualTo(email);
        type("password", "weaving looms at dawn");
        click("sign-in");
        assertThat(text("h1")).isEqualTo("My proposals");
        assertThat(text("main")).contains("You have not submitted a proposal yet.");

        click("new-proposal");
        fillProposal("sara.ahmed-at-lta.example.pk");
        browser.findElement(By.id("attachments")).sendKeys(samplePdf().toString());
        screenshot("02-new-proposal");
        click("submit-proposal");

        assertThat(text("error-summary")).contains("There is a problem");
        assertThat(text("contactEmail-error")).contains("must be an e-mail address such as name@example.org");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("AI for textile quality control");
        assertThat(text("error-summary")).contains("choose your documents again");
        screenshot("03-one-mistake");

        type("contactEmail", "sara.ahmed@lta.example.pk");
        browser.findElement(By.id("attachments")).sendKeys(samplePdf().toString());
        click("submit-proposal");

        assertThat(text("notice")).contains("Your proposal was received as PKCN-");
        String reference = browser.findElement(By.tagName("main")).getAttribute("data-reference");
        assertThat(text("status")).isEqualTo("Submitted");
        assertThat(text("documents")).contains("work-plan.pdf");
        assertThat(text("timeline")).contains("Submitted");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBeNotEmpty(
                browser.findElement(By.id("diagram")), "data-rendered"));
        assertThat(browser.findElement(By.id("diagram")).getAttribute("data-rendered")).isEqualTo("true");
        assertThat(browser.findElements(By.cssSelector("#diagram .current-step"))).isNotEmpty();
        screenshot("04-submitted");

        click("withdraw");
        assertThat(text("h1")).isEqualTo("Withdraw " + reference + "?");
        type("reason", "We found a partner ourselves.");
        click("confirm-withdrawal");
        assertThat(text("status")).isEqualTo("Withdrawn");
        assertThat(registry.get(reference).status()).isEqualTo(ProposalStatus.WITHDRAWN);
        screenshot("05-withdrawn");

        click("lang-zh");
        assertThat(text("status")).isEqualTo("已撤回");
        assertThat(text("h1")).contains(reference);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-Hans");
        screenshot("06-withdrawn-zh");
        click("nav-mine");
        assertThat(text("h1")).isEqualTo("我的申请");
        assertThat(text("proposals")).contains(reference, "已撤回");
        screenshot("07-my-proposals-zh");
        click("nav-new");
        assertThat(text("h1")).isEqualTo("新建申请");
        click("submit-proposal");
        assertThat(text("title-error")).contains("此项为必填项");
        screenshot("08-new-proposal-zh");

        click("sign-out");
        open("/portal/proposals");
        assertThat(text("h1")).isEqualTo("登录");
    }

    private void fillProposal(String contactEmail) {
        type("title", "AI for textile quality control");
        choose("sector", "ARTIFICIAL_INTELLIGENCE");
        choose("exchangeKind", "JOINT_RESEARCH");
        type("objectives", "Train vision models that find weaving defects on the production line.");
        type("expectedOutcomes", "A pilot in two mills, ten engineers trained, one joint paper.");
        type("applicantName", "Lahore Textile Analytics (Pvt) Ltd");
        choose("applicantKind", "ENTERPRISE");
        choose("applicantCountry", "PK");
        type("applicantCity", "Lahore");
        type("contactEmail", contactEmail);
        choose("contactLanguage", "en");
        type("counterpartName", "Zhongguancun AI Lab");
        choose("counterpartKind", "RD_CENTRE");
        type("counterpartEmail", "partner@zgc-ai.example.cn");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("startDate")), LocalDate.now().plusMonths(2).toString());
        type("durationMonths", "12");
        type("budgetAmount", "250000");
        choose("budgetCurrency", "USD");
    }

    private Path samplePdf() throws Exception {
        Path pdf = Path.of("target", "work-plan.pdf").toAbsolutePath();
        Files.write(pdf, "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return pdf;
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private void choose(String id, String value) {
        new Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    private void click(String id) {
        WebElement element = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private String text(String idOrTag) {
        var found = browser.findElements(By.id(idOrTag));
        return (found.isEmpty() ? browser.findElement(By.tagName(idOrTag)) : found.get(0)).getText().strip();
    }

    private void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve("portal-" + name + ".png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
