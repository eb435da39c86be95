package io.switchboard.ops;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A {@link DynamoDbClient} that is not the SDK's own (DynamoDB Local's in-process client answers each
 * call directly, with no request pipeline) made to run the SDK client's execution interceptors around
 * every request: {@link DynamoDbMetrics} then counts requests and capacity units as it does over HTTP.
 * Only the execution hooks a call without HTTP has are run: before, modify request, modify response,
 * after, and failure.
 */
public final class InterceptingDynamoDbClient implements InvocationHandler {

    private final DynamoDbClient target;
    private final List<ExecutionInterceptor> interceptors;

    private InterceptingDynamoDbClient(DynamoDbClient target, List<ExecutionInterceptor> interceptors) {
        this.target = target;
        this.interceptors = List.copyOf(interceptors);
    }

    public static DynamoDbClient wrap(DynamoDbClient target, List<ExecutionInterceptor> interceptors) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, new InterceptingDynamoDbClient(target, interceptors));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (args != null && args.length == 1 && (args[0] instanceof java.util.function.Consumer<?>
                || method.getName().endsWith("Paginator"))) {
            // the builder-consumer overloads and the paginators end in the request methods below, through this proxy
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        if (args == null || args.length != 1 || !(args[0] instanceof SdkRequest request)) {
            return call(method, args);
        }
        ExecutionAttributes attributes = new ExecutionAttributes();
        // as the SDK names operations (PutItem, TransactWriteItems), which the meters are tagged with
        attributes.putAttribute(SdkExecutionAttribute.OPERATION_NAME,
                Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1));
        attributes.putAttribute(SdkExecutionAttribute.SERVICE_NAME, "DynamoDB");
        for (ExecutionInterceptor i : interceptors) {
            i.beforeExecution(context(request, null), attributes);
        }
        for (ExecutionInterceptor i : interceptors) {
            request = i.modifyRequest(context(request, null), attributes);
        }
        SdkResponse response;
        try {
            response = (SdkResponse) call(method, new Object[] {request});
        } catch (Throwable failure) {
            Failed failed = new Failed(request, failure);
            for (ExecutionInterceptor i : interceptors) {
                i.onExecutionFailure(failed, attributes);
            }
            throw failure;
        }
        for (ExecutionInterceptor i : interceptors) {
            response = i.modifyResponse(context(request, response), attributes);
        }
        for (ExecutionInterceptor i : interceptors) {
            i.afterExecution(context(request, response), attributes);
        }
        return response;
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    // the SDK's own context type (a protected API, for code that runs interceptors); no HTTP parts here
    private static InterceptorContext context(SdkRequest request, SdkResponse response) {
        return InterceptorContext.builder().request(request).response(response).build();
    }

    private record Failed(SdkRequest request, Throwable exception) implements Context.FailedExecution {
        @Override
        public Optional<SdkHttpRequest> httpRequest() {
            return Optional.empty();
        }

        @Override
        public Optional<SdkHttpResponse> httpResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SdkResponse> response() {
            return Optional.empty();
        }
    }
}
