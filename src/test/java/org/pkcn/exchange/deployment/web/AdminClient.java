package org.pkcn.exchange.deployment.web;

import static org.pkcn.exchange.BasicAuth.basic;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Calls the running application over HTTP as a given account (password "demo"), or as nobody. */
final class AdminClient {

    static final String ADMIN = "admin";
    static final String REVIEWER = "stza-reviewer";

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    AdminClient(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path, String user) throws Exception {
        return send(request(path, user).GET());
    }

    HttpResponse<String> postJson(String path, String user, String json) throws Exception {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * A multipart POST as Camunda Modeler and the upload page send it: text fields, then each file in a part of its
     * own, named by the file name.
     */
    HttpResponse<String> postMultipart(String path, String user, Map<String, String> fields, String filePartName,
            Map<String, byte[]> files, Map<String, String> headers) throws Exception {
        String boundary = "----exchange" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = filePartName == null ? file.getKey() : filePartName;
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = request(path, user)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(request::header);
        return send(request);
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", basic(user, "demo"));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
