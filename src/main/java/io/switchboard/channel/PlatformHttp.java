package io.switchboard.channel;

import io.switchboard.inbox.OutboundSender.SendFailed;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls a platform's send API with the one retry rule that never sends a message twice: a request is
 * repeated only when the platform surely did not take it (429, or the connection was never made), or
 * when the platform deduplicates it by an idempotency key ({@code idempotent}: then 5xx and timeouts
 * are retried too). Waits honour {@code Retry-After}, up to {@code maxWait}; a longer wait is reported
 * instead of holding the caller.
 */
public final class PlatformHttp {

    private static final Pattern BODY_RETRY_AFTER = Pattern.compile("\"retry_after\"\\s*:\\s*(\\d+)");

    /** A platform's answer. */
    public record Reply(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration maxWait;

    public PlatformHttp(HttpClient client, Duration timeout, int maxAttempts, Duration maxWait) {
        this.client = client;
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
        this.maxWait = maxWait;
    }

    public Reply exchange(String platform, HttpRequest.Builder request, boolean idempotent) {
        HttpRequest built = request.timeout(timeout).build();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= maxAttempts;
            HttpResponse<String> response;
            try {
                response = client.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException | HttpConnectTimeoutException neverSent) {
                if (last) {
                    throw new SendFailed(502, "platform_unreachable", platform + " could not be reached: "
                            + neverSent.getMessage());
                }
                pause(backoff(attempt));
                continue;
            } catch (IOException e) {
                if (idempotent && !last) {
                    pause(backoff(attempt));
                    continue;
                }
                throw new SendFailed(502, "platform_unreachable", platform + " did not answer (" + e.getMessage()
                        + "); it may have taken the message, so it was not sent again");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SendFailed(502, "platform_unreachable", "interrupted while calling " + platform);
            }
            int status = response.statusCode();
            boolean retryable = status == 429 || status >= 500 && idempotent;
            if (!retryable || last) {
                return new Reply(status, response.body());
            }
            Duration wait = retryAfter(response).orElse(backoff(attempt));
            if (wait.compareTo(maxWait) > 0) {
                return new Reply(status, response.body());
            }
            pause(wait);
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        Optional<String> header = response.headers().firstValue("retry-after");
        try {
            if (header.isPresent()) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(header.get().trim())));
            }
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
        // Telegram names the wait in the body: {"parameters": {"retry_after": 5}}
        Matcher m = BODY_RETRY_AFTER.matcher(response.body() == null ? "" : response.body());
        return m.find() ? Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1)))) : Optional.empty();
    }

    private static Duration backoff(int attempt) {
        long millis = 200L << Math.min(attempt - 1, 5);
        return Duration.ofMillis(millis + (long) (Math.random() * millis / 2));
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailed(502, "platform_unreachable", "interrupted while waiting to retry");
        }
    }
}
