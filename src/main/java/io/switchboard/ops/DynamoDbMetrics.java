package io.switchboard.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
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
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Meters every DynamoDB request the stores make, by operation and outcome, and the capacity units
 * DynamoDB reports for it (asked for on every request: TOTAL costs nothing extra). Registered with
 * the SDK client through {@code quarkus.dynamodb.interceptors}, which looks the bean up in CDI.
 */
@Singleton
public class DynamoDbMetrics implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>(
            // the SDK refuses a second attribute of one name; the application's classes load afresh on a restart
            "switchboard.started." + java.util.UUID.randomUUID());

    private final MeterRegistry registry;

    public DynamoDbMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (r instanceof PutItemRequest p && p.returnConsumedCapacity() == null) return p.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof UpdateItemRequest u && u.returnConsumedCapacity() == null) return u.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof GetItemRequest g && g.returnConsumedCapacity() == null) return g.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof DeleteItemRequest d && d.returnConsumedCapacity() == null) return d.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof QueryRequest q && q.returnConsumedCapacity() == null) return q.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof BatchGetItemRequest b && b.returnConsumedCapacity() == null) return b.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof TransactWriteItemsRequest t && t.returnConsumedCapacity() == null) return t.toBuilder().returnConsumedCapacity(total).build();
        return r;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String operation = operation(attributes);
        record(operation, "ok", attributes);
        Object response = context.response();
        if (response instanceof PutItemResponse p) units(operation, "write", p.consumedCapacity());
        else if (response instanceof UpdateItemResponse u) units(operation, "write", u.consumedCapacity());
        else if (response instanceof DeleteItemResponse d) units(operation, "write", d.consumedCapacity());
        else if (response instanceof GetItemResponse g) units(operation, "read", g.consumedCapacity());
        else if (response instanceof QueryResponse q) units(operation, "read", q.consumedCapacity());
        else if (response instanceof BatchGetItemResponse b) all(operation, "read", b.consumedCapacity());
        else if (response instanceof TransactWriteItemsResponse t) all(operation, "write", t.consumedCapacity());
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable e = context.exception();
        // a failed condition is how the stores make a second delivery a no-op: expected, not an error
        String outcome = e instanceof ConditionalCheckFailedException || e instanceof TransactionCanceledException
                ? "condition_failed" : "error";
        record(operation(attributes), outcome, attributes);
    }

    private void record(String operation, String outcome, ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        Timer timer = Timer.builder("switchboard.dynamodb.requests").description("DynamoDB requests, by operation and outcome")
                .tag("operation", operation).tag("outcome", outcome).register(registry);
        if (started != null) {
            timer.record(java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void all(String operation, String kind, List<ConsumedCapacity> capacities) {
        if (capacities != null) {
            capacities.forEach(c -> units(operation, kind, c));
        }
    }

    private void units(String operation, String kind, ConsumedCapacity capacity) {
        if (capacity == null || capacity.capacityUnits() == null) {
            return;
        }
        Counter.builder("switchboard.dynamodb.consumed.capacity").description("Capacity units DynamoDB reported consumed")
                .baseUnit("units").tag("operation", operation).tag("kind", kind)
                .register(registry).increment(capacity.capacityUnits());
    }

    private static String operation(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return name == null ? "unknown" : name;
    }
}
