package org.pkcn.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The {@code Authorization} header of HTTP Basic, as the tests' clients send it to the API and the engine. */
public final class BasicAuth {

    private BasicAuth() {
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
