package dev.confab.local;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** The gateway's web chat in headless Chromium: what a user types and what they see. */
final class WebChatPage implements AutoCloseable {

    private final ChromeDriver browser;

    private WebChatPage(ChromeDriver browser) {
        this.browser = browser;
    }

    static WebChatPage open(String url) throws IOException {
        return new WebChatPage(HeadlessChromium.open(url));
    }

    void say(String text) {
        awaitTurnOver();
        browser.findElement(By.id("message")).sendKeys(text);
        browser.findElement(By.id("send")).click();
    }

    /** Waits until the page's turn has ended (its {@code done} came): the send button is enabled again. */
    void awaitTurnOver() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> browser.findElement(By.id("send")).isEnabled());
    }

    /** The texts of the bot's finished messages so far. */
    List<String> botMessages() {
        return browser.findElements(By.cssSelector(".message.bot:not(.streaming) .text")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The links under the bot's last finished message. */
    List<String> lastCitations() {
        return lastMessage().findElements(By.cssSelector(".citations a")).stream()
                .map(link -> link.getAttribute("href"))
                .toList();
    }

    /** Clicks a thumb under the bot's last finished message. */
    void rateLastMessage(boolean helpful) {
        lastMessage().findElement(By.cssSelector(".thumb[data-rating='" + (helpful ? "up" : "down") + "']")).click();
    }

    /** The rating the gateway accepted for the bot's last finished message ({@code up}, {@code down}), or empty. */
    String lastRatingSent() {
        String sent = lastMessage().findElement(By.cssSelector(".feedback")).getDomAttribute("data-sent");
        return sent == null ? "" : sent;
    }

    /** The texts of the messages a human agent wrote. */
    List<String> agentMessages() {
        return browser.findElements(By.cssSelector(".message.bot.agent .text")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** What the user typed, in order. */
    List<String> userMessages() {
        return browser.findElements(By.cssSelector(".message.user .text")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Where a handoff to a human stands as the page shows it ({@code REQUESTED}, {@code ACCEPTED}…), or empty. */
    String handoffState() {
        String state = browser.findElement(By.id("handoff")).getDomAttribute("data-state");
        return state == null ? "" : state;
    }

    /** The conversation the page talks in, once it has one. */
    String conversationId() {
        String id = browser.findElement(By.tagName("main")).getDomAttribute("data-conversation");
        return id == null ? "" : id;
    }

    /** Whether the page's follow stream is open. */
    boolean following() {
        return "open".equals(browser.findElement(By.tagName("main")).getDomAttribute("data-connection"));
    }

    /** Reloads the page, as a user pressing F5 in the middle of a conversation. */
    void reload() {
        browser.navigate().refresh();
    }

    private WebElement lastMessage() {
        List<WebElement> messages = browser.findElements(By.cssSelector(".message.bot:not(.streaming)"));
        return messages.get(messages.size() - 1);
    }

    /** Whether the page has a message still streaming, at the moment of asking. */
    boolean streaming() {
        return !browser.findElements(By.cssSelector(".message.bot.streaming")).isEmpty();
    }

    String status() {
        return browser.findElement(By.id("status")).getText();
    }

    @Override
    public void close() {
        browser.quit();
    }
}
