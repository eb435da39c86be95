package io.switchboard.store;

import static io.switchboard.store.Attr.str;

import io.switchboard.inbox.ArrivalReads;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The identity's link, the message and the contact in one BatchGetItem, assuming the identity is its
 * own contact (it is, unless it was linked to another); a linked identity costs a second read of the
 * message and contact under the contact it names. Reads are eventually consistent, as the lookups
 * they replace were: a stale contact only makes the conditional write that follows fail and retry.
 */
public final class DynamoArrivalReads implements ArrivalReads {

    private final DynamoDbClient db;
    private final String table;
    public DynamoArrivalReads(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    @Override
    public Arrival read(String ws, String channelId, String platformId, String externalId) {
        var link = Attr.key(DynamoContactStore.linkKey(ws, channelId, platformId), "LINK");
        List<Map<String, AttributeValue>> items = batch(List.of(link, message(ws, platformId, channelId, externalId),
                contact(ws, platformId)));
        String linked = items.stream().filter(i -> "LINK".equals(str(i, Table.SK))).map(i -> str(i, "contactId"))
                .findFirst().orElse(null);
        String contactId = platformId;
        if (linked != null && !linked.equals(platformId)) {
            contactId = linked;
            items = batch(List.of(message(ws, contactId, channelId, externalId), contact(ws, contactId)));
        }
        String messageSort = DynamoMessageStore.sort(channelId, externalId);
        boolean duplicate = items.stream().anyMatch(i -> messageSort.equals(str(i, Table.SK)));
        Map<String, AttributeValue> contact = items.stream()
                .filter(i -> DynamoContactStore.SORT.equals(str(i, Table.SK))).findFirst().orElse(null);
        return new Arrival(contactId, duplicate, true,
                contact == null ? null : DynamoContactStore.toContact(ws, contactId, contact));
    }

    private List<Map<String, AttributeValue>> batch(List<Map<String, AttributeValue>> keys) {
        return BatchReads.read(db, table, keys, false);
    }

    private static Map<String, AttributeValue> message(String ws, String contactId, String channelId, String externalId) {
        return Attr.key(Keys.contact(ws, contactId), DynamoMessageStore.sort(channelId, externalId));
    }

    private static Map<String, AttributeValue> contact(String ws, String contactId) {
        return Attr.key(Keys.contact(ws, contactId), DynamoContactStore.SORT);
    }
}
