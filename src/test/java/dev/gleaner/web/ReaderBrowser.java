package dev.gleaner.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without a screen for the reader's pages: it keeps its cookies, and follows no redirect. */
final class ReaderBrowser {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final int port;

    ReaderBrowser(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    /** Posts a form; {@code headers} are names and values in turn. */
    HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
        String body = form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), UTF_8) + "="
                + URLEncoder.encode(field.getValue(), UTF_8)).collect(Collectors.joining("&"));
        return send(path, "application/x-www-form-urlencoded", body.getBytes(UTF_8), headers);
    }

    /** Posts {@code fields} and one file as {@code multipart/form-data}, as a browser uploads. */
    HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, String fileName,
            byte[] content) throws Exception {
        String boundary = "----gleaner-test-boundary";
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: text/x-opml\r\n\r\n");
        byte[] start = head.toString().getBytes(UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(UTF_8);
        byte[] body = new byte[start.length + content.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(content, 0, body, start.length, content.length);
        System.arraycopy(end, 0, body, start.length + content.length, end.length);
        return send(path, "multipart/form-data; boundary=" + boundary, body);
    }

    private HttpResponse<String> send(String path, String type, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The CSRF token a page's forms carry. */
    static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF field in " + page).isTrue();
        return matcher.group(1);
    }

    /** Signs in as admin with {@code password}; returns the session's CSRF token. */
    String signIn(String password) throws Exception {
        String token = csrf(get("/app/login").body());
        HttpResponse<String> signedIn = post("/app/login", Map.of("csrf", token, "username", "admin",
                "password", password));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/app/");
        HttpResponse<String> first = get("/app/");
        assertThat(first.statusCode()).isEqualTo(200);
        return csrf(first.body());
    }
}
