package dev.confab.local;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the headless Chromium the page tests drive: Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A browser showing {@code url}; the caller quits it. */
    static ChromeDriver open(String url) throws IOException {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                // This machine's network is closed: without these flags Chromium keeps trying to reach Google.
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(driver, options);
        browser.get(url);
        return browser;
    }
}
