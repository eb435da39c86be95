import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Invokes the packaged Lambda handler the way the AWS Java runtime does (the handler class named in
 * infra/lambda.tf, a stream in, a stream out), with a function URL event read from a file.
 * Prints the handler's response JSON.
 */
public class LambdaSmoke {

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new QuarkusStreamHandler().handleRequest(new ByteArrayInputStream(event), out, new FakeContext());
        System.out.println(out.toString(StandardCharsets.UTF_8));
        System.exit(0);
    }

    static final class FakeContext implements Context {
        public String getAwsRequestId() { return "smoke-request"; }
        public String getLogGroupName() { return "/aws/lambda/smoke"; }
        public String getLogStreamName() { return "smoke"; }
        public String getFunctionName() { return "switchboard-http"; }
        public String getFunctionVersion() { return "1"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:switchboard-http"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 15000; }
        public int getMemoryLimitInMB() { return 1024; }
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                public void log(String message) { System.err.println(message); }
                public void log(byte[] message) { System.err.println(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }
}
