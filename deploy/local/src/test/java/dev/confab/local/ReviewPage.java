package dev.confab.local;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.util.List;

/** dialog's review page in headless Chromium: what a reviewer sees and does. */
final class ReviewPage implements AutoCloseable {

    private final ChromeDriver browser;

    private ReviewPage(ChromeDriver browser) {
        this.browser = browser;
    }

    static ReviewPage open(String url) throws IOException {
        return new ReviewPage(HeadlessChromium.open(url));
    }

    /** The conversations the inbox lists, most recently active first (read in one go: the inbox re-renders). */
    List<String> conversations() {
        return strings("return [...document.querySelectorAll('#inbox tr')].map(row => row.dataset.conversation);");
    }

    void choose(String conversationId) {
        browser.findElement(By.cssSelector("#inbox tr[data-conversation='" + conversationId + "']")).click();
    }

    /** The user's messages of the open conversation, in order. */
    List<String> userMessages() {
        return strings("return [...document.querySelectorAll('#messages li.USER')]"
                + ".map(item => item.firstChild.textContent);");
    }

    /** Says which intent the {@code index}-th user message meant. */
    void correct(int index, String intent) {
        WebElement correction = browser.findElements(By.cssSelector("#messages li.USER input")).get(index);
        correction.clear();
        correction.sendKeys(intent);
    }

    void approve() {
        browser.findElement(By.id("approve")).click();
    }

    String status() {
        return browser.findElement(By.id("status")).getText();
    }

    /** Shows the inbox again, as the form's button does. */
    void refresh() {
        browser.findElement(By.cssSelector("#which button")).click();
    }

    private List<String> strings(String script) {
        List<?> values = (List<?>) browser.executeScript(script);
        return values.stream()
                .map(String::valueOf)
                .toList();
    }

    @Override
    public void close() {
        browser.quit();
    }
}
