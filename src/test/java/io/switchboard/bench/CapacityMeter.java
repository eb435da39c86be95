package io.switchboard.bench;

import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Sums the read and write units DynamoDB reports (ConsumedCapacity, table and indexes) for every
 * request the stores make. A failed conditional write returns no capacity but is billed: it counts
 * as one write unit.
 *
 * <p>{@link #billedWrites} is the same sum with each transaction billed as AWS documents it rather than as
 * DynamoDB Local reports it. AWS: two writes (prepare, commit) of every item, each a unit per KB. DynamoDB
 * Local 2.6.1 reports 4 table units for a transaction of one small put and 4 for one of two (measured), and
 * four times each index write. So the meter bills a transaction at 2 units per item KB (a put's item sized
 * here; an updated item at the table units its last plain write reported, at least 1) plus the reported
 * index units ÷ 4, doubled as well (AWS does not say whether a transaction's index writes are doubled: the
 * figure is the upper bound).
 */
final class CapacityMeter implements ExecutionInterceptor {

    final DoubleAdder reads = new DoubleAdder();
    final DoubleAdder writes = new DoubleAdder();
    final DoubleAdder billedWrites = new DoubleAdder();
    /** Table units of each item's last plain write, by its key: what an update of it in a transaction costs. */
    private final java.util.Map<String, Double> itemUnits = new java.util.concurrent.ConcurrentHashMap<>();
    final DoubleAdder requests = new DoubleAdder();
    /** When tracing, one line per request: operation, the item's sort key kind, units. */
    final java.util.List<String> trace = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile boolean tracing;
    /** Per operation: how many, and their time from the call to its answer (client side, queueing included). */
    final java.util.Map<String, java.util.concurrent.atomic.LongAdder[]> latency = new java.util.concurrent.ConcurrentHashMap<>();
    private static final software.amazon.awssdk.core.interceptor.ExecutionAttribute<Long> STARTED =
            new software.amazon.awssdk.core.interceptor.ExecutionAttribute<>("bench.started");

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    private void time(SdkRequest request, ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (started != null) {
            var a = latency.computeIfAbsent(request.getClass().getSimpleName().replace("Request", ""),
                    k -> new java.util.concurrent.atomic.LongAdder[] {new java.util.concurrent.atomic.LongAdder(),
                            new java.util.concurrent.atomic.LongAdder()});
            a[0].increment();
            a[1].add(System.nanoTime() - started);
        }
    }

    /** "TransactWriteItems 1000 x 12.3 ms, ..." since the last reset. */
    String latencies() {
        StringBuilder b = new StringBuilder();
        latency.forEach((op, a) -> b.append(b.length() == 0 ? "" : ", ").append(String.format("%s %d x %.1f ms", op,
                a[0].sum(), a[1].sum() / 1e6 / Math.max(1, a[0].sum()))));
        return b.toString();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        ReturnConsumedCapacity all = ReturnConsumedCapacity.INDEXES;
        if (r instanceof PutItemRequest p) return p.toBuilder().returnConsumedCapacity(all).build();
        if (r instanceof UpdateItemRequest u) return u.toBuilder().returnConsumedCapacity(all).build();
        if (r instanceof GetItemRequest g) return g.toBuilder().returnConsumedCapacity(all).build();
        if (r instanceof DeleteItemRequest d) return d.toBuilder().returnConsumedCapacity(all).build();
        if (r instanceof QueryRequest q) return q.toBuilder().returnConsumedCapacity(all).build();
        if (r instanceof BatchGetItemRequest b) return b.toBuilder().returnConsumedCapacity(all).build();
        if (r instanceof TransactWriteItemsRequest t) return t.toBuilder().returnConsumedCapacity(all).build();
        return r;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        requests.add(1);
        time(context.request(), attributes);
        Object response = context.response();
        if (tracing) {
            trace.add(describe(context.request()) + " " + (response instanceof BatchGetItemResponse b
                    ? "(" + batchUnits(context.request(), b) + " units)"
                    : response instanceof TransactWriteItemsResponse t
                    ? "(" + t.consumedCapacity().stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits())
                            .sum() + " units reported, " + billed((TransactWriteItemsRequest) context.request(), t)
                            + " as AWS bills it)"
                    : units(response)));
        }
        SdkRequest request = context.request();
        if (response instanceof PutItemResponse p) write(p.consumedCapacity(), ((PutItemRequest) request).item());
        else if (response instanceof UpdateItemResponse u) write(u.consumedCapacity(), ((UpdateItemRequest) request).key());
        else if (response instanceof DeleteItemResponse d) write(d.consumedCapacity(), ((DeleteItemRequest) request).key());
        else if (response instanceof GetItemResponse g) read(g.consumedCapacity());
        else if (response instanceof QueryResponse q) read(q.consumedCapacity());
        else if (response instanceof BatchGetItemResponse b) reads.add(batchUnits(context.request(), b));
        else if (response instanceof TransactWriteItemsResponse t) {
            t.consumedCapacity().forEach(c -> writes.add(c.capacityUnits() == null ? 0 : c.capacityUnits()));
            billedWrites.add(billed((TransactWriteItemsRequest) request, t));
        }
    }

    private double billed(TransactWriteItemsRequest request, TransactWriteItemsResponse response) {
        double items = 0;
        for (var item : request.transactItems()) {
            if (item.put() != null) {
                items += Math.max(1, Math.ceil(size(item.put().item()) / 1024.0));
            } else if (item.update() != null) {
                items += itemUnits.getOrDefault(key(item.update().key()), 1.0);
            } else if (item.delete() != null) {
                items += itemUnits.getOrDefault(key(item.delete().key()), 1.0);
            }
        }
        double indexes = 0;
        for (ConsumedCapacity c : response.consumedCapacity()) {
            if (c.globalSecondaryIndexes() != null) {
                indexes += c.globalSecondaryIndexes().values().stream()
                        .mapToDouble(i -> i.capacityUnits() == null ? 0 : i.capacityUnits()).sum() / 4;
            }
        }
        return 2 * (items + indexes);
    }

    /** An item's size as DynamoDB counts it: attribute names and values, in bytes. */
    private static double size(java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        double bytes = 0;
        for (var e : item.entrySet()) {
            bytes += e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + size(e.getValue());
        }
        return bytes;
    }

    private static double size(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        if (v.s() != null) return v.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (v.n() != null) return v.n().length() / 2.0 + 1;
        if (v.b() != null) return v.b().asByteArray().length;
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) return 1;
        if (v.hasSs()) return v.ss().stream().mapToDouble(x -> x.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
        if (v.hasNs()) return v.ns().stream().mapToDouble(x -> x.length() / 2.0 + 1).sum();
        if (v.hasL()) return 3 + v.l().stream().mapToDouble(x -> 1 + size(x)).sum();
        if (v.hasM()) return 3 + size(v.m()) + v.m().size();
        return 1;
    }

    private static String key(java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        var pk = item.get("pk");
        var sk = item.get("sk");
        return (pk == null ? "" : pk.s()) + "|" + (sk == null ? "" : sk.s());
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        requests.add(1);
        time(context.request(), attributes);
        if (tracing) {
            trace.add(describe(context.request()) + " (failed: " + context.exception().getClass().getSimpleName() + ")");
        }
        if (context.exception() instanceof ConditionalCheckFailedException) {
            writes.add(1);
            billedWrites.add(1);
        }
    }

    /**
     * DynamoDB bills a batch read as one read per key, an absent item included (at least half a unit
     * eventually consistent, one unit strongly consistent); DynamoDB Local reports nothing for absent
     * items, so the meter bills at least that floor.
     */
    private static double batchUnits(SdkRequest request, BatchGetItemResponse response) {
        double reported = response.consumedCapacity().stream()
                .mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
        double floor = 0;
        if (request instanceof BatchGetItemRequest b) {
            for (var keys : b.requestItems().values()) {
                floor += keys.keys().size() * (Boolean.TRUE.equals(keys.consistentRead()) ? 1.0 : 0.5);
            }
        }
        return Math.max(reported, floor);
    }

    private void read(ConsumedCapacity c) {
        if (c != null && c.capacityUnits() != null) {
            reads.add(c.capacityUnits());
        }
    }

    private void write(ConsumedCapacity c, java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        if (c != null && c.capacityUnits() != null) {
            writes.add(c.capacityUnits());
            billedWrites.add(c.capacityUnits());
            if (c.table() != null && c.table().capacityUnits() != null) {
                itemUnits.put(key(item), Math.max(1, c.table().capacityUnits()));
            }
        }
    }

    /** The operation and what it touched, ids left out: "UpdateItem CONTACT", "PutItem RUN". */
    private static String describe(SdkRequest r) {
        java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key = null;
        String extra = "";
        if (r instanceof PutItemRequest p) key = p.item();
        else if (r instanceof UpdateItemRequest u) { key = u.key(); extra = " " + u.updateExpression(); }
        else if (r instanceof GetItemRequest g) key = g.key();
        else if (r instanceof DeleteItemRequest d) key = d.key();
        else if (r instanceof QueryRequest q) extra = " " + (q.indexName() == null ? "" : q.indexName() + " ")
                + q.keyConditionExpression();
        String sort = key == null || !key.containsKey("sk") ? "" : key.get("sk").s().replaceAll("#.*", "#..");
        String text = r.getClass().getSimpleName().replace("Request", "") + " " + sort + extra;
        return text.length() > 110 ? text.substring(0, 110) + "..." : text;
    }

    private static String units(Object response) {
        ConsumedCapacity c = null;
        if (response instanceof PutItemResponse p) c = p.consumedCapacity();
        else if (response instanceof UpdateItemResponse u) c = u.consumedCapacity();
        else if (response instanceof DeleteItemResponse d) c = d.consumedCapacity();
        else if (response instanceof GetItemResponse g) c = g.consumedCapacity();
        else if (response instanceof QueryResponse q) c = q.consumedCapacity();
        return c == null || c.capacityUnits() == null ? "" : "(" + c.capacityUnits() + " units)";
    }

    void reset() {
        reads.reset();
        writes.reset();
        billedWrites.reset();
        requests.reset();
        latency.clear();
    }
}
