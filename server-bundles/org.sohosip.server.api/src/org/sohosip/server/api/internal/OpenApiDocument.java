// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The hand-written OpenAPI document shipped in the bundle ({@value #RESOURCE}), served as it is. */
public final class OpenApiDocument implements Router.Handler {

    /** Where the document lives in the bundle. */
    public static final String RESOURCE = "/openapi/openapi.json";

    private final byte[] document;

    /** Reads the document from the bundle. */
    public OpenApiDocument() {
        this.document = load();
    }

    /** @return the document's bytes */
    public static byte[] load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundle lacks " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        exchange.respondRaw(document);
    }
}
