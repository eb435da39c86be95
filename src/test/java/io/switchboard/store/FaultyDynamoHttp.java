package io.switchboard.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The real HTTP client to DynamoDB Local with faults injected at {@code rate} of the requests, as
 * DynamoDB answers them, so the SDK's own retry policy sees exactly what it would in production: half
 * before the request reaches the store (ProvisionedThroughputExceededException, ThrottlingException,
 * a 500, a timeout), half after the store applied it (the answer is lost: a 500 or a timeout), which
 * is the case that makes a retried conditional write find its own earlier write.
 */
final class FaultyDynamoHttp implements SdkHttpClient {

    final LongAdder requests = new LongAdder();
    final LongAdder throughputExceeded = new LongAdder();
    final LongAdder throttling = new LongAdder();
    final LongAdder serverErrors = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder lostAfterApplying = new LongAdder();

    private final SdkHttpClient delegate;
    private final double rate;
    private final Random random;

    FaultyDynamoHttp(SdkHttpClient delegate, double rate, long seed) {
        this.delegate = delegate;
        this.rate = rate;
        this.random = new Random(seed);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        requests.increment();
        double roll;
        int kind;
        synchronized (random) {
            roll = random.nextDouble();
            kind = random.nextInt(4);
        }
        if (roll >= rate) {
            return delegate.prepareRequest(request);
        }
        if (roll < rate / 2) {
            return switch (kind) {
                case 0 -> answer(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", throughputExceeded);
                case 1 -> answer(400, "com.amazon.coral.availability#ThrottlingException", throttling);
                case 2 -> answer(500, "com.amazon.coral.service#InternalFailure", serverErrors);
                default -> timeout();
            };
        }
        ExecutableHttpRequest real = delegate.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                HttpExecuteResponse applied = real.call();
                if (applied.responseBody().isPresent()) {
                    applied.responseBody().get().readAllBytes();
                    applied.responseBody().get().close();
                }
                lostAfterApplying.increment();
                if (kind % 2 == 0) {
                    serverErrors.increment();
                    return response(500, "com.amazon.coral.service#InternalFailure");
                }
                timeouts.increment();
                throw new IOException("injected: read timed out after the store applied the request");
            }

            @Override
            public void abort() {
                real.abort();
            }
        };
    }

    private static ExecutableHttpRequest answer(int status, String type, LongAdder counter) {
        counter.increment();
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return response(status, type);
            }

            @Override
            public void abort() {
            }
        };
    }

    private ExecutableHttpRequest timeout() {
        timeouts.increment();
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                throw new IOException("injected: connect timed out");
            }

            @Override
            public void abort() {
            }
        };
    }

    static HttpExecuteResponse response(int status, String type) {
        byte[] body = ("{\"__type\":\"" + type + "\",\"message\":\"injected fault\"}").getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder().statusCode(status)
                        .putHeader("Content-Type", "application/x-amz-json-1.0")
                        .putHeader("x-amzn-ErrorType", type.substring(type.indexOf('#') + 1))
                        .putHeader("Content-Length", Integer.toString(body.length)).build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                .build();
    }

    String figures() {
        return String.format("%d requests; injected: %d ProvisionedThroughputExceeded, %d Throttling, %d 500s, "
                + "%d timeouts (%d of them after the store applied the request)", requests.sum(), throughputExceeded.sum(),
                throttling.sum(), serverErrors.sum(), timeouts.sum(), lostAfterApplying.sum());
    }

    @Override
    public void close() {
        delegate.close();
    }
}
