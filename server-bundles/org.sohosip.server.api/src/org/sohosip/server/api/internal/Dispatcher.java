// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.api.ApiError;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Takes a servlet request through the common steps — route, content type, body size, authentication — to its
 * handler, and turns every failure into an {@link ApiError} answer.
 */
public final class Dispatcher implements Exchange.Deferral {

    /** Largest request body accepted; the API's bodies are a few hundred bytes. */
    public static final int MAX_BODY = 64 * 1024;
    /** Largest uploaded file (a phonebook of tens of thousands of cards). */
    public static final int MAX_UPLOAD = 32 * 1024 * 1024;
    /** Media types an upload may have. */
    public static final java.util.List<String> UPLOAD_TYPES = java.util.List.of("text/vcard", "text/x-vcard",
            "text/directory", "text/csv", "text/comma-separated-values", "text/plain");

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final byte[] NO_BODY = new byte[0];

    private final Router router;
    private final Guard guard;
    private final Json json;
    private final ScheduledExecutorService scheduler;

    /** @param scheduler runs deferred answers; owned by the caller */
    public Dispatcher(Router router, Guard guard, Json json, ScheduledExecutorService scheduler) {
        this.router = router;
        this.guard = guard;
        this.json = json;
        this.scheduler = scheduler;
    }

    /** Serves one request under {@link Endpoint#BASE}. */
    public void dispatch(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store"); // answers carry tokens and personal data
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        run(request, response, () -> {
            Router.Match match = router.match(request.getMethod(), path);
            Endpoint endpoint = match.endpoint();
            byte[] body = endpoint.upload() ? readUpload(request)
                    : endpoint.body() == null ? NO_BODY : readBody(request);
            Exchange exchange = new Exchange(request, response, match.params(), body, json, this);
            switch (endpoint.access()) {
            case USER -> exchange.caller(guard.user(request.getHeader("Authorization")));
            case ADMIN -> exchange.caller(guard.admin(request.getHeader("Authorization"), request.getRemoteAddr()));
            case PUBLIC -> {
                // nobody to check
            }
            }
            match.handler().handle(exchange);
        });
    }

    @Override
    public void later(Exchange exchange, Duration delay, Router.Handler continuation) {
        AsyncContext async = exchange.request().startAsync();
        async.setTimeout(delay.toMillis() + TimeUnit.MINUTES.toMillis(1));
        scheduler.schedule(() -> async.start(() -> {
            try {
                run(exchange.request(), exchange.response(), () -> continuation.handle(exchange));
            } finally {
                async.complete();
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private interface Step {
        void run() throws IOException;
    }

    private void run(HttpServletRequest request, HttpServletResponse response, Step step) {
        try {
            step.run();
        } catch (ApiException e) {
            writeError(response, e.error(), e.body(), e.headers());
        } catch (IOException e) {
            LOG.debug("Client went away during {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Internal error on {} {}", request.getMethod(), request.getRequestURI(), e);
            writeError(response, new ApiError(500, "internal_error",
                    "The server failed to answer; nothing was changed. The server log says why.", Map.of()),
                    Map.of());
        }
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim();
        if (!mediaType.equalsIgnoreCase("application/json")) {
            throw new ApiException(415, "unsupported_media_type", "Send the body as JSON with 'Content-Type: "
                    + "application/json'" + (type == null ? "." : ", not '" + type + "'."));
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw tooLarge();
            }
            return body;
        }
    }

    private byte[] readUpload(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!UPLOAD_TYPES.contains(mediaType)) {
            throw new ApiException(415, "unsupported_media_type", "Send the file as text/vcard or text/csv"
                    + (type == null ? "." : ", not '" + type + "'."));
        }
        if (request.getContentLengthLong() > MAX_UPLOAD) {
            throw uploadTooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_UPLOAD + 1);
            if (body.length > MAX_UPLOAD) {
                throw uploadTooLarge();
            }
            return body;
        }
    }

    private static ApiException uploadTooLarge() {
        return new ApiException(413, "payload_too_large", "The file is larger than " + MAX_UPLOAD / (1024 * 1024)
                + " MiB; split it and import the parts one after the other.");
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "payload_too_large", "The body is larger than " + MAX_BODY / 1024
                + " KiB; the API's requests are much smaller.");
    }

    private void writeError(HttpServletResponse response, ApiError error, Map<String, String> headers) {
        writeError(response, error, error, headers);
    }

    private void writeError(HttpServletResponse response, ApiError error, Object body, Map<String, String> headers) {
        if (response.isCommitted()) {
            return;
        }
        try {
            response.reset();
            response.setHeader("Cache-Control", "no-store");
            headers.forEach(response::setHeader);
            byte[] bytes = json.write(body);
            response.setStatus(error.status());
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        } catch (IOException e) {
            LOG.debug("Client went away before the error answer: {}", e.getMessage());
        }
    }
}
