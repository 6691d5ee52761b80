package org.pkcn.exchange.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pkcn.exchange.process.ExchangeProposalProcess.PROCESS_KEY;
import static org.pkcn.exchange.proposal.ProposalStatus.*;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pkcn.exchange.process.ProcessScenario;
import org.pkcn.exchange.process.SampleProposals;
import org.pkcn.exchange.proposal.ProposalFields;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The reviewers' work in the real Camunda Tasklist, in a real (headless) Chromium: an applicant submits a
 * proposal through the start form, STZA asks for changes, the applicant revises, STZA and then ZBRA approve;
 * and what the Tasklist refuses (a rejection without a comment, STZA seeing ZBRA's task).
 *
 * <p>The job executor is off in tests, so the test runs each pending mail step itself, as a person would see
 * the job executor do a moment later. Every step leaves a screenshot in {@code target/tasklist-journey/}.
 * Needs Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}: skipped without them, except on
 * CI ({@code CI=true}), where their absence fails the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistJourneyTests extends ProcessScenario {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "tasklist-journey");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PASSWORD = "demo";
    /** The loaded content of the task list column: the list, or the notice that nothing matches. */
    private static final By TASK_LIST = By.xpath("//*[@cam-tasks]/div[@ng-if]");
    private static final By LOGIN_NAME = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
    private static final By LOGIN_PASSWORD = By.cssSelector("form[name='signinForm'] input[ng-model='password']");

    private static final String TITLE = "Solar cold chain for Sindh mango exports";
    private static final String CHANGE_REQUEST = "Please name the cold-storage sites of the pilot.";
    private static final String REVISED_OUTCOMES = "Cold storage at Hyderabad and Mirpur Khas; 30 % less spoilage.";

    private static WebDriver browser;
    private static Path browserProfile;

    @LocalServerPort int port;

    @RegisterExtension
    final TestWatcher evidenceOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                screenshot("FAILED-" + context.getRequiredTestMethod().getName());
                try {
                    Files.writeString(SCREENSHOTS.resolve("FAILED-" + context.getRequiredTestMethod().getName() + ".html"),
                            browser.getPageSource(), StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException ignored) {
                    // the screenshot is what matters
                }
            }
        }
    };

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            String missing = "needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                fail("The Tasklist journey " + missing);
            }
            assumeTrue(false, "Skipped: the Tasklist journey " + missing);
        }
        if (Files.isDirectory(SCREENSHOTS)) {
            try (Stream<Path> old = Files.list(SCREENSHOTS)) {
                old.forEach(file -> file.toFile().delete());
            }
        }
        Files.createDirectories(SCREENSHOTS);
        browserProfile = Files.createTempDirectory("tasklist-journey-chromium");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + browserProfile,
                "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        // The driver named explicitly: Selenium Manager never looks for (or downloads) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(PATIENCE);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (browserProfile != null) {
            try (Stream<Path> files = Files.walk(browserProfile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // The story
    // ------------------------------------------------------------------------------------------------------

    @Test
    void proposalSubmittedRevisedAndApprovedByBothParties_inTheTasklist() {
        // 1. The applicant submits a proposal through the start form.
        login(APPLICANT);
        openStartForm("Exchange proposal");
        typeInto("Organisation name", "Sindh Agritech Cooperative");
        chooseInDropdown("Kind of organisation", "Enterprise");
        chooseInDropdown("Country", "Pakistan");
        typeInto("City", "Hyderabad");
        typeInto("Contact person", "Sara Ahmed");
        typeInto("Contact e-mail", SampleProposals.APPLICANT_MAIL);
        chooseInDropdown("E-mail language", "English");
        typeInto("Counterpart organisation", "Zhongguancun Cold Chain Institute");
        chooseInDropdown("Kind of counterpart", "R&D centre");
        typeInto("Counterpart e-mail", SampleProposals.COUNTERPART_MAIL);
        screenshot("01a-applicant-start-form-who");
        typeInto("Title of the exchange", TITLE);
        chooseInDropdown("Sector", "Artificial intelligence");
        chooseInDropdown("Kind of exchange", "Joint research");
        typeInto("Objectives", "Route mango shipments through solar-powered cold storage planned by AI.");
        typeInto("Expected outcomes", "A pilot on two sites and twelve technicians trained.");
        LocalDate start = LocalDate.now().plusMonths(2);
        enterDate("Start date", start);
        typeInto("Duration in months", "18");
        typeInto("Budget", "180000");
        chooseInDropdown("Currency", "USD");
        screenshot("01b-applicant-start-form-what");
        startProcess();

        String reference = eventually("the proposal is registered", () -> referenceOfProposalTitled(TITLE));
        screenshot("02-applicant-has-submitted");
        assertThat(registry.get(reference).status()).isEqualTo(SUBMITTED);
        assertThat(registry.get(reference).details().startDate()).isEqualTo(start);
        assertThat(registry.get(reference).details().durationMonths()).isEqualTo(18);
        runPendingStep(reference); // the acknowledgement; the review by STZA starts

        // 2. STZA's reviewer asks for changes.
        login(STZA_REVIEWER);
        openFilter("STZA inbox");
        searchFor(reference);
        assertThat(showTaskInList(reference)).contains(TITLE);
        screenshot("03-stza-inbox-lists-the-proposal");
        openTask(reference);
        claim();
        assertThat(formText()).contains(TITLE, "Sindh Agritech Cooperative", "180,000.00 USD",
                "Zhongguancun Cold Chain Institute — R&D centre / 研发中心", "Joint research / 联合研究")
                .as("the summary's Markdown is rendered, not shown").doesNotContain("**", "##");
        scrollTo(waitFor(By.cssSelector(".fjs-container h2")));
        screenshot("03b-stza-reads-the-proposal");
        chooseRadio("Decision", "Request changes");
        typeInto("Comment", CHANGE_REQUEST);
        complete("04-stza-requests-changes");
        eventually("changes are requested", () -> statusHistory(reference).contains(CHANGES_REQUESTED));
        runPendingReviewStep(reference); // the change request is mailed; the revision task is created

        // 3. The applicant revises.
        login(APPLICANT);
        openFilter("My tasks");
        searchFor(reference);
        openTask(reference);
        assertThat(formText()).contains(CHANGE_REQUEST);
        typeInto("Expected outcomes", REVISED_OUTCOMES);
        complete("05-applicant-revises");
        eventually("the proposal is resubmitted", () -> statusHistory(reference).contains(RESUBMITTED));
        assertThat(registry.get(reference).details().expectedOutcomes()).isEqualTo(REVISED_OUTCOMES);

        // 4. STZA approves, without a comment.
        login(STZA_REVIEWER);
        openFilter("STZA inbox");
        searchFor(reference);
        openTask(reference);
        claim();
        assertThat(formText()).contains(CHANGE_REQUEST, REVISED_OUTCOMES);
        chooseRadio("Decision", "Approve");
        complete("06-stza-approves");
        eventually("STZA has approved", () -> statusHistory(reference).contains(STZA_APPROVED));

        // 5. ZBRA approves.
        login(ZBRA_REVIEWER);
        openFilter("ZBRA inbox");
        searchFor(reference);
        assertThat(showTaskInList(reference)).contains(TITLE);
        screenshot("07-zbra-inbox-lists-the-proposal");
        openTask(reference);
        claim();
        chooseRadio("Decision", "Approve");
        complete("08-zbra-approves");
        eventually("ZBRA has approved", () -> statusHistory(reference).contains(APPROVED));
        runPendingStep(reference); // the approval is announced

        // 6. The registry and the mail.
        assertThat(registry.get(reference).status()).isEqualTo(APPROVED);
        assertThat(statusHistory(reference)).containsExactly(SUBMITTED, CHANGES_REQUESTED, RESUBMITTED,
                STZA_APPROVED, APPROVED);
        assertThat(latest(reference, CHANGES_REQUESTED).actor()).isEqualTo(STZA_REVIEWER);
        assertThat(latest(reference, CHANGES_REQUESTED).comment()).isEqualTo(CHANGE_REQUEST);
        assertThat(latest(reference, RESUBMITTED).actor()).isEqualTo(APPLICANT);
        assertThat(latest(reference, STZA_APPROVED).actor()).isEqualTo(STZA_REVIEWER);
        assertThat(latest(reference, APPROVED).actor()).isEqualTo(ZBRA_REVIEWER);
        String exchange = registry.get(reference).exchangeNumber();
        assertThat(exchange).matches("EX-\\d{4}-\\d{5}");
        assertThat(mailsAbout(reference)).containsExactlyInAnyOrder(
                SampleProposals.APPLICANT_MAIL + " | en | [" + reference + "] Proposal received: " + TITLE,
                SampleProposals.APPLICANT_MAIL + " | en | [" + reference + "] Changes requested by STZA: " + TITLE,
                SampleProposals.APPLICANT_MAIL + " | en | [" + reference + "] Exchange approved: " + TITLE
                        + " (" + exchange + ")",
                SampleProposals.COUNTERPART_MAIL + " | zh | [" + reference + "] 交流项目已获批准：" + TITLE
                        + "（" + exchange + "）",
                "stza-reviewer@stza.example.org | en | [" + reference + "] Exchange approved: " + TITLE
                        + " (" + exchange + ")",
                "zbra-reviewer@zbra.example.org | zh | [" + reference + "] 交流项目已获批准：" + TITLE
                        + "（" + exchange + "）");
    }

    @Test
    void rejectingWithoutAComment_keepsCompleteDisabledAndSaysWhy() {
        String reference = acknowledged(SampleProposals.jointAiResearch());

        login(STZA_REVIEWER);
        openFilter("STZA inbox");
        searchFor(reference);
        openTask(reference);
        claim();
        chooseRadio("Decision", "Reject");
        WebElement message = waitFor(By.xpath("//*[contains(@class,'fjs-form-field-text')]"
                + "[contains(normalize-space(.), 'Please write a comment')]"));
        scrollTo(message);
        assertThat(completeButton().isEnabled()).as("Complete with Reject and no comment").isFalse();
        screenshot("09-refused-reject-without-comment");

        typeInto("Comment", "Duplicates an exchange approved last year.");
        waitUntil("Complete is enabled once the comment is written", () -> completeButton().isEnabled());
        assertThat(browser.findElements(By.xpath("//*[contains(normalize-space(.), 'Please write a comment')]"
                + "[contains(@class,'fjs-form-field-text')]"))).isEmpty();
        complete("10-stza-rejects-with-a-comment");
        eventually("the rejection is recorded", () -> statusHistory(reference).contains(REJECTED));
        assertThat(latest(reference, REJECTED).comment()).isEqualTo("Duplicates an exchange approved last year.");
    }

    @Test
    void stzaReviewer_doesNotSeeZbrasTask() {
        String atStza = acknowledged(SampleProposals.jointAiResearch());
        String atZbra = acknowledged(SampleProposals.dockingRequestInChinese());
        decide(atZbra, STZA_REVIEWER, "APPROVE", "");
        String zbraTaskId = reviewTask(atZbra).getId();

        login(STZA_REVIEWER);
        List<String> filters = filterNames();
        assertThat(filters).contains("STZA inbox", "My tasks").doesNotContain("ZBRA inbox");
        openFilter("STZA inbox");
        searchFor(atStza);
        showTaskInList(atStza); // the search finds STZA's own work
        searchFor(atZbra);
        for (String filter : filters) {
            openFilter(filter);
            assertThat(browser.findElements(taskCard(atZbra))).as("%s in %s", atZbra, filter).isEmpty();
            String listed = retrying("the list of " + filter, ignored -> browser.findElement(TASK_LIST).getText());
            assertThat(listed).as(filter).contains("No task matching filters found");
        }
        openFilter("STZA inbox");
        screenshot("11-refused-stza-does-not-see-zbra-task");

        // Not even by the task's own address: for STZA, ZBRA's task does not exist.
        browser.get(tasklist() + "#/?task=" + zbraTaskId);
        waitFor(By.xpath("//*[contains(@class,'alert')][contains(normalize-space(.), 'The task does not exist')]"));
        assertThat(browser.findElements(By.cssSelector("[cam-tasklist-task-meta] button.claim"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".fjs-container"))).isEmpty();
        screenshot("12-refused-stza-opens-zbra-task-by-address");
        assertThat(reviewTask(atZbra).getAssignee()).isNull();
    }

    // ------------------------------------------------------------------------------------------------------
    // Moves in the Tasklist
    // ------------------------------------------------------------------------------------------------------

    private String tasklist() {
        return "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    /** Signs out whoever was signed in (a fresh session) and signs in as this account. */
    private void login(String user) {
        browser.manage().deleteAllCookies();
        browser.get(tasklist() + "#/login");
        ((JavascriptExecutor) browser).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
        browser.navigate().refresh();
        // The login page renders twice (its plugins arrive late): keys typed meanwhile land in the wrong field or
        // nowhere. Typed again until Angular holds both values; a wrong password would lock the account a while.
        waitFor(By.cssSelector("[data-plugin-id='programme-language-login'] .programme-language"));
        new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class)
                .withMessage("the login form holds the credentials of " + user).until(ignored -> {
                    boolean name = holds(LOGIN_NAME, user);
                    boolean password = holds(LOGIN_PASSWORD, PASSWORD);
                    return name && password;
                });
        browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
        waitFor(By.cssSelector(".task-filters .task-filter"));
    }

    /** Types the value into the field unless it holds it already; true once Angular has it too. */
    private boolean holds(By field, String value) {
        WebElement input = browser.findElement(field);
        if (!value.equals(input.getAttribute("value"))) {
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(value);
        }
        return value.equals(input.getAttribute("value")) && input.getAttribute("class").contains("ng-not-empty");
    }

    private List<String> filterNames() {
        waitFor(By.cssSelector(".task-filters .task-filter"));
        return browser.findElements(By.cssSelector(".task-filters .task-filter h4.name a")).stream()
                .map(link -> link.getText().replaceAll("\\s+\\d+$", "").strip()).toList();
    }

    /** Opens the filter of this name and waits for its own list (not the one shown before) to be there. */
    private void openFilter(String name) {
        moveMouseAway();
        By active = By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]"
                + "[.//h4[starts-with(normalize-space(.), '" + name + "')]]");
        if (browser.findElements(active).isEmpty()) {
            List<WebElement> shownList = browser.findElements(TASK_LIST);
            waitClickable(By.xpath("//div[contains(@class,'task-filter')][.//h4[contains(@class,'name')]"
                    + "[starts-with(normalize-space(.), '" + name + "')]]")).click();
            waitFor(active);
            moveMouseAway();
            if (!shownList.isEmpty()) {
                new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.stalenessOf(shownList.get(0)));
            }
        }
        waitFor(TASK_LIST);
    }

    /** The hover tooltip of a filter covers its neighbour: the mouse rests on the page's footer. */
    private void moveMouseAway() {
        new Actions(browser).moveToElement(browser.findElement(By.tagName("footer"))).perform();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector(".tooltip")));
    }

    /**
     * The Tasklist's task search (a pill "Business Key = reference", as a shared search link carries it): only
     * this proposal's tasks, in the open filter and in any filter opened next. A busy inbox has pages.
     */
    private void searchFor(String reference) {
        String filter = browser.getCurrentUrl().replaceAll(".*[?&]filter=([^&]+).*", "$1");
        String search = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\""
                + reference + "\",\"name\":\"\"}]";
        List<WebElement> shownList = browser.findElements(TASK_LIST);
        browser.get(tasklist() + "#/?filter=" + filter + "&searchQuery="
                + URLEncoder.encode(search, StandardCharsets.UTF_8).replace("+", "%20"));
        waitFor(By.xpath("//*[@cam-widget-search-pill][contains(normalize-space(.), '" + reference + "')]"));
        if (!shownList.isEmpty()) {
            new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.stalenessOf(shownList.get(0)));
        }
        waitFor(TASK_LIST);
    }

    private By taskCard(String reference) {
        return By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(normalize-space(.), '" + reference + "')]");
    }

    /**
     * The card of this proposal's task in the open filter's list, found by its reference column and scrolled into
     * view; its text. The Tasklist redraws the list every 10 seconds, so the card is looked up afresh each time.
     */
    private String showTaskInList(String reference) {
        return retrying("the task of " + reference + " in the list", ignored -> {
            WebElement card = browser.findElement(taskCard(reference));
            scrollTo(card);
            return card.getText();
        });
    }

    private void openTask(String reference) {
        retrying("opening the task of " + reference, ignored -> {
            browser.findElement(taskCard(reference)).findElement(By.cssSelector("h4.task a")).click();
            return true;
        });
        waitFor(By.cssSelector("[cam-tasklist-task-meta]"));
        waitFor(By.cssSelector(".fjs-container"));
    }

    private void claim() {
        waitClickable(By.cssSelector("[cam-tasklist-task-meta] button.claim")).click();
        waitFor(By.cssSelector("[cam-tasklist-task-meta] .unclaim"));
    }

    private void openStartForm(String processName) {
        waitClickable(By.xpath("//a[normalize-space(.)='Start process']")).click();
        waitClickable(By.xpath("//ul[contains(@class,'processes')]//a[normalize-space(.)='" + processName + "']")).click();
        waitFor(By.cssSelector(".modal-body .fjs-container"));
    }

    private void startProcess() {
        WebElement start = waitClickable(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Start']"));
        start.click();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector(".modal-body .fjs-container")));
    }

    private WebElement completeButton() {
        return waitFor(By.xpath("//div[contains(@class,'form-actions')]//button[normalize-space(.)='Complete']"));
    }

    /** Completes the open task once the form allows it, with a screenshot of the form as it is sent. */
    private void complete(String step) {
        WebElement button = completeButton();
        waitUntil("Complete is enabled", button::isEnabled);
        scrollTo(button);
        screenshot(step);
        button.click();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector(".fjs-container")));
    }

    /** The form-js field (its container) whose label reads "{label} / ...", as every bilingual label does. */
    private WebElement field(String label) {
        return waitFor(By.xpath("(//label[starts-with(normalize-space(.), '" + label + " /')])[1]"
                + "/ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]"));
    }

    private void typeInto(String label, String text) {
        WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
        scrollTo(input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        waitUntil(label + " reads what was typed", () -> text.equals(input.getAttribute("value")));
    }

    /** A select of form-js: a custom dropdown list, not a {@code <select>}. */
    private void chooseInDropdown(String label, String value) {
        WebElement select = field(label);
        scrollTo(select);
        select.findElement(By.cssSelector(".fjs-input-group")).click();
        WebElement item = new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.elementToBeClickable(
                select.findElement(By.xpath(".//div[contains(@class,'fjs-dropdownlist-item')]"
                        + "[starts-with(normalize-space(.), '" + value + "')]"))));
        item.click();
        waitUntil(label + " shows " + value, () -> select.findElement(By.cssSelector(".fjs-select-display"))
                .getText().startsWith(value));
    }

    private void chooseRadio(String label, String option) {
        WebElement radio = field(label);
        scrollTo(radio);
        WebElement optionLabel = radio.findElement(By.xpath(".//label[starts-with(normalize-space(.), '" + option + "')]"));
        optionLabel.click();
        WebElement input = browser.findElement(By.id(optionLabel.getAttribute("for")));
        waitUntil(label + ": " + option, input::isSelected);
    }

    /** The date picker takes typed input in the browser's format (en-US: M/d/yyyy); Enter accepts it. */
    private void enterDate(String label, LocalDate date) {
        WebElement input = field(label).findElement(By.cssSelector("input.fjs-input"));
        scrollTo(input);
        input.click();
        input.sendKeys(date.format(DateTimeFormatter.ofPattern("M/d/yyyy")), Keys.ENTER);
        waitUntil(label + " holds the date", () -> !input.getAttribute("value").isBlank());
    }

    private String formText() {
        return waitFor(By.cssSelector(".fjs-container")).getText();
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private static void screenshot(String step) {
        try {
            Files.write(SCREENSHOTS.resolve(step + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private WebElement waitClickable(By locator) {
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.elementToBeClickable(locator));
    }

    private void waitUntil(String what, Supplier<Boolean> condition) {
        new WebDriverWait(browser, PATIENCE).withMessage(what).until(ignored -> condition.get());
    }

    /** Does this (30 s at most) until it gives a value, again if the page redrew what it used meanwhile. */
    private <T> T retrying(String what, Function<WebDriver, T> action) {
        return new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class).withMessage(what).until(action);
    }

    /** Waits (30 s at most) until the supplier gives a value that is not null or false. */
    private <T> T eventually(String what, Supplier<T> value) {
        return new WebDriverWait(browser, PATIENCE).withMessage(what).until(ignored -> {
            T current = value.get();
            return Boolean.FALSE.equals(current) ? null : current;
        });
    }

    // ------------------------------------------------------------------------------------------------------
    // The engine's side
    // ------------------------------------------------------------------------------------------------------

    private String referenceOfProposalTitled(String title) {
        List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(ProposalFields.TITLE, title).list();
        return instances.size() == 1 ? instances.get(0).getBusinessKey() : null;
    }

    private String acknowledged(Map<String, Object> fields) {
        String reference = referenceOf(submit(fields));
        runPendingStep(reference);
        return reference;
    }

    /** Runs the pending asynchronous step (a mail) of this proposal's running review. */
    private void runPendingReviewStep(String reference) {
        Job job = managementService.createJobQuery().processInstanceId(review(reference).getId()).messages()
                .singleResult();
        assertThat(job).as("a pending step of the review of %s", reference).isNotNull();
        managementService.executeJob(job.getId());
    }
}
