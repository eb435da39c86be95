package io.switchboard.document;

/** One thing wrong with a workflow document, and where: a JSON path such as {@code $.steps[1].duration}. */
public record Problem(String path, String message) {
}
