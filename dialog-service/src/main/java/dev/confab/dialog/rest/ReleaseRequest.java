package dev.confab.dialog.rest;

import java.util.Map;

/**
 * Body of a bundle release: every file of the bundle directory, by path relative to it (what
 * {@code bin/confab-assistant publish} reads).
 */
public record ReleaseRequest(Map<String, String> files) {
}
