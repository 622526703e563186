package io.borderline.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately low-level HTTP/1.1 client for tests that need control a normal client does not
 * give: a chunked body sent in pieces while the answer is read, a client that vanishes
 * mid-stream, a Content-Length the body never reaches.
 */
final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    private boolean chunkedResponse;
    private long chunkLeft;
    private boolean ended;

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(60_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
    }

    /** Sends the request line and headers of a POST with a chunked body. */
    void startChunkedPost(String pathAndQuery, String contentType, String accept) throws IOException {
        out.write(("POST " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
            + "\r\nAccept: " + accept + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends a request head as given (lines without CRLF), then the body bytes. */
    void sendRaw(String head, byte[] body) throws IOException {
        out.write((head.replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.flush();
    }

    void chunk(String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (b.length == 0) {
            return;
        }
        out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    void endChunks() throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads the status line and headers. */
    void readHead() throws IOException {
        String statusLine = line(in);
        status = Integer.parseInt(statusLine.split(" ")[1]);
        String h;
        while (!(h = line(in)).isEmpty()) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        chunkedResponse = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
        if (!chunkedResponse && headers.containsKey("content-length")) {
            chunkLeft = Long.parseLong(headers.get("content-length"));
        }
    }

    /** The next line of the (de-chunked) body, or null at its end. */
    String bodyLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = bodyByte()) >= 0) {
            if (c == '\n') {
                return b.toString(StandardCharsets.UTF_8);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    String restOfBody() throws IOException {
        StringBuilder sb = new StringBuilder();
        String l;
        while ((l = bodyLine()) != null) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    private int bodyByte() throws IOException {
        if (ended) {
            return -1;
        }
        if (chunkedResponse) {
            if (chunkLeft == 0) {
                String size = line(in);
                if (size.isEmpty()) {
                    size = line(in);
                }
                chunkLeft = Long.parseLong(size.split(";")[0].trim(), 16);
                if (chunkLeft == 0) {
                    ended = true;
                    return -1;
                }
            }
            chunkLeft--;
            return in.read();
        }
        if (headers.containsKey("content-length")) {
            if (chunkLeft == 0) {
                ended = true;
                return -1;
            }
            chunkLeft--;
        }
        return in.read();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c < 0 && b.size() == 0) {
            throw new IOException("connection closed");
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
