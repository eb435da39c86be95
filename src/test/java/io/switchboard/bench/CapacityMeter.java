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
 */
final class CapacityMeter implements ExecutionInterceptor {

    final DoubleAdder reads = new DoubleAdder();
    final DoubleAdder writes = new DoubleAdder();
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
                    ? "(" + batchUnits(context.request(), b) + " units)" : units(response)));
        }
        if (response instanceof PutItemResponse p) write(p.consumedCapacity());
        else if (response instanceof UpdateItemResponse u) write(u.consumedCapacity());
        else if (response instanceof DeleteItemResponse d) write(d.consumedCapacity());
        else if (response instanceof GetItemResponse g) read(g.consumedCapacity());
        else if (response instanceof QueryResponse q) read(q.consumedCapacity());
        else if (response instanceof BatchGetItemResponse b) reads.add(batchUnits(context.request(), b));
        else if (response instanceof TransactWriteItemsResponse t) t.consumedCapacity().forEach(this::write);
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

    private void write(ConsumedCapacity c) {
        if (c != null && c.capacityUnits() != null) {
            writes.add(c.capacityUnits());
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
        requests.reset();
        latency.clear();
    }
}
