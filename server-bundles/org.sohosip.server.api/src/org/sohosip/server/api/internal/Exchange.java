// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One request and its answer as a handler sees them: path variables, the raw body (already size- and type-checked),
 * the caller, and ways to answer or to answer later without holding a thread.
 */
public final class Exchange {

    /** Runs a handler's continuation later, with the dispatcher's error handling. */
    interface Deferral {
        void later(Exchange exchange, Duration delay, Router.Handler continuation);
    }

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Map<String, String> params;
    private final byte[] body;
    private final Json json;
    private final Deferral deferral;
    private @Nullable Caller caller;

    Exchange(HttpServletRequest request, HttpServletResponse response, Map<String, String> params, byte[] body,
            Json json, Deferral deferral) {
        this.request = request;
        this.response = response;
        this.params = params;
        this.body = body;
        this.json = json;
        this.deferral = deferral;
    }

    /** @return the remote address, as the connection reports it */
    public String address() {
        return request.getRemoteAddr();
    }

    /** @return a path variable of the endpoint's template */
    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalStateException("No path variable " + name);
        }
        return value;
    }

    /** @return a path variable that must be an id */
    public long id(String name) {
        try {
            return Long.parseLong(param(name));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("'" + param(name) + "' is not an id.");
        }
    }

    /** @return a query parameter, or {@code null} */
    public @Nullable String query(String name) {
        return request.getParameter(name);
    }

    /** @return a request header, or {@code null} */
    public @Nullable String header(String name) {
        return request.getHeader(name);
    }

    /** @return the uploaded file of an {@link Endpoint#upload()} endpoint */
    public byte[] upload() {
        return body;
    }

    /** @return the request's Content-Type, or empty */
    public String contentType() {
        String type = request.getContentType();
        return type == null ? "" : type;
    }

    /** @return the body read as {@code type} */
    public <T> T body(Class<T> type) {
        return json.read(body, type);
    }

    /** @return the authenticated caller */
    public Caller caller() {
        Caller known = caller;
        if (known == null) {
            throw new IllegalStateException("Endpoint is public: there is no caller");
        }
        return known;
    }

    void caller(Caller authenticated) {
        this.caller = authenticated;
    }

    /** Sets a response header. */
    public void setHeader(String name, String value) {
        response.setHeader(name, value);
    }

    /** Answers with a JSON body. */
    public void respond(int status, Object value) throws IOException {
        byte[] bytes = json.write(value);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    /** Answers with a status and no body (204). */
    public void respond(int status) {
        response.setStatus(status);
    }

    /** Answers with a file to save under {@code filename}. */
    public void respondFile(String contentType, String filename, byte[] bytes) throws IOException {
        response.setStatus(200);
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    /** Answers with a fixed JSON document. */
    public void respondRaw(byte[] jsonBytes) throws IOException {
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(jsonBytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(jsonBytes);
        }
    }

    /**
     * Answers later: the request is suspended (no thread waits) and {@code continuation} runs after {@code delay}.
     * Nothing may be written to the response after this call returns.
     */
    public void defer(Duration delay, Router.Handler continuation) {
        deferral.later(this, delay, continuation);
    }

    HttpServletRequest request() {
        return request;
    }

    HttpServletResponse response() {
        return response;
    }
}
