package dev.confab.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A process the suite started: its output goes to one log file and its pid to a file that {@code stop} reads. */
final class ChildProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(15);

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    static ChildProcess start(String name, List<String> command, LocalSettings settings) {
        try {
            Files.createDirectories(settings.logDir());
            Files.createDirectories(settings.pidDir());
            Path log = settings.logDir().resolve(name + ".log");
            Process process = new ProcessBuilder(command)
                    .directory(settings.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Path pidFile = settings.pidDir().resolve(name + ".pid");
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ChildProcess(name, process, log, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** Polls {@code ready} until it holds; fails early, pointing at the log, if the process dies first. */
    void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready after " + timeout.toSeconds() + " s; see " + log);
            }
            pause();
        }
    }

    /** Waits for a one-off command to finish; fails, pointing at the log, unless it exits with 0. */
    void awaitSuccess(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed with code " + process.exitValue() + "; see " + log);
            }
            Files.deleteIfExists(pidFile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks the process to stop (SIGTERM) without waiting, so several processes can wind down together. */
    void requestStop() {
        process.destroy();
    }

    /** Asks the process to stop (SIGTERM), and kills it if it has not stopped within the grace period. */
    @Override
    public void close() {
        requestStop();
        try {
            if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(pidFile);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            // A readiness poll interval, not synchronisation: the condition is re-checked every time.
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
