package io.switchboard.inspector;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.support.DynamoDbLocalResource;
import io.switchboard.support.MutableClock;
import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A support lead opens the run inspector in a real headless Chromium, signs in with the workspace API
 * key and asks "why was this reassigned?" of the headline scenario: Alice got the conversation,
 * nobody replied within the wait, Bob took over.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalResource.class)
class RunInspectorBrowserTest {

    private static final String SCRIPT_NAME = "<script>alert(1)</script>";

    @Inject
    MutableClock clock;

    @TestHTTPResource("/")
    URL base;

    ChromeDriver browser;
    Workspace ws;
    String contact;

    @BeforeEach
    void reassignedConversation() throws Exception {
        assumeFalse(Boolean.getBoolean("browser.skip"), "-Dbrowser.skip=true");
        ws = Workspace.create().user("alice", true).user("bob", true).user("carol", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
        contact = "c-" + UUID.randomUUID().toString().substring(0, 8);
        ws.deliver(Workspace.customMessage(contact, SCRIPT_NAME, "m-1", "Where is my order?")).then().statusCode(200);
        clock.advance(Duration.ofMinutes(16));
        Workspace.sweep();
        assertEquals("bob", ws.assignee(contact));
        browser = HeadlessChromium.start(Path.of("target/chromium-profile-" + UUID.randomUUID()));
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsWhyTheConversationWasReassignedOnATimelineThatRenders() throws Exception {
        signIn(ws.apiKey);
        assertFalse(browser.getCurrentUrl().contains(ws.apiKey), "the API key is never in a URL");
        assertTrue(browser.manage().getCookieNamed(InspectorSession.COOKIE).isHttpOnly(),
                "scripts on the page cannot read the key");

        browser.findElement(By.id("contactId")).sendKeys(contact);
        browser.findElement(By.id("find-contact")).click();
        assertEquals(SCRIPT_NAME, browser.findElement(By.id("contact-name")).getText(), "the name is shown as text");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "the contact's name ran as a script");
        assertEquals("Bob", browser.findElement(By.id("assignee")).getText());
        assertEquals("open", browser.findElement(By.id("conversation-status")).getText());

        browser.findElement(By.cssSelector("#runs tbody a")).click();
        assertEquals("completed", browser.findElement(By.id("run-status")).getText());
        List<WebElement> entries = browser.findElements(By.cssSelector("#timeline li.entry"));
        assertEquals(List.of("assign_to", "wait", "wake_up", "branch", "assign_to", "add_comment"),
                entries.stream().map(e -> e.findElement(By.className("type")).getText()).toList());
        WebElement branch = entries.get(3);
        assertTrue(branch.getText().contains("contact_field.conversation_status is_equal_to open saw open → true"),
                branch.getText());
        WebElement reassignment = entries.get(4);
        assertTrue(reassignment.getText().contains("assigned to Bob") || reassignment.getText().contains("bob"),
                reassignment.getText());
        assertTrue(reassignment.findElement(By.className("why")).getText().startsWith("Why:"), reassignment.getText());
        assertTrue(reassignment.getText().contains("previousAssignee\nalice"), reassignment.getText());
        assertEquals(List.of("Alice (alice): not chosen, already assigned by this run"),
                reassignment.findElements(By.cssSelector(".not-chosen li")).stream().map(WebElement::getText).toList(),
                "why each agent who did not get the conversation was left out");

        byte[] png = browser.findElement(By.id("timeline")).getScreenshotAs(OutputType.BYTES);
        Path shot = Path.of("target/inspector/run-timeline.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        BufferedImage timeline = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(timeline.getHeight() > 6 * 40, "six steps drawn one under another: " + timeline.getHeight() + " px");
        // the steps' coloured bars: green for steps that did their work, amber for the wait and the wake-up
        assertTrue(pixelsNear(timeline, 0x1f8a4c) > 100, "no green step markers in the screenshot (see " + shot + ")");
        assertTrue(pixelsNear(timeline, 0xc07a00) > 50, "no amber wait markers in the screenshot (see " + shot + ")");
        assertTrue(distinctColours(timeline) > 20, "the timeline screenshot is blank (see " + shot + ")");

        browser.findElement(By.cssSelector("h1 a")).click();
        String tree = browser.findElement(By.id("tree")).getText();
        assertEquals(List.of("assign_to assign-first", "wait wait", "branch check-reply", "path 1",
                "assign_to reassign", "add_comment note", "path 2: no steps"), tree.lines().toList());
    }

    @Test
    void listsTheWorkspacesConversationsWaitingRunsAndQueuedContactsAcrossPages() throws Exception {
        // a second contact: Bob goes offline, so after Alice's wait nobody else may take it and it queues
        String queued = "q-" + UUID.randomUUID().toString().substring(0, 8);
        ws.deliver(Workspace.customMessage(queued, "Quinn <b>queued</b>", "m-q", "Hello?")).then().statusCode(200);
        ws.online("bob", false);
        clock.advance(Duration.ofMinutes(16));
        Workspace.sweep();
        // a third contact whose run waits for its timer
        String waiting = "w-" + UUID.randomUUID().toString().substring(0, 8);
        ws.deliver(Workspace.customMessage(waiting, "Wanda", "m-w", "Anyone?")).then().statusCode(200);

        signIn(ws.apiKey);
        browser.findElement(By.id("nav-conversations")).click();
        assertEquals(List.of("Wanda", "Quinn <b>queued</b>", SCRIPT_NAME), column("#conversations a.contact"),
                "every conversation of the workspace, newest opened first, names shown as text");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertEquals(List.of("Alice", "Alice", "Bob"), column("#conversations td.assignee"));
        assertTrue(browser.findElement(By.id("examined")).getText().contains("Looked at 3 conversations"));
        Files.createDirectories(Path.of("target/inspector"));
        Files.write(Path.of("target/inspector/conversations.png"), browser.getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.id("nav-waiting")).click();
        List<WebElement> rows = browser.findElements(By.cssSelector("#runs-list tr.waiting-run"));
        assertEquals(List.of("Wanda", "Quinn <b>queued</b>"), column("#runs-list a.contact"));
        assertEquals(List.of("waiting for timer", "queued for assignment"), column("#runs-list td.state"));
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)).toString(),
                rows.get(0).findElement(By.className("due")).getText(), "the waiting run's due time");

        browser.findElement(By.id("nav-queued")).click();
        assertEquals(List.of("Quinn <b>queued</b>"), column("#runs-list a.contact"));
        assertFalse(browser.findElement(By.cssSelector("#runs-list td.queued-since")).getText().isBlank());
        browser.findElement(By.cssSelector("#runs-list a.run")).click();
        assertTrue(browser.findElement(By.id("run-status")).getText().contains("queued for an agent"));
        assertTrue(column(".not-chosen li").containsAll(List.of("Alice (alice): not chosen, already assigned by this run",
                "Bob (bob): not chosen, offline")), column(".not-chosen li").toString());

        // filters: a closed conversation, then the open ones from today on
        ws.close(waiting);
        browser.get(base + "inspector/conversations");
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("closed");
        browser.findElement(By.id("filter")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("status=closed"));
        assertEquals(List.of("Wanda"), column("#conversations a.contact"));
        String yesterday = clock.instant().minus(Duration.ofDays(1)).toString().substring(0, 10);
        String tomorrow = clock.instant().plus(Duration.ofDays(1)).toString().substring(0, 10);
        browser.get(base + "inspector/conversations?status=open&since=" + yesterday);
        assertEquals(List.of("Quinn <b>queued</b>", SCRIPT_NAME), column("#conversations a.contact"));
        browser.get(base + "inspector/conversations?since=" + tomorrow);
        assertEquals(List.of("No conversations match."), column("#conversations td"));
        browser.get(base + "inspector/conversations?until=2001-01-01");
        assertEquals(List.of("No conversations match."), column("#conversations td"));
        browser.get(base + "inspector/waiting?workflow=no-such-workflow");
        assertEquals(List.of("No run is waiting among these conversations."), column("#runs-list td"));

        // pages: more conversations than one page holds, each listed once, the key never in a link
        for (int i = 0; i < WorkspaceLists.PAGE_SIZE; i++) {
            ws.deliver(Workspace.customMessage("p-" + i, "Page " + i, "m-p" + i, "hi")).then().statusCode(200);
        }
        browser.get(base + "inspector/conversations");
        List<String> seen = new java.util.ArrayList<>(column("#conversations a.contact"));
        assertEquals(WorkspaceLists.PAGE_SIZE, seen.size());
        String next = browser.findElement(By.id("next-page")).getAttribute("href");
        assertFalse(next.contains(ws.apiKey), "the key is never in a URL");
        browser.findElement(By.id("next-page")).click();
        seen.addAll(column("#conversations a.contact"));
        assertEquals(WorkspaceLists.PAGE_SIZE + 3, seen.size());
        assertEquals(seen.size(), new java.util.HashSet<>(seen).size(), "no conversation listed twice");
        assertEquals(SCRIPT_NAME, seen.get(seen.size() - 1));

        browser.get(base + "inspector/conversations?after=forged");
        assertTrue(browser.findElement(By.id("problem")).getText().contains("page link"));
        browser.get(base + "inspector/conversations?since=yesterday");
        assertEquals("since must be a date like 2026-05-01, not 'yesterday'", browser.findElement(By.id("problem")).getText());
    }

    private List<String> column(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    @Test
    void filtersTheContactsRunsByStatusAndWorkflow() {
        signIn(ws.apiKey);
        browser.get(base + "inspector/contacts/" + contact);
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("failed");
        browser.findElement(By.id("filter")).click();
        // the filter loads a new page: read it once it is there, not the page it replaces
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("status=failed"));
        assertEquals("No runs match.", browser.findElement(By.cssSelector("#runs tbody td")).getText());
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("completed");
        browser.findElement(By.id("filter")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("status=completed"));
        assertEquals(1, browser.findElements(By.cssSelector("#runs tbody a")).size());
        assertTrue(browser.getCurrentUrl().contains("status=completed"));
    }

    @Test
    void aWrongKeyIsRefusedAndSigningOutForgetsTheKey() {
        signIn("not-a-key-" + UUID.randomUUID());
        assertEquals("That API key belongs to no workspace.", browser.findElement(By.cssSelector(".error")).getText());
        signIn(ws.apiKey);
        browser.findElement(By.cssSelector(".signout button")).click();
        assertTrue(browser.findElements(By.id("apiKey")).size() == 1, "back at the sign-in form");
        browser.get(base + "inspector/contacts/" + contact);
        assertTrue(browser.findElements(By.id("apiKey")).size() == 1, "pages need signing in again");
    }

    @Test
    void pagesAskForSignInAndForbidScriptsAndFraming() {
        given().redirects().follow(false).get("/inspector/contacts/" + contact).then().statusCode(303)
                .header("location", "/inspector");
        for (String list : List.of("/inspector/conversations", "/inspector/waiting", "/inspector/queued")) {
            given().redirects().follow(false).get(list).then().statusCode(303).header("location", "/inspector");
        }
        String csp = given().get("/inspector").then().statusCode(200).extract().header("content-security-policy");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
        String html = given().cookie(InspectorSession.COOKIE, ws.apiKey).get("/inspector/contacts/" + contact)
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped in the HTML itself");
        assertFalse(html.contains(SCRIPT_NAME));
        String list = given().cookie(InspectorSession.COOKIE, ws.apiKey).get("/inspector/conversations")
                .then().statusCode(200).extract().asString();
        assertTrue(list.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped in the list too");
        assertFalse(list.contains(SCRIPT_NAME));
    }

    private void signIn(String key) {
        browser.get(base + "inspector");
        browser.findElement(By.id("apiKey")).sendKeys(key);
        WebElement button = browser.findElement(By.id("sign-in"));
        button.click();
        // a click does not wait for the page it submits to: the next page must not be asked for before the
        // sign-in's answer (and its cookie) is in
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(button));
    }

    private static int pixelsNear(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 16 && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 16
                        && Math.abs((p & 0xff) - (rgb & 0xff)) < 16) {
                    count++;
                }
            }
        }
        return count;
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
