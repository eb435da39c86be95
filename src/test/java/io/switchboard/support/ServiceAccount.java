package io.switchboard.support;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Google Cloud service account for the Google Sheets tests: a fresh RSA key pair, the JSON key file
 * Google Cloud downloads for it (pointing its token endpoint at {@link FakeGoogle}), and the fake
 * Google that trusts its public key.
 */
public record ServiceAccount(String clientEmail, KeyPair keys) {

    public static ServiceAccount create(String clientEmail) {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            return new ServiceAccount(clientEmail, rsa.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String privateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** The JSON file Google Cloud downloads for a service account. */
    public Map<String, Object> keyFile() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("type", "service_account");
        key.put("project_id", "acme-support");
        key.put("private_key_id", "3f1c0ffee0ddba11");
        key.put("private_key", privateKeyPem());
        key.put("client_email", clientEmail);
        key.put("client_id", "104776331122334455667");
        key.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        key.put("token_uri", FakeGoogle.baseUrl() + "/token");
        return key;
    }

    /** Google, as the fake serves it from now on, accepting this account's signed assertions. */
    public FakeGoogle.Api google() {
        return new FakeGoogle.Api(keys.getPublic(), clientEmail).install();
    }
}
