package org.incidentmap.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request. A fuzzer must be able to send what
 * well-behaved clients refuse to (broken percent-encodings, any Content-Type), and must notice a
 * chunked answer that stops before its last chunk, which most clients report as a normal end.
 */
final class RawHttp {

    /** An answer; {@code complete} is false when a chunked body ended without its final chunk. */
    record Answer(int status, Map<String, String> headers, byte[] body, boolean complete) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    static Answer send(int port, Probe probe) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder()
                    .append(probe.method()).append(' ').append(probe.target()).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Connection: close\r\n");
            for (String[] h : probe.headers()) {
                head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            if (!probe.method().equals("GET")) {
                head.append("Content-Length: ").append(probe.body().length).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(probe.body());
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no complete answer within 60 s to\n" + probe, e);
        } catch (IOException e) {
            throw new AssertionError("the connection failed (" + e + ") for\n" + probe, e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the server closed the connection without answering");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        String type = headers.getOrDefault("content-type", "");
        if (type.startsWith("text/event-stream")) {
            // a live stream does not end; its head is the answer
            return new Answer(status, headers, new byte[0], true);
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return chunked(status, headers, in);
        }
        String length = headers.get("content-length");
        byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
        return new Answer(status, headers, body, length == null || body.length == Integer.parseInt(length));
    }

    private static Answer chunked(int status, Map<String, String> headers, InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null || size.isBlank()) {
                return new Answer(status, headers, body.toByteArray(), false);
            }
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                return new Answer(status, headers, body.toByteArray(), true);
            }
            byte[] chunk = in.readNBytes(n);
            body.write(chunk);
            if (chunk.length < n || line(in) == null) {
                return new Answer(status, headers, body.toByteArray(), false);
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
