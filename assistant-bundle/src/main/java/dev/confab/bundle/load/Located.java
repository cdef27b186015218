package dev.confab.bundle.load;

import com.fasterxml.jackson.databind.JsonNode;

/** A definition from a bundle file, with where it came from so later checks can point at it. */
record Located(String name, JsonNode node, YamlDocument document, String pointer) {

    BundleProblem problem(String message) {
        return document.problem(pointer, message);
    }

    BundleProblem problem(String relativePointer, String message) {
        return document.problem(pointer + relativePointer, message);
    }

    String where() {
        BundleProblem at = document.problem(pointer, "");
        return at.file() + ":" + at.line();
    }
}
