package dev.gatehouse.runtime.limits;

import dev.gatehouse.runtime.JsonOutput;
import dev.gatehouse.runtime.problem.Problem;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Bounds every request body before any endpoint (and any authentication that reads the body) sees it, by the
 * limits of {@link RequestLimits}. A body that announces more than its limit is refused with 413 unread; a body
 * without a length (chunked) is read up to its limit and refused as soon as it passes it, or, on the gateway,
 * which streams, counted as it goes. 413 is an RFC 6749 {@code invalid_request} on the OAuth endpoints, an RFC 9457
 * problem elsewhere.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class BodyLimitFilter extends HttpFilter {

    @Inject
    RequestLimits limits;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestLimits.Limit limit = limits.of(request.getRequestURI().substring(request.getContextPath().length()));
        if (!limit.bounded()) {
            chain.doFilter(request, response);
            return;
        }
        long announced = request.getContentLengthLong();
        if (announced > limit.bytes()) {
            refuse(limit, response);
            return;
        }
        if (announced >= 0 || request.getHeader("Transfer-Encoding") == null) {
            // the container delivers no more than Content-Length announces
            chain.doFilter(request, response);
            return;
        }
        if (limit.streamed()) {
            chain.doFilter(new Counted(request, limit.bytes()), response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(Math.toIntExact(limit.bytes() + 1));
        if (body.length > limit.bytes()) {
            refuse(limit, response);
            return;
        }
        chain.doFilter(new Buffered(request, body), response);
    }

    private static void refuse(RequestLimits.Limit limit, HttpServletResponse response) throws IOException {
        String description = "The request body is larger than " + limit.bytes() + " bytes.";
        JsonObject body;
        if (limit.oauth()) {
            body = JsonOutput.object().add("error", "invalid_request").add("error_description", description).build();
            response.setContentType("application/json");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        } else {
            body = Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "content_too_large", description).toJson();
            response.setContentType(Problem.MEDIA_TYPE);
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        // the rest of the body is never read: the connection cannot carry another request
        response.setHeader("Connection", "close");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** A request whose body was read whole, within its limit. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new Stream(new ByteArrayInputStream(body), Long.MAX_VALUE);
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding)));
        }
    }

    /** A request whose streamed body fails with {@link BodyTooLarge} once it passes the limit. */
    private static final class Counted extends HttpServletRequestWrapper {

        private final long limit;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            return new Stream(super.getInputStream(), limit);
        }
    }

    /** Blocking reads only: the endpoints behind this filter read their bodies as plain streams. */
    private static final class Stream extends ServletInputStream {

        private final InputStream in;
        private final long limit;
        private long count;
        private boolean finished;

        Stream(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            counted(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            counted(n);
            return n;
        }

        private void counted(int n) throws BodyTooLarge {
            if (n < 0) {
                finished = true;
                return;
            }
            count += n;
            if (count > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("Bodies behind the size limit are read blocking.");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
