package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;

/**
 * The table the local run creates has the indexes infra/dynamodb.tf gives AWS, with the same keys and
 * projected attributes: a store that reads an attribute from an index (the sweep reads each due run's
 * wake token) would otherwise work in one place and not the other.
 */
class TableMatchesTerraformTest {

    private static final Pattern INDEX = Pattern.compile("global_secondary_index \\{(.*?)\\n  \\}", Pattern.DOTALL);

    @Test
    void theLocalTablesIndexesAreTheOnesTerraformDeclares() throws IOException {
        LocalTable table = new LocalTable();
        Map<String, String> local = new TreeMap<>();
        for (GlobalSecondaryIndexDescription index : table.db.describeTable(b -> b.tableName(table.name)).table()
                .globalSecondaryIndexes()) {
            local.put(index.indexName(), describe(index.keySchema().get(0).attributeName(),
                    index.keySchema().get(1).attributeName(), index.projection().projectionTypeAsString(),
                    index.projection().nonKeyAttributes()));
        }

        Map<String, String> terraform = new TreeMap<>();
        Matcher m = INDEX.matcher(Files.readString(Path.of("infra/dynamodb.tf")));
        while (m.find()) {
            String block = m.group(1);
            terraform.put(value(block, "name"), describe(value(block, "hash_key"), value(block, "range_key"),
                    value(block, "projection_type"), attributes(block)));
        }

        assertEquals(terraform, local);
    }

    private static String describe(String hash, String range, String projection, List<String> attributes) {
        return hash + "/" + range + " " + projection + (attributes.isEmpty() ? "" : " " + attributes);
    }

    private static String value(String block, String name) {
        Matcher m = Pattern.compile("\\b" + name + "\\s*=\\s*\"([^\"]*)\"").matcher(block);
        return m.find() ? m.group(1) : null;
    }

    private static List<String> attributes(String block) {
        Matcher m = Pattern.compile("non_key_attributes\\s*=\\s*\\[([^\\]]*)\\]").matcher(block);
        return m.find() ? List.of(m.group(1).replace("\"", "").replace(" ", "").split(",")) : List.of();
    }
}
