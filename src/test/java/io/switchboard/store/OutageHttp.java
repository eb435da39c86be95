package io.switchboard.store;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The real HTTP client to DynamoDB Local, except that a request marked with {@link #HEADER} is
 * answered as DynamoDB answers an internal failure (500), on every attempt, without reaching the store.
 */
final class OutageHttp implements SdkHttpClient {

    static final String HEADER = "x-test-store-outage";

    private final SdkHttpClient delegate;

    OutageHttp(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (request.httpRequest().firstMatchingHeader(HEADER).isEmpty()) {
            return delegate.prepareRequest(request);
        }
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return FaultyDynamoHttp.response(500, "com.amazon.coral.service#InternalFailure");
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public void close() {
        delegate.close();
    }
}
