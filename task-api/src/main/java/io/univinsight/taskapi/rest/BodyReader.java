package io.univinsight.taskapi.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a request body as UTF-8 text, stopping one byte past the limit, so a body sent without a
 * length (chunked) is never buffered whole. (A declared length over the limit is refused earlier, by
 * BodySizeFilter, with a 413 problem.)
 */
final class BodyReader {
    private BodyReader() {
    }

    /** stopReceiving: called when the body is over the limit, to stop taking the rest of it in. */
    static String read(InputStream body, long maxBytes, Runnable stopReceiving) {
        if (body == null) {
            return null;
        }
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                stopReceiving.run();
                throw new ProblemException(413, "Payload too large", "the body has more than " + maxBytes + " bytes", null, Map.of());
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The client went away or stalled mid-body: its fault, not the service's.
            throw new ProblemException(400, "Bad request", "the body could not be read: " + e.getMessage(), null, Map.of());
        }
    }
}
