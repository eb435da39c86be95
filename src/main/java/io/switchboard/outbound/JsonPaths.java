package io.switchboard.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a simple JSON path: {@code $.customer.tier}, {@code $.orders[0].id}. */
public final class JsonPaths {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)?((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private JsonPaths() {
    }

    /** The value at {@code path} as text (objects and arrays as JSON), or empty when absent or null. */
    public static Optional<String> read(JsonNode root, String path) {
        String rest = path.startsWith("$") ? path.substring(1) : path;
        if (rest.startsWith(".")) {
            rest = rest.substring(1);
        }
        JsonNode node = root;
        if (!rest.isEmpty()) {
            for (String segment : rest.split("\\.")) {
                Matcher m = SEGMENT.matcher(segment);
                if (!m.matches()) {
                    return Optional.empty();
                }
                if (m.group(1) != null) {
                    node = node.path(m.group(1));
                }
                Matcher index = INDEX.matcher(m.group(2));
                while (index.find()) {
                    node = node.path(Integer.parseInt(index.group(1)));
                }
            }
        }
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(node.isValueNode() ? node.asText() : node.toString());
    }
}
